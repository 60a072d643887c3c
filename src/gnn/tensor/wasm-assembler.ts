/**
 * A minimal WebAssembly assembler: the opcodes and encodings the SIMD kernels in wasm-kernels.ts
 * use, and the module layout (types, functions, one exported memory, exports, code).
 */

// Opcodes (WebAssembly core 2.0 + fixed-width SIMD).
export const I32 = 0x7f;
export const V128 = 0x7b;
export const BLOCK = 0x02;
export const LOOP = 0x03;
export const VOID = 0x40;
export const END = 0x0b;
export const BR = 0x0c;
export const BR_IF = 0x0d;
export const GET = 0x20;
export const SET = 0x21;
export const TEE = 0x22;
export const F32_LOAD = 0x2a;
export const I32_CONST = 0x41;
export const I32_GE_U = 0x4f;
export const I32_ADD = 0x6a;
export const I32_SUB = 0x6b;
export const I32_MUL = 0x6c;
export const I32_SHL = 0x74;
export const I32_LOAD = 0x28;
export const SIMD = 0xfd;

export function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

export const get = (i: number): number[] => [GET, ...uleb(i)];
export const set = (i: number): number[] => [SET, ...uleb(i)];
export const tee = (i: number): number[] => [TEE, ...uleb(i)];
export const i32 = (v: number): number[] => [I32_CONST, ...uleb(v)]; // small non-negative constants only
export const i32Load = (offset = 0): number[] => [I32_LOAD, 2, ...uleb(offset)];
export const f32Load = (offset = 0): number[] => [F32_LOAD, 2, ...uleb(offset)];
export const v128Load = (offset = 0): number[] => [SIMD, 0x00, 4, ...uleb(offset)];
export const v128Store = (offset = 0): number[] => [SIMD, 0x0b, 4, ...uleb(offset)];
export const f32x4Splat = [SIMD, 0x13];
export const f32x4Add = [SIMD, 0xe4, 0x01];
export const f32x4Mul = [SIMD, 0xe6, 0x01];
/** local[dst] = local[dst] + local[x] * local[y] (v128). */
export const madd = (dst: number, x: number, y: number): number[] => [
  ...get(dst),
  ...get(x),
  ...get(y),
  ...f32x4Mul,
  ...f32x4Add,
  ...set(dst),
];
/** local[v] += delta (i32 locals). */
export const bump = (v: number, delta: number[]): number[] => [...get(v), ...delta, I32_ADD, ...set(v)];

export function functionBody(locals: number[][], code: number[]): number[] {
  const body = [
    ...uleb(locals.length),
    ...locals.flatMap(([count, type]) => [...uleb(count), type]),
    ...code,
    END,
  ];
  return [...uleb(body.length), ...body];
}

export function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

export const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];

/** A module exporting `mem` (one growable memory) and the given functions, all i32 parameters, no results. */
export function assembleModule(
  functions: readonly { name: string; params: number; body: number[] }[],
): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...uleb(f.params), ...Array<number>(f.params).fill(I32), 0]);
  const exports = functions.flatMap((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [...uleb(types.length), ...types.flat()]),
    ...section(3, [...uleb(functions.length), ...functions.flatMap((_, i) => uleb(i))]),
    ...section(5, [1, 0x00, 1]), // one memory, min 1 page, grown on demand
    ...section(7, [...uleb(functions.length + 1), ...name('mem'), 0x02, 0, ...exports]),
    ...section(10, [...uleb(functions.length), ...functions.flatMap((f) => f.body)]),
  ]);
}
