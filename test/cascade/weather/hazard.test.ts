/** Per-asset hazards on a generated grid: monotone in gust and depth, exposures as stated. */
import { describe, expect, it } from 'vitest';
import {
  conductorHeight_m,
  exposureWindows,
  HURRICANE_EXPOSURE_WINDOWS,
  weatherHazards,
} from '../../../src/cascade/weather/hazard.ts';
import { generateGrid } from '../../../src/generator/generate.ts';
import {
  BASE_CASE,
  resolveConditions,
  type ConditionsInput,
} from '../../../src/model/operating-conditions.ts';

const model = generateGrid({ scale: 'sample', seed: 2 });
const t = model.tables;
const at = (over: ConditionsInput) => resolveConditions(BASE_CASE, over);
const uniform = (gust: number) => at({ wind_sustained_ms: gust / 2, wind_gust_ms: gust });
const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

describe('weather hazards', () => {
  it('still air and dry ground fail nothing', () => {
    const h = weatherHazards(model, at({ wind_sustained_ms: 0, wind_gust_ms: 0 }));
    for (const a of [h.section, h.pole, h.transformer, h.substation]) expect(sum(a)).toBe(0);
  });

  it('grow with the gust, asset by asset', () => {
    const gusts = [20, 30, 40, 55];
    const hs = gusts.map((g) => weatherHazards(model, uniform(g)));
    for (let i = 1; i < hs.length; i++) {
      for (const key of ['section', 'pole'] as const) {
        const lo = hs[i - 1][key];
        const hi = hs[i][key];
        for (let k = 0; k < lo.length; k++) expect(hi[k]).toBeGreaterThanOrEqual(lo[k]);
        expect(sum(hi)).toBeGreaterThan(sum(lo));
      }
    }
    // Only overhead sections with trees beside them carry tree hazard.
    const treeSections = new Set(t.trees.cols.section);
    hs[3].section.forEach((p, s) => {
      if (p > 0) expect(t.line_sections.cols.overhead[s] === 1 && treeSections.has(s)).toBe(true);
    });
  });

  it('grow with floodwater depth, on ground-mounted equipment in the 100-year zones only', () => {
    const depths = [0.1, 0.3, 1, 3];
    const hs = depths.map((d) => weatherHazards(model, at({ flood_depth_m: d })));
    for (let i = 1; i < hs.length; i++) {
      expect(sum(hs[i].transformer)).toBeGreaterThan(sum(hs[i - 1].transformer));
      hs[i].substation.forEach((p, s) => expect(p).toBeGreaterThanOrEqual(hs[i - 1].substation[s]));
    }
    hs[3].transformer.forEach((p, x) => {
      if (t.transformers.cols.mount[x] === 0) expect(p).toBe(0);
    });
    expect(sum(hs[3].transformer)).toBeGreaterThan(0);
  });

  it('k trees per record and n exposures: 1 − (1 − h)^(k·n) for sections, 1 − (1 − p)^n for poles', () => {
    const c = uniform(45);
    const one = weatherHazards(model, c, { treeExposure: 1, windows: 1 });
    const more = weatherHazards(model, c, { treeExposure: 3, windows: 2 });
    one.section.forEach((h, s) => expect(more.section[s]).toBeCloseTo(1 - (1 - h) ** 6, 12));
    one.pole.forEach((p, i) => expect(more.pole[i]).toBeCloseTo(1 - (1 - p) ** 2, 12));
    expect(() => weatherHazards(model, c, { treeExposure: -1 })).toThrow(/treeExposure/);
  });

  it('a hurricane counts HURRICANE_EXPOSURE_WINDOWS exposures; other storms one', () => {
    expect(exposureWindows('hurricane')).toBe(HURRICANE_EXPOSURE_WINDOWS);
    for (const k of ['uniform', 'derecho', 'thunderstorm'] as const) expect(exposureWindows(k)).toBe(1);
  });

  it('conductors hang below the top of the pole above its setting depth', () => {
    // 40-ft pole: 12.2 m − (1.22 + 0.61) m set in the ground − 0.3 m to the crossarm.
    expect(conductorHeight_m(12.2)).toBeCloseTo(10.07, 9);
  });
});
