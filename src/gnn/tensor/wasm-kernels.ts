/**
 * WASM SIMD kernels for the products that dominate training, assembled here from bytes (no
 * toolchain, no dependency; see wasm-assembler.ts). Measured on bench/gnn-tensor: the scalar
 * JavaScript loops reach ~1 GFLOP/s on 60000×128·128×64; these 4-wide kernels ~10×.
 *
 *   nn(a, b, c, m, k, n): C[m×n] += A[m×k]·B[k×n], m % 4 = 0, n % 8 = 0. A 4×8 block of C stays in
 *                         eight v128 registers while the reduction runs over k.
 *   tn(a, b, c, m, k, n): C[k×n] += A[m×k]ᵀ·B[m×n], m % 4 = 0, n % 4 = 0. Four rows of A and B at a
 *                         time are folded into C (small, cache-resident) as outer products.
 *   spmm(rowPtr, colIdx, values, x, out, rows, n): OUT[rows×n] += S·X for S in CSR, n % 32 = 0; a
 *                         32-column strip of an output row stays in registers over its nonzeros.
 *
 * Arguments are byte addresses in the module's own memory; `WasmKernels` copies operands in and out.
 */
import {
  BLOCK,
  BR,
  BR_IF,
  END,
  I32,
  I32_ADD,
  I32_GE_U,
  I32_MUL,
  I32_SHL,
  I32_SUB,
  LOOP,
  V128,
  VOID,
  assembleModule,
  bump,
  f32Load,
  f32x4Add,
  f32x4Mul,
  f32x4Splat,
  functionBody,
  get,
  i32,
  i32Load,
  madd,
  set,
  tee,
  v128Load,
  v128Store,
} from './wasm-assembler.ts';

/**
 * Rows of C per register block in nn: 2·rows accumulators + 3 of the 16 vector registers. 6 measured
 * no faster than 4 (the kernel is bound by 4-wide multiply and add; WASM has no FMA without relaxed SIMD).
 */
export const NN_ROWS = 4;

// Parameters of nn and tn.
const A = 0;
const B = 1;
const C = 2;
const M = 3;
const K = 4;
const N = 5;

/** C[m×n] += A[m×k]·B[k×n] with a 4×8 register block. */
function nnBody(rows = NN_ROWS): number[] {
  // i32 locals
  const I0 = 6;
  const J0 = 7;
  const P = 8;
  const PB = 9;
  const PC = 10;
  const ROW_A = 11;
  const ROW_C = 12;
  const PA = 13; // 13..13+rows-1: row i0 + r of A at column p
  // v128 locals
  const ACC = PA + rows; // row r, half h at ACC + 2r + h
  const B0 = ACC + 2 * rows;
  const B1 = B0 + 1;
  const S = B0 + 2;
  const locals = [
    [7 + rows, I32],
    [2 * rows + 3, V128],
  ];
  const rowOffset = (r: number): number[] => (r === 0 ? [] : [...get(ROW_C), ...i32(r), I32_MUL, I32_ADD]);
  const loadAcc: number[] = [];
  const storeAcc: number[] = [];
  const setRows: number[] = [];
  const step: number[] = [...get(PB), ...v128Load(0), ...set(B0), ...get(PB), ...v128Load(16), ...set(B1)];
  for (let r = 0; r < rows; r++) {
    for (let h = 0; h < 2; h++) {
      loadAcc.push(...get(PC), ...rowOffset(r), ...v128Load(16 * h), ...set(ACC + 2 * r + h));
      storeAcc.push(...get(PC), ...rowOffset(r), ...get(ACC + 2 * r + h), ...v128Store(16 * h));
    }
    // pa_r = a + (i0 + r)·rowA
    setRows.push(...get(A), ...get(I0), ...i32(r), I32_ADD, ...get(ROW_A), I32_MUL, I32_ADD, ...set(PA + r));
    step.push(...get(PA + r), ...f32Load(), ...f32x4Splat, ...set(S));
    step.push(...madd(ACC + 2 * r, S, B0), ...madd(ACC + 2 * r + 1, S, B1));
    step.push(...bump(PA + r, i32(4)));
  }
  step.push(...bump(PB, get(ROW_C)));
  // prettier-ignore
  const code = [
    ...get(K), ...i32(2), I32_SHL, ...set(ROW_A),
    ...get(N), ...i32(2), I32_SHL, ...set(ROW_C),
    ...i32(0), ...set(I0),
    BLOCK, VOID, LOOP, VOID,
    ...get(I0), ...get(M), I32_GE_U, BR_IF, 1,
    ...i32(0), ...set(J0),
    BLOCK, VOID, LOOP, VOID,
    ...get(J0), ...get(N), I32_GE_U, BR_IF, 1,
    // pc = c + (i0·n + j0)·4; pa = a + i0·rowA; pb = b + j0·4
    ...get(C), ...get(I0), ...get(N), I32_MUL, ...get(J0), I32_ADD, ...i32(2), I32_SHL, I32_ADD, ...set(PC),
    ...setRows,
    ...get(B), ...get(J0), ...i32(2), I32_SHL, I32_ADD, ...set(PB),
    ...loadAcc,
    ...get(K), ...set(P),
    LOOP, VOID,
    ...step,
    ...get(P), ...i32(1), I32_SUB, ...tee(P), BR_IF, 0,
    END,
    ...storeAcc,
    ...bump(J0, i32(8)), BR, 0,
    END, END,
    ...bump(I0, i32(rows)), BR, 0,
    END, END,
  ];
  return functionBody(locals, code);
}

/** C[k×n] += A[m×k]ᵀ·B[m×n], four rows of A and B per pass over C. */
function tnBody(): number[] {
  const I = 6;
  const P = 7;
  const Q = 8; // byte offset within a row of B and C
  const PA = 9; // A[i, p]
  const PB = 10; // B[i, 0]
  const PC = 11; // C[p, 0]
  const ROW_A = 12;
  const ROW_C = 13;
  const S = 14; // 14..17: splat A[i + r, p]
  const V = 18;
  const locals = [
    [8, I32],
    [5, V128],
  ];
  const perRow: number[] = [];
  for (let r = 0; r < 4; r++) {
    const aAddr = r === 0 ? get(PA) : [...get(PA), ...get(ROW_A), ...i32(r), I32_MUL, I32_ADD];
    perRow.push(...aAddr, ...f32Load(), ...f32x4Splat, ...set(S + r));
  }
  const inner: number[] = [...get(PC), ...get(Q), I32_ADD, ...v128Load(), ...set(V)];
  for (let r = 0; r < 4; r++) {
    const bAddr = [
      ...get(PB),
      ...get(Q),
      I32_ADD,
      ...(r === 0 ? [] : [...get(ROW_C), ...i32(r), I32_MUL, I32_ADD]),
    ];
    inner.push(...get(V), ...get(S + r), ...bAddr, ...v128Load(), ...f32x4Mul, ...f32x4Add, ...set(V));
  }
  inner.push(...get(PC), ...get(Q), I32_ADD, ...get(V), ...v128Store());
  // prettier-ignore
  const code = [
    ...get(K), ...i32(2), I32_SHL, ...set(ROW_A),
    ...get(N), ...i32(2), I32_SHL, ...set(ROW_C),
    ...i32(0), ...set(I),
    BLOCK, VOID, LOOP, VOID,
    ...get(I), ...get(M), I32_GE_U, BR_IF, 1,
    ...get(A), ...get(I), ...get(ROW_A), I32_MUL, I32_ADD, ...set(PA),
    ...get(B), ...get(I), ...get(ROW_C), I32_MUL, I32_ADD, ...set(PB),
    ...get(C), ...set(PC),
    ...i32(0), ...set(P),
    BLOCK, VOID, LOOP, VOID,
    ...get(P), ...get(K), I32_GE_U, BR_IF, 1,
    ...perRow,
    ...i32(0), ...set(Q),
    LOOP, VOID,
    ...inner,
    ...bump(Q, i32(16)),
    ...get(Q), ...get(ROW_C), I32_SUB, BR_IF, 0, // loop while q ≠ rowC
    END,
    ...bump(PA, i32(4)), ...bump(PC, get(ROW_C)), ...bump(P, i32(1)), BR, 0,
    END, END,
    ...bump(I, i32(4)), BR, 0,
    END, END,
  ];
  return functionBody(locals, code);
}

/** OUT[rows×n] += S·X, S in CSR; 32 output columns per pass over the matrix. */
function spmmBody(): number[] {
  const [ROW_PTR, COL_IDX, VALUES, X, OUT, ROWS, WIDTH] = [0, 1, 2, 3, 4, 5, 6];
  const J0 = 7; // byte offset of the 32-column strip
  const R = 8;
  const P_OUT = 9;
  const P_ROW = 10;
  const PC = 11; // colIdx entry
  const PV = 12; // values entry
  const PE = 13; // end of the row's colIdx entries
  const PX = 14;
  const ROW_BYTES = 15;
  const ACC = 16; // 16..23
  const S = 24;
  const locals = [
    [9, I32],
    [9, V128],
  ];
  const loadAcc: number[] = [];
  const storeAcc: number[] = [];
  const nonzero: number[] = [...get(PV), ...f32Load(), ...f32x4Splat, ...set(S)];
  nonzero.push(
    ...get(X),
    ...get(PC),
    ...i32Load(),
    ...get(ROW_BYTES),
    I32_MUL,
    I32_ADD,
    ...get(J0),
    I32_ADD,
    ...set(PX),
  );
  for (let h = 0; h < 8; h++) {
    loadAcc.push(...get(P_OUT), ...v128Load(16 * h), ...set(ACC + h));
    storeAcc.push(...get(P_OUT), ...get(ACC + h), ...v128Store(16 * h));
    nonzero.push(
      ...get(ACC + h),
      ...get(S),
      ...get(PX),
      ...v128Load(16 * h),
      ...f32x4Mul,
      ...f32x4Add,
      ...set(ACC + h),
    );
  }
  nonzero.push(...bump(PC, i32(4)), ...bump(PV, i32(4)));
  // prettier-ignore
  const code = [
    ...get(WIDTH), ...i32(2), I32_SHL, ...set(ROW_BYTES),
    ...i32(0), ...set(J0),
    BLOCK, VOID, LOOP, VOID,
    ...get(J0), ...get(ROW_BYTES), I32_GE_U, BR_IF, 1,
    ...i32(0), ...set(R),
    ...get(OUT), ...get(J0), I32_ADD, ...set(P_OUT),
    ...get(ROW_PTR), ...set(P_ROW),
    BLOCK, VOID, LOOP, VOID,
    ...get(R), ...get(ROWS), I32_GE_U, BR_IF, 1,
    ...loadAcc,
    ...get(COL_IDX), ...get(P_ROW), ...i32Load(0), ...i32(2), I32_SHL, I32_ADD, ...set(PC),
    ...get(VALUES), ...get(P_ROW), ...i32Load(0), ...i32(2), I32_SHL, I32_ADD, ...set(PV),
    ...get(COL_IDX), ...get(P_ROW), ...i32Load(4), ...i32(2), I32_SHL, I32_ADD, ...set(PE),
    BLOCK, VOID, LOOP, VOID,
    ...get(PC), ...get(PE), I32_GE_U, BR_IF, 1,
    ...nonzero,
    BR, 0,
    END, END,
    ...storeAcc,
    ...bump(P_OUT, get(ROW_BYTES)), ...bump(P_ROW, i32(4)), ...bump(R, i32(1)), BR, 0,
    END, END,
    ...bump(J0, i32(128)), BR, 0,
    END, END,
  ];
  return functionBody(locals, code);
}

type Kernel = (...addressesAndSizes: number[]) => void;

/** The compiled kernels and their memory; operands are copied in, the output is copied back. */
export class WasmKernels {
  private readonly memory: WebAssembly.Memory;
  private readonly nn: Kernel;
  private readonly tn: Kernel;
  private readonly spmmKernel: Kernel;

  constructor() {
    const bytes = assembleModule([
      { name: 'nn', params: 6, body: nnBody() },
      { name: 'tn', params: 6, body: tnBody() },
      { name: 'spmm', params: 7, body: spmmBody() },
    ]);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    const exports = instance.exports as { mem: WebAssembly.Memory; nn: Kernel; tn: Kernel; spmm: Kernel };
    this.memory = exports.mem;
    this.nn = exports.nn;
    this.tn = exports.tn;
    this.spmmKernel = exports.spmm;
  }

  /** C[m×n] (+)= A[m×k]·B[k×n]; needs m % NN_ROWS = 0 and n % 8 = 0. */
  gemmNN(
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    m: number,
    k: number,
    n: number,
    accumulate: boolean,
  ): void {
    const [aAt, bAt, cAt] = this.place([m * k, k * n, m * n]);
    this.copyIn(a, m * k, aAt);
    this.copyIn(b, k * n, bAt);
    this.prepareOutput(c, m * n, cAt, accumulate);
    this.nn(aAt, bAt, cAt, m, k, n);
    this.copyOut(c, m * n, cAt);
  }

  /** C[k×n] (+)= A[m×k]ᵀ·B[m×n]; needs m % 4 = 0 and n % 4 = 0. */
  gemmTN(
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    m: number,
    k: number,
    n: number,
    accumulate: boolean,
  ): void {
    const [aAt, bAt, cAt] = this.place([m * k, m * n, k * n]);
    this.copyIn(a, m * k, aAt);
    this.copyIn(b, m * n, bAt);
    this.prepareOutput(c, k * n, cAt, accumulate);
    this.tn(aAt, bAt, cAt, m, k, n);
    this.copyOut(c, k * n, cAt);
  }

  /** OUT[rows×n] += S·X[cols×n] for S in CSR; needs n % 32 = 0. */
  spmm(
    rowPtr: Int32Array,
    colIdx: Int32Array,
    values: Float32Array,
    x: Float32Array,
    xRows: number,
    out: Float32Array,
    rows: number,
    n: number,
  ): void {
    const nnz = rowPtr[rows];
    const [rAt, cAt, vAt, xAt, oAt] = this.place([rows + 1, nnz, nnz, xRows * n, rows * n]);
    new Int32Array(this.memory.buffer).set(rowPtr.subarray(0, rows + 1), rAt / 4);
    new Int32Array(this.memory.buffer).set(colIdx.subarray(0, nnz), cAt / 4);
    this.copyIn(values, nnz, vAt);
    this.copyIn(x, xRows * n, xAt);
    this.copyIn(out, rows * n, oAt);
    this.spmmKernel(rAt, cAt, vAt, xAt, oAt, rows, n);
    this.copyOut(out, rows * n, oAt);
  }

  /** 16-byte aligned byte addresses for consecutive regions of the given float/int counts. */
  private place(counts: number[]): number[] {
    const at: number[] = [];
    let end = 0;
    for (const count of counts) {
      at.push(end);
      end = align16(end + count * 4);
    }
    if (end > 2 ** 31) throw new Error('gnn/tensor wasm kernels: operands exceed 2 GiB');
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / 65536));
    return at;
  }

  private copyIn(src: Float32Array, length: number, at: number): void {
    new Float32Array(this.memory.buffer).set(src.subarray(0, length), at / 4);
  }

  /** Overwriting needs no copy of the output in: zeroing the region is cheaper. */
  private prepareOutput(c: Float32Array, length: number, at: number, accumulate: boolean): void {
    if (accumulate) this.copyIn(c, length, at);
    else new Float32Array(this.memory.buffer).fill(0, at / 4, at / 4 + length);
  }

  private copyOut(dst: Float32Array, length: number, at: number): void {
    dst.set(new Float32Array(this.memory.buffer, at, length));
  }
}

function align16(bytes: number): number {
  return (bytes + 15) & ~15;
}

let shared: WasmKernels | null | undefined;

/** The process-wide kernels, or null where WASM SIMD is unavailable (callers fall back to JS). */
export function wasmKernels(): WasmKernels | null {
  if (shared === undefined) {
    try {
      shared = new WasmKernels();
    } catch {
      shared = null;
    }
  }
  return shared;
}
