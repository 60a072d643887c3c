/**
 * The GNN's tensor: a row-major 2-D Float32Array (a vector is n×1 or 1×n) with an optional
 * gradient and the step that carries a gradient back to the tensors it was computed from.
 *
 * The tape is the graph itself: each op result keeps its parents and one backward closure (one per
 * op, never per element). `backward()` on a 1×1 loss orders the graph in reverse topological order
 * and runs each step once. Leaf tensors with `requiresGrad` (parameters) accumulate gradients until
 * `zeroGrad`; intermediate gradients and the graph are dropped after the pass, so memory does not
 * grow with the number of steps.
 */
import { allocateFloat32, releaseFloat32 } from './buffer-pool.ts';
import { isGradEnabled } from './grad-mode.ts';
import { trackInScope } from './tensor-scope.ts';

/** Reads `out.grad` and adds the contribution of each parent into `parent.ensureGrad()`. */
export type BackwardStep = (out: Tensor) => void;

const RELEASED = new Float32Array(0);

export class Tensor {
  readonly rows: number;
  readonly cols: number;
  /** Row-major values; emptied when the tensorScope that made it ends (see tensor-scope.ts). */
  data: Float32Array;
  /** Allocated on first use (zero-filled); parameters keep it until zeroGrad. */
  grad: Float32Array | null = null;
  requiresGrad: boolean;
  /** Tensors this one was computed from; empty for leaves. */
  parents: readonly Tensor[] = [];
  backwardStep: BackwardStep | null = null;
  name: string | undefined;

  constructor(rows: number, cols: number, data?: Float32Array, requiresGrad = false, name?: string) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
      throw new Error(`gnn/tensor: bad shape ${rows}×${cols}`);
    }
    if (data && data.length !== rows * cols) {
      throw new Error(`gnn/tensor: data length ${data.length} does not match ${rows}×${cols}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float32Array(rows * cols);
    this.requiresGrad = requiresGrad;
    this.name = name;
  }

  get size(): number {
    return this.data.length;
  }

  get isLeaf(): boolean {
    return this.backwardStep === null;
  }

  /** The gradient buffer, allocated zero-filled on first call. */
  ensureGrad(): Float32Array {
    if (this.grad === null) this.grad = allocateFloat32(this.data.length);
    return this.grad;
  }

  /** Gives data and gradient buffers back to the pool; the tensor must not be used afterwards. */
  release(): void {
    releaseFloat32(this.data);
    if (this.grad) releaseFloat32(this.grad);
    this.data = RELEASED;
    this.grad = null;
    this.backwardStep = null;
    this.parents = [];
  }

  /** Value of a 1×1 tensor (or element [i, j]). */
  item(i = 0, j = 0): number {
    return this.data[i * this.cols + j];
  }

  /** A leaf copy of the values, outside any graph. */
  detach(): Tensor {
    return new Tensor(this.rows, this.cols, this.data.slice());
  }

  /** Reverse-mode pass from this 1×1 loss to every leaf that requires a gradient. */
  backward(): void {
    if (this.rows !== 1 || this.cols !== 1) {
      throw new Error(`gnn/tensor: backward() needs a 1×1 loss, got ${this.rows}×${this.cols}`);
    }
    if (!this.requiresGrad) throw new Error('gnn/tensor: loss does not depend on any parameter');
    const order = topologicalOrder(this);
    this.ensureGrad()[0] += 1;
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i];
      if (node.backwardStep === null || node.grad === null) continue;
      node.backwardStep(node);
      // Intermediates are used once per graph: recycle their gradients, free links for the GC.
      releaseFloat32(node.grad);
      node.grad = null;
      node.backwardStep = null;
      node.parents = [];
    }
  }
}

/** Nodes reachable from `root` through parents that require gradients, parents before children. */
function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const visited = new Set<Tensor>();
  // Iterative DFS: graphs of deep models would overflow the call stack recursively.
  const stack: Tensor[] = [root];
  const childIndex: number[] = [0];
  visited.add(root);
  while (stack.length > 0) {
    const top = stack.length - 1;
    const node = stack[top];
    const next = childIndex[top];
    if (next < node.parents.length) {
      childIndex[top] = next + 1;
      const parent = node.parents[next];
      if (parent.requiresGrad && !visited.has(parent)) {
        visited.add(parent);
        stack.push(parent);
        childIndex.push(0);
      }
    } else {
      order.push(node);
      stack.pop();
      childIndex.pop();
    }
  }
  return order;
}

/** A trainable leaf: keeps its gradient across ops until zeroGrad. */
export function parameter(rows: number, cols: number, data?: Float32Array, name?: string): Tensor {
  return new Tensor(rows, cols, data, true, name);
}

/** A constant leaf (inputs, targets): no gradient. */
export function constant(rows: number, cols: number, data?: Float32Array): Tensor {
  return new Tensor(rows, cols, data, false);
}

/** A tensor from nested rows, e.g. `fromRows([[1, 2], [3, 4]])`. */
export function fromRows(values: readonly (readonly number[])[], requiresGrad = false): Tensor {
  const rows = values.length;
  const cols = rows > 0 ? values[0].length : 0;
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    if (values[i].length !== cols) throw new Error('gnn/tensor: fromRows needs rows of equal length');
    data.set(values[i], i * cols);
  }
  return new Tensor(rows, cols, data, requiresGrad);
}

/**
 * Wraps an op's output: records parents and the backward step only when gradients are enabled and
 * some parent needs one, so inference under `noGrad` builds no graph.
 */
export function opResult(
  rows: number,
  cols: number,
  data: Float32Array,
  parents: readonly Tensor[],
  step: BackwardStep,
): Tensor {
  for (let i = 0; i < parents.length; i++) {
    const p = parents[i];
    if (p.data.length !== p.rows * p.cols)
      throw new Error('gnn/tensor: a tensor was used after its tensorScope ended');
  }
  const out = new Tensor(rows, cols, data);
  trackInScope(out);
  if (!isGradEnabled()) return out;
  for (let i = 0; i < parents.length; i++) {
    if (parents[i].requiresGrad) {
      out.requiresGrad = true;
      out.parents = parents;
      out.backwardStep = step;
      break;
    }
  }
  return out;
}

/** Throws unless a and b have the same shape. */
export function assertSameShape(op: string, a: Tensor, b: Tensor): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new Error(`gnn/tensor ${op}: shapes ${a.rows}×${a.cols} and ${b.rows}×${b.cols} differ`);
  }
}
