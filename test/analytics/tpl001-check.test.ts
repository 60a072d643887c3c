/** The TPL-001 P0/P1 check: passes on a planned grid, and names what breaks a broken one. */
import { describe, expect, it } from 'vitest';
import { checkTpl001, substationDemand_mw, tpl001Check } from '../../src/analytics/tpl001-check.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { BRANCH_AUTOTRANSFORMER } from '../../src/model/branch-rating.ts';
import { customerDemandsKw } from '../../src/model/load-model.ts';
import { DESIGN_PEAK, DESIGN_PEAK_HOURS } from '../../src/model/operating-conditions.ts';
import { lineRatingFactor, transformerRatingFactor } from '../../src/model/thermal.ts';
import { computeTransmissionLoading } from '../../src/powerflow/transmission-loading.ts';

const fresh = () => generateGrid({ scale: 'sample', seed: 9 });
const planned = fresh();
const result = checkTpl001(planned);

describe('checkTpl001', () => {
  it('passes on a planned grid, studying every branch and unit at every design hour', () => {
    const t = planned.tables;
    expect(result.ok).toBe(true);
    expect(result.p1_failing).toBe(0);
    expect(result.contingencies).toEqual({ branches: t.transmission_lines.size, units: t.generators.size });
    expect(result.conditions).toEqual({ temperature_c: 41, hours: [...DESIGN_PEAK_HOURS] });
    expect(result.p1_worst!.worst_loading_pct).toBeLessThanOrEqual(100);
    expect(result.p1_worst!.worst_loading_pct).toBeGreaterThanOrEqual(result.p0.worst_loading_pct);
    const check = tpl001Check(planned, result);
    expect(check).toMatchObject({ name: 'tpl001_p1', ok: true });
    expect(check.detail).toMatch(/no overload, no load loss/);
  });

  it('sums substation demand from every customer', () => {
    const total = substationDemand_mw(planned, DESIGN_PEAK).reduce((a, b) => a + b, 0);
    const customers = customerDemandsKw(planned.tables.customers, DESIGN_PEAK).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(customers / 1000, 9);
  });

  it('fails when one branch is cut below its worst P1 flow, and names it', () => {
    const m = fresh();
    const worst = result.p1_worst!;
    const l = m.tables.transmission_lines.ids.indexOf(worst.worst_branch!);
    m.tables.transmission_lines.cols.rating_mva[l] *= (0.9 * worst.worst_loading_pct) / 100;
    const r = checkTpl001(m);
    expect(r.ok).toBe(false);
    expect(r.p1_failing).toBeGreaterThanOrEqual(1);
    expect(r.p1_failing_examples[0].worst_branch).toBe(worst.worst_branch);
    // Its worst case (rounded to 0.1 %) was cut to 90 %: now about 111 %.
    expect(r.p1_failing_examples[0].worst_loading_pct).toBeGreaterThan(108);
    expect(r.p1_failing_examples[0].worst_loading_pct).toBeLessThan(114);
    expect(tpl001Check(m, r).detail).toContain(worst.worst_branch!);
  });

  it('counts unit outages that leave too little generation as load loss', () => {
    const m = fresh();
    const gen = m.tables.generators.cols;
    // Shrink the fleet to 1 % above the design peak: losing any unit now sheds load.
    const peak = Math.max(
      ...DESIGN_PEAK_HOURS.map((hour) =>
        substationDemand_mw(m, { ...DESIGN_PEAK, hour }).reduce((a, b) => a + b, 0),
      ),
    );
    const capacity = gen.pmax_mw.reduce((a, b) => a + b, 0);
    for (let g = 0; g < gen.pmax_mw.length; g++) gen.pmax_mw[g] *= (1.01 * peak) / capacity;
    const r = checkTpl001(m);
    expect(r.p1_failing).toBe(m.tables.generators.size);
    expect(r.p1_worst!.outage).toMatch(/^GEN-/);
    expect(r.p1_worst!.unserved_mw).toBeGreaterThan(0);
    expect(tpl001Check(m, r).detail).toMatch(/MW unserved after losing GEN-/);
  });

  it('derates an autotransformer as a transformer, not as a conductor', () => {
    const m = fresh();
    const demand = substationDemand_mw(m, DESIGN_PEAK);
    const before = computeTransmissionLoading(m.tables, demand, DESIGN_PEAK, m.meta.base_mva).loading_pct;
    m.tables.transmission_lines.cols.kind[0] = BRANCH_AUTOTRANSFORMER;
    const after = computeTransmissionLoading(m.tables, demand, DESIGN_PEAK, m.meta.base_mva).loading_pct;
    expect(after[0]).toBeCloseTo((before[0] * lineRatingFactor(41)) / transformerRatingFactor(41), 9);
    expect(after[1]).toBe(before[1]);
  });
});
