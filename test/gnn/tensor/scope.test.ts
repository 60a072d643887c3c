/** tensorScope releases op results into the buffer pool; the next step reuses them. */
import { describe, expect, it } from 'vitest';
import {
  bufferPoolStats,
  clearBufferPool,
  parameter,
  scale,
  sum,
  tensorScope,
  tanh,
  type Tensor,
} from '../../../src/gnn/tensor/index.ts';

describe('tensorScope', () => {
  it('releases intermediates, keeps the returned tensor, and a second step reuses the buffers', () => {
    clearBufferPool();
    const w = parameter(200, 100); // 20,000 elements: above the pooling threshold
    w.data.fill(0.5);
    let hidden: Tensor | null = null;
    const kept = tensorScope(() => {
      hidden = tanh(w);
      const out = scale(hidden, 2);
      sum(out).backward();
      return out;
    });
    expect(kept.data.length).toBe(20_000);
    expect(kept.data[0]).toBeCloseTo(2 * Math.tanh(0.5), 6);
    expect((hidden as unknown as Tensor).data.length).toBe(0);
    // tanh's output, and one gradient buffer: the second intermediate gradient reused the first.
    const afterFirst = bufferPoolStats().buffers;
    expect(afterFirst).toBe(2);
    expect(w.grad?.[0]).toBeCloseTo(2 * (1 - Math.tanh(0.5) ** 2), 6);

    // A forward-only step takes both of its 20,000-element buffers from the pool and gives them back.
    tensorScope(() => sum(scale(tanh(w), 2)).item());
    expect(bufferPoolStats().buffers).toBe(afterFirst);
  });

  it('using a tensor after its scope ended throws instead of reading reused memory', () => {
    const w = parameter(1, 4, Float32Array.of(1, 2, 3, 4));
    let leaked: Tensor | null = null;
    tensorScope(() => {
      leaked = scale(w, 2);
      return 0;
    });
    expect(() => scale(leaked as unknown as Tensor, 1)).toThrow(/after its tensorScope ended/);
  });

  it('a tensor returned from an inner scope belongs to the outer one', () => {
    const w = parameter(1, 2, Float32Array.of(1, 2));
    let inner: Tensor | null = null;
    tensorScope(() => {
      inner = tensorScope(() => scale(w, 3));
      expect(inner.data[1]).toBe(6);
      return null;
    });
    expect((inner as unknown as Tensor).data.length).toBe(0);
  });
});
