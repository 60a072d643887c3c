/**
 * Seeded parameter initializers. Randomness comes only from the generator passed in (the
 * project's `Rng` from src/generator/rng.ts satisfies `UniformSource`).
 */
import { Tensor, parameter } from './tensor.ts';

/** Anything that draws uniform numbers in [0, 1). */
export interface UniformSource {
  next(): number;
}

/** Parameter [fanIn×fanOut] uniform in ±√(6 / (fanIn + fanOut)): keeps activation variance for tanh/linear. */
export function glorotUniform(fanIn: number, fanOut: number, rng: UniformSource): Tensor {
  return uniformParameter(fanIn, fanOut, Math.sqrt(6 / (fanIn + fanOut)), rng);
}

/** Parameter [fanIn×fanOut] uniform in ±√(6 / fanIn): keeps activation variance through ReLUs. */
export function heUniform(fanIn: number, fanOut: number, rng: UniformSource): Tensor {
  return uniformParameter(fanIn, fanOut, Math.sqrt(6 / fanIn), rng);
}

/** Parameter [rows×cols] uniform in ±limit. */
export function uniformParameter(rows: number, cols: number, limit: number, rng: UniformSource): Tensor {
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = (2 * rng.next() - 1) * limit;
  return parameter(rows, cols, data);
}
