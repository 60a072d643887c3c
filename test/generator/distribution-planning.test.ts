/**
 * Distribution planned to the summer design peak (docs/planning.md): P0 at every design-peak
 * hour and tie-transfer capability for every feeder-head and substation transformer outage, on
 * generated grids; and the planner's reinforcement on a grid broken on purpose.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assessTieTransfers,
  checkDistributionDesignPeak,
  checkTieTransfer,
} from '../../src/analytics/distribution-planning-check.ts';
import { buildCascadeContext } from '../../src/cascade/cascade-context.ts';
import { feederHeadOutage, normalState } from '../../src/cascade/head-outage-restoration.ts';
import { CONDUCTORS, PEAK_PLANNING_LOADING } from '../../src/generator/equipment-ratings.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { planTieTransfers } from '../../src/generator/transfer-planning.ts';
import { lineCurrentA } from '../../src/model/electrical.ts';
import type { GridModel } from '../../src/model/grid-model.ts';
import { POWER_FACTOR } from '../../src/model/load-model.ts';
import { designPeakHourConditions } from '../../src/model/operating-conditions.ts';
import { EMERGENCY_RATING_FACTOR, lineRatingFactor } from '../../src/model/thermal.ts';
import { computeDistributionLoading } from '../../src/powerflow/radial-loading.ts';
import { buildDistributionGraph } from '../../src/topology/distribution-graph.ts';

describe.each([
  ['sample', 1],
  ['sample', 2],
  ['sample', 3],
  ['city', 1],
  ['city', 2],
  ['city', 3],
] as const)('%s grid, seed %i, at the design peak', (scale, seed) => {
  let model: GridModel;
  beforeAll(() => {
    model = generateGrid({ scale, seed });
  }, 60_000);

  it('keeps every section, service and substation transformer within the planning loading (P0)', () => {
    const check = checkDistributionDesignPeak(model);
    expect(check.ok, check.detail).toBe(true);
    // Planned to PEAK_PLANNING_LOADING, so nothing is above it at any hour; reinforcement only adds.
    const graph = buildDistributionGraph(model.tables);
    for (const conditions of designPeakHourConditions()) {
      const d = computeDistributionLoading(model.tables, graph, conditions);
      for (const pct of [d.section_pct, d.transformer_pct, d.substation_transformer_pct])
        expect(Math.max(...pct)).toBeLessThanOrEqual(100 * PEAK_PLANNING_LOADING + 1e-9);
    }
  });

  it('restores every tied healthy region after the loss of any feeder head or substation transformer', () => {
    const a = assessTieTransfers(model);
    for (const s of [a.feederHeads, a.substationTransformers]) {
      expect(s.short).toBe(0);
      expect(s.worst).toBeUndefined();
      expect(s.restoredCustomers).toBe(s.tiedCustomers);
    }
    // Not vacuous: outages do leave tied load to restore.
    expect(a.feederHeads.outages).toBe(model.tables.feeders.size);
    expect(a.feederHeads.tiedCustomers).toBeGreaterThan(0);
    expect(a.substationTransformers.tiedCustomers).toBeGreaterThan(0);
  });
});

/**
 * A region with a single tie on a sample grid, and the receiving section nearest that tie: the
 * first section the transfer loads on top of its normal flow.
 */
function singleTieCase(model: GridModel) {
  const t = model.tables;
  const hours = designPeakHourConditions();
  const ctx = buildCascadeContext(model, { name: 'design_peak', conditions: hours[0] });
  const normal = normalState(ctx);
  for (let f = 0; f < t.feeders.size; f++) {
    const out = feederHeadOutage(ctx, normal, f);
    for (const region of out.regions) {
      if (region.ties.length !== 1 || region.restoredBy < 0 || out.closed.length !== 1) continue;
      const k = region.restoredBy;
      const a = t.switches.cols.node_a[k];
      const live = t.dist_nodes.cols.feeder[a] === f ? t.switches.cols.node_b[k] : a;
      const e = normal.topology.parentEdge[live];
      if (e < 0 || e >= t.line_sections.size) continue;
      return { f, k, e, live };
    }
  }
  throw new Error('no single-tie region on this grid');
}

/** The transfer current section `e` must carry at each design-peak hour (its flow plus the region). */
function transferCurrents(model: GridModel, f: number, e: number): number[] {
  const t = model.tables;
  return designPeakHourConditions().map((conditions) => {
    const ctx = buildCascadeContext(model, { name: 'design_peak', conditions });
    const normal = normalState(ctx);
    const out = feederHeadOutage(ctx, normal, f);
    const load = out.regions.reduce((kw, g) => kw + (g.restoredBy >= 0 ? g.load_kw : 0), 0);
    const kv = t.feeders.cols.kv[t.line_sections.cols.feeder[e]];
    return lineCurrentA(normal.edge_kw[e] + load, kv, t.line_sections.cols.phases[e], POWER_FACTOR);
  });
}

describe('tie-transfer planning on a grid broken on purpose', () => {
  const limit = lineRatingFactor(designPeakHourConditions()[0].temperature_c) * EMERGENCY_RATING_FACTOR;

  it('catches a receiving conductor too small for the transfer, naming the outage', () => {
    const model = generateGrid({ scale: 'sample', seed: 1 });
    const { f, e } = singleTieCase(model);
    const need = Math.max(...transferCurrents(model, f, e));
    model.tables.line_sections.cols.rating_a[e] = (0.99 * need) / limit;
    const a = assessTieTransfers(model);
    expect(a.feederHeads.short).toBeGreaterThanOrEqual(1);
    expect(a.feederHeads.worst?.customers).toBeGreaterThan(0);
    const check = checkTieTransfer(a);
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(/feeder-head outages leave tied load dark \(worst FDR-[\d-]+ at 1\d:00: /);
    // The broken outage itself now leaves its region dark at some hour.
    const dark = designPeakHourConditions().some((conditions) => {
      const c = buildCascadeContext(model, { name: 'p', conditions });
      return feederHeadOutage(c, normalState(c), f).regions.some((g) => g.ties.length && g.restoredBy < 0);
    });
    expect(dark).toBe(true);
  });

  it('reinforces it back to the smallest conductor that carries the transfer, and then holds', () => {
    const model = generateGrid({ scale: 'sample', seed: 1 });
    const sec = model.tables.line_sections.cols;
    const { f, e } = singleTieCase(model);
    const need = Math.max(...transferCurrents(model, f, e));
    sec.rating_a[e] = (0.99 * need) / limit;
    const plan = planTieTransfers(model);
    expect(plan).toMatchObject({ unresolved: 0 });
    expect(plan.passes).toBeGreaterThanOrEqual(2);
    expect(plan.sectionsReinforced).toBeGreaterThanOrEqual(1);
    // The smallest conductor of the section's kind whose emergency limit covers the transfer.
    const kinds = CONDUCTORS.filter((c) => c.overhead === (sec.overhead[e] === 1));
    const needed = Math.max(...transferCurrents(model, f, e)) / limit;
    const expected = kinds.find((c) => c.ampacity_a >= needed)!;
    expect(sec.rating_a[e]).toBe(expected.ampacity_a);
    expect(sec.conductor[e]).toBe(expected.code);
    expect(assessTieTransfers(model).feederHeads.short).toBe(0);
    // Planning a planned grid changes nothing.
    expect(planTieTransfers(model)).toEqual({
      passes: 1,
      sectionsReinforced: 0,
      tiesReinforced: 0,
      substationTransformersReinforced: 0,
      unresolved: 0,
    });
  });
});
