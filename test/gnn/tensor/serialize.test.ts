/** Parameters survive a JSON round trip bit for bit, in both encodings. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/generator/rng.ts';
import {
  Linear,
  deserializeParameters,
  loadParameters,
  serializeParameters,
} from '../../../src/gnn/tensor/index.ts';

describe('parameter serialization', () => {
  const layer = new Linear(5, 3, new Rng(3, 'serialize'));
  layer.bias?.data.set([0.1, -1e-30, 3.4e38]);

  for (const encoding of ['array', 'base64'] as const) {
    it(`round-trips through JSON text exactly (${encoding})`, () => {
      const text = JSON.stringify(serializeParameters(layer.parameters('head.'), encoding));
      const restored = deserializeParameters(JSON.parse(text));
      expect(Object.keys(restored).sort()).toEqual(['head.bias', 'head.weight']);
      expect(restored['head.weight'].rows).toBe(5);
      expect(restored['head.weight'].cols).toBe(3);
      expect(restored['head.weight'].data).toEqual(layer.weight.data);
      expect(restored['head.bias'].data).toEqual(layer.bias?.data);
      expect(restored['head.bias'].requiresGrad).toBe(true);
    });
  }

  it('loads into existing parameters in place and rejects mismatched names or shapes', () => {
    const saved = serializeParameters(layer.parameters());
    const other = new Linear(5, 3, new Rng(4, 'other'));
    loadParameters(other.parameters(), saved);
    expect(other.weight.data).toEqual(layer.weight.data);
    expect(() => loadParameters(new Linear(5, 4, new Rng(1)).parameters(), saved)).toThrow(/5×4/);
    expect(() => loadParameters({ weight: other.weight }, saved)).toThrow(/unexpected \[bias\]/);
  });
});
