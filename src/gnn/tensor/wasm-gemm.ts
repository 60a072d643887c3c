/**
 * WASM SIMD kernels for the two dense-product shapes that dominate training, assembled here from
 * bytes (no toolchain, no dependency). Measured on bench/gnn-tensor: the scalar JavaScript i-k-j
 * loop reaches ~1 GFLOP/s; these 4-wide kernels several times that.
 *
 *   nn(a, b, c, m, k, n): C[m×n] += A[m×k]·B[k×n], m % 4 = 0, n % 8 = 0. A 4×8 block of C stays in
 *                         eight v128 registers while the reduction runs over k.
 *   tn(a, b, c, m, k, n): C[k×n] += A[m×k]ᵀ·B[m×n], m % 4 = 0, n % 4 = 0. Four rows of A and B at a
 *                         time are folded into C (small, cache-resident) as outer products.
 *
 * Arguments are byte addresses in the module's own memory; `WasmGemm` copies operands in and out.
 */

// Opcodes used below (WebAssembly core 2.0 + fixed-width SIMD).
const I32 = 0x7f;
const V128 = 0x7b;
const BLOCK = 0x02;
const LOOP = 0x03;
const VOID = 0x40;
const END = 0x0b;
const BR = 0x0c;
const BR_IF = 0x0d;
const GET = 0x20;
const SET = 0x21;
const TEE = 0x22;
const F32_LOAD = 0x2a;
const I32_CONST = 0x41;
const I32_GE_U = 0x4f;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_MUL = 0x6c;
const I32_SHL = 0x74;
const SIMD = 0xfd;

function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

const get = (i: number): number[] => [GET, ...uleb(i)];
const set = (i: number): number[] => [SET, ...uleb(i)];
const tee = (i: number): number[] => [TEE, ...uleb(i)];
const i32 = (v: number): number[] => [I32_CONST, ...uleb(v)]; // small non-negative constants only
const f32Load = (offset = 0): number[] => [F32_LOAD, 2, ...uleb(offset)];
const v128Load = (offset = 0): number[] => [SIMD, 0x00, 4, ...uleb(offset)];
const v128Store = (offset = 0): number[] => [SIMD, 0x0b, 4, ...uleb(offset)];
const f32x4Splat = [SIMD, 0x13];
const f32x4Add = [SIMD, 0xe4, 0x01];
const f32x4Mul = [SIMD, 0xe6, 0x01];
/** local[dst] = local[dst] + local[x] * local[y] (v128). */
const madd = (dst: number, x: number, y: number): number[] => [
  ...get(dst),
  ...get(x),
  ...get(y),
  ...f32x4Mul,
  ...f32x4Add,
  ...set(dst),
];
/** local[v] += delta (i32 locals). */
const bump = (v: number, delta: number[]): number[] => [...get(v), ...delta, I32_ADD, ...set(v)];

// Parameters of both kernels.
const A = 0;
const B = 1;
const C = 2;
const M = 3;
const K = 4;
const N = 5;

/** C[m×n] += A[m×k]·B[k×n] with a 4×8 register block. */
function nnBody(): number[] {
  // i32 locals
  const I0 = 6;
  const J0 = 7;
  const P = 8;
  const PA = 9; // row i0 of A at column p; rows below at + rowA·r
  const PB = 10;
  const PC = 11;
  const ROW_A = 12;
  const ROW_C = 13;
  // v128 locals
  const ACC = 14; // 14..21: row r, half h at ACC + 2r + h
  const B0 = 22;
  const B1 = 23;
  const S = 24;
  const locals = [
    [8, I32],
    [11, V128],
  ];
  const rowOffset = (r: number): number[] => (r === 0 ? [] : [...get(ROW_C), ...i32(r), I32_MUL, I32_ADD]);
  const aRow = (r: number): number[] =>
    r === 0 ? get(PA) : [...get(PA), ...get(ROW_A), ...i32(r), I32_MUL, I32_ADD];
  const loadAcc: number[] = [];
  const storeAcc: number[] = [];
  const step: number[] = [...get(PB), ...v128Load(0), ...set(B0), ...get(PB), ...v128Load(16), ...set(B1)];
  for (let r = 0; r < 4; r++) {
    for (let h = 0; h < 2; h++) {
      loadAcc.push(...get(PC), ...rowOffset(r), ...v128Load(16 * h), ...set(ACC + 2 * r + h));
      storeAcc.push(...get(PC), ...rowOffset(r), ...get(ACC + 2 * r + h), ...v128Store(16 * h));
    }
    step.push(...aRow(r), ...f32Load(), ...f32x4Splat, ...set(S));
    step.push(...madd(ACC + 2 * r, S, B0), ...madd(ACC + 2 * r + 1, S, B1));
  }
  step.push(...bump(PA, i32(4)), ...bump(PB, get(ROW_C)));
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
    ...get(A), ...get(I0), ...get(ROW_A), I32_MUL, I32_ADD, ...set(PA),
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
    ...bump(I0, i32(4)), BR, 0,
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

function functionBody(locals: number[][], code: number[]): number[] {
  const body = [
    ...uleb(locals.length),
    ...locals.flatMap(([count, type]) => [...uleb(count), type]),
    ...code,
    END,
  ];
  return [...uleb(body.length), ...body];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const signature = [0x60, 6, I32, I32, I32, I32, I32, I32, 0];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, ...signature]),
    ...section(3, [2, 0, 0]),
    ...section(5, [1, 0x00, 1]), // one memory, min 1 page, grown on demand
    ...section(7, [3, ...name('mem'), 0x02, 0, ...name('nn'), 0x00, 0, ...name('tn'), 0x00, 1]),
    ...section(10, [2, ...nnBody(), ...tnBody()]),
  ]);
}

type Kernel = (a: number, b: number, c: number, m: number, k: number, n: number) => void;

/** The compiled kernels and their memory; operands are copied in, C is copied back. */
export class WasmGemm {
  private readonly memory: WebAssembly.Memory;
  private readonly nn: Kernel;
  private readonly tn: Kernel;

  constructor() {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes()));
    const exports = instance.exports as { mem: WebAssembly.Memory; nn: Kernel; tn: Kernel };
    this.memory = exports.mem;
    this.nn = exports.nn;
    this.tn = exports.tn;
  }

  /** C[m×n] (+)= A[m×k]·B[k×n]; needs m % 4 = 0 and n % 8 = 0. */
  gemmNN(
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    m: number,
    k: number,
    n: number,
    accumulate: boolean,
  ): void {
    this.run(this.nn, a, m * k, b, k * n, c, m * n, m, k, n, accumulate);
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
    this.run(this.tn, a, m * k, b, m * n, c, k * n, m, k, n, accumulate);
  }

  private run(
    kernel: Kernel,
    a: Float32Array,
    aLength: number,
    b: Float32Array,
    bLength: number,
    c: Float32Array,
    cLength: number,
    m: number,
    k: number,
    n: number,
    accumulate: boolean,
  ): void {
    // 16-byte aligned regions: A, then B, then C.
    const aAt = 0;
    const bAt = align16(aAt + aLength * 4);
    const cAt = align16(bAt + bLength * 4);
    const end = cAt + cLength * 4;
    if (end > 2 ** 31) throw new Error('gnn/tensor wasm gemm: operands exceed 2 GiB');
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / 65536));
    const heap = new Float32Array(this.memory.buffer);
    heap.set(a.subarray(0, aLength), aAt / 4);
    heap.set(b.subarray(0, bLength), bAt / 4);
    // Overwriting needs no copy of C in: zeroing the region is cheaper.
    if (accumulate) heap.set(c.subarray(0, cLength), cAt / 4);
    else heap.fill(0, cAt / 4, cAt / 4 + cLength);
    kernel(aAt, bAt, cAt, m, k, n);
    c.set(heap.subarray(cAt / 4, cAt / 4 + cLength));
  }
}

function align16(bytes: number): number {
  return (bytes + 15) & ~15;
}

let shared: WasmGemm | null | undefined;

/** The process-wide kernels, or null where WASM SIMD is unavailable (callers fall back to JS). */
export function wasmGemm(): WasmGemm | null {
  if (shared === undefined) {
    try {
      shared = new WasmGemm();
    } catch {
      shared = null;
    }
  }
  return shared;
}
