/**
 * Parameters to and from a plain JSON-able object, {name: {rows, cols, data}}, so a model can be
 * saved beside a manifest. `data` is either a number array (readable, diffable) or base64 of the
 * Float32Array's little-endian bytes (compact, exact).
 */
import { Tensor, parameter } from './tensor.ts';

export interface SerializedTensor {
  rows: number;
  cols: number;
  data: number[] | string;
}

export type SerializedParameters = Record<string, SerializedTensor>;

export type ParameterEncoding = 'array' | 'base64';

export function serializeParameters(
  named: Readonly<Record<string, Tensor>>,
  encoding: ParameterEncoding = 'base64',
): SerializedParameters {
  const out: SerializedParameters = {};
  for (const [name, t] of Object.entries(named)) {
    out[name] = {
      rows: t.rows,
      cols: t.cols,
      data: encoding === 'array' ? Array.from(t.data) : toBase64(t.data),
    };
  }
  return out;
}

/** New parameter tensors from a serialized object. */
export function deserializeParameters(saved: SerializedParameters): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const [name, s] of Object.entries(saved))
    out[name] = parameter(s.rows, s.cols, decodeData(name, s), name);
  return out;
}

/** Copies saved values into existing parameters in place; names and shapes must match exactly. */
export function loadParameters(named: Readonly<Record<string, Tensor>>, saved: SerializedParameters): void {
  const missing = Object.keys(named).filter((k) => !(k in saved));
  const extra = Object.keys(saved).filter((k) => !(k in named));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `gnn/tensor loadParameters: missing [${missing.join(', ')}], unexpected [${extra.join(', ')}]`,
    );
  }
  for (const [name, t] of Object.entries(named)) {
    const s = saved[name];
    if (s.rows !== t.rows || s.cols !== t.cols) {
      throw new Error(`gnn/tensor loadParameters: ${name} is ${t.rows}×${t.cols}, saved ${s.rows}×${s.cols}`);
    }
    t.data.set(decodeData(name, s));
  }
}

function decodeData(name: string, s: SerializedTensor): Float32Array {
  const data = typeof s.data === 'string' ? fromBase64(s.data) : Float32Array.from(s.data);
  if (data.length !== s.rows * s.cols) {
    throw new Error(`gnn/tensor: saved ${name} has ${data.length} values for ${s.rows}×${s.cols}`);
  }
  return data;
}

function toBase64(data: Float32Array): string {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (!isBigEndian()) return bytes.toString('base64');
  // Swap a copy: the view above shares the tensor's memory.
  const copy = Buffer.from(bytes);
  swapWords(copy);
  return copy.toString('base64');
}

function fromBase64(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) throw new Error('gnn/tensor: base64 data is not whole float32 values');
  // Copy into a fresh, aligned buffer (Buffer's pool may not be 4-byte aligned).
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  if (isBigEndian()) swapWords(copy);
  return new Float32Array(copy.buffer);
}

function isBigEndian(): boolean {
  return new Uint8Array(Uint32Array.of(1).buffer)[0] === 0;
}

function swapWords(bytes: Uint8Array): void {
  for (let i = 0; i < bytes.length; i += 4) {
    [bytes[i], bytes[i + 3]] = [bytes[i + 3], bytes[i]];
    [bytes[i + 1], bytes[i + 2]] = [bytes[i + 2], bytes[i + 1]];
  }
}
