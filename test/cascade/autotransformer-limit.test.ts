/** The cascade trips an autotransformer at its transformer-derated rating, a line at its conductor-derated one. */
import { describe, expect, it } from 'vitest';
import { buildCascadeContext } from '../../src/cascade/cascade-context.ts';
import { scenario } from '../../src/cascade/scenarios.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { BRANCH_AUTOTRANSFORMER } from '../../src/model/branch-rating.ts';

describe('cascade trip limits of transmission branches', () => {
  it('derate lines as conductors and autotransformers as transformers (41 °C design peak)', () => {
    const model = generateGrid({ scale: 'sample', seed: 2 });
    const line = model.tables.transmission_lines.cols;
    line.kind[0] = BRANCH_AUTOTRANSFORMER;
    const ctx = buildCascadeContext(model, scenario('summer_peak'));
    expect(ctx.lineLimit_mw[0]).toBeCloseTo(line.rating_mva[0] * 0.89, 9);
    expect(ctx.lineLimit_mw[1]).toBeCloseTo(line.rating_mva[1] * Math.sqrt(34 / 50), 9);
  });
});
