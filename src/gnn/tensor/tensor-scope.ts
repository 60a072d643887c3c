/**
 * `tensorScope(fn)`: every op result created inside fn gives its buffers back to the pool when fn
 * returns, except the tensors fn returns. Wrap one training step in it and the next step reuses
 * the same memory instead of asking the OS for ~1 GB of fresh pages. A released tensor's data
 * becomes empty, so using it later fails loudly in the next op instead of reading reused memory.
 */
import type { Tensor } from './tensor.ts';

const scopes: Tensor[][] = [];

/** Called by opResult for each tensor an op creates. */
export function trackInScope(t: Tensor): void {
  if (scopes.length > 0) scopes[scopes.length - 1].push(t);
}

/** Runs fn; op results made inside are released afterwards unless returned (a Tensor or an array of Tensors). */
export function tensorScope<T>(fn: () => T): T {
  const created: Tensor[] = [];
  scopes.push(created);
  let result: T;
  try {
    result = fn();
  } finally {
    scopes.pop();
  }
  const keep = new Set<unknown>(Array.isArray(result) ? result : [result]);
  const outer = scopes.length > 0 ? scopes[scopes.length - 1] : null;
  for (const t of created) {
    if (keep.has(t)) outer?.push(t);
    else t.release();
  }
  return result;
}
