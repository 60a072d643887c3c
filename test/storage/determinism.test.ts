import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COORD_SCALE, quantizeCoord, writeDataset } from '../../src/storage/index.ts';
import { buildSampleModel } from './sample-model.ts';
import { useTempDirs } from './temp-dir.ts';

const tempDir = useTempDirs();

describe('deterministic datasets', () => {
  it('writes byte-identical files for the same model', async () => {
    const sizes = { buildings: 20_000, meters: 5_000, roads: 3_000 };
    const a = tempDir();
    const b = tempDir();
    await writeDataset(a, buildSampleModel(50, sizes), { content_hash: 'abc' });
    await writeDataset(b, buildSampleModel(50, sizes), { content_hash: 'abc' });
    const first = fs.readFileSync(path.join(a, 'grid.sqlite'));
    expect(first.equals(fs.readFileSync(path.join(b, 'grid.sqlite')))).toBe(true);
    // Rewriting over an existing dataset gives the same bytes again.
    await writeDataset(a, buildSampleModel(50, sizes), { content_hash: 'abc' });
    expect(first.equals(fs.readFileSync(path.join(a, 'grid.sqlite')))).toBe(true);
  });
});

describe('quantizeCoord', () => {
  it('rounds to 1e-7 degree, is idempotent and never gives -0', () => {
    for (const deg of [-95.36981234567, 29.760000049, 179.99999999, -180, 0.00000004, -0.00000004]) {
      const q = quantizeCoord(deg);
      expect(Math.abs(q - deg)).toBeLessThanOrEqual(0.5 / COORD_SCALE + 1e-15);
      expect(quantizeCoord(q)).toBe(q);
      expect(Object.is(q, -0)).toBe(false);
    }
  });
});
