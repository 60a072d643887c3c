/** Physical and planning properties of generated grids, over several seeds (not fixed outputs). */
import { describe, expect, it } from 'vitest';
import { checkInvariants, checkLoading } from '../../src/analytics/invariants.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { haversineKm } from '../../src/model/geo.ts';
import { BASE_CASE, DESIGN_PEAK } from '../../src/model/operating-conditions.ts';
import { buildDistributionGraph } from '../../src/topology/distribution-graph.ts';

const SEEDS = [1, 2, 3, 7, 42];

describe.each(SEEDS)('sample grid, seed %i', (seed) => {
  const model = generateGrid({ scale: 'sample', seed });
  const t = model.tables;

  it('passes every invariant check', () => {
    const report = checkInvariants(model);
    for (const c of report.checks) expect(c.ok, `${c.name}: ${c.detail}`).toBe(true);
  });

  it('is secure in the base case and more loaded on a hot afternoon', () => {
    const graph = buildDistributionGraph(t);
    const base = checkLoading(model, graph, BASE_CASE);
    const hot = checkLoading(model, graph, DESIGN_PEAK);
    expect(base.result.ok).toBe(true);
    for (const k of Object.keys(base.max)) expect(hot.max[k]).toBeGreaterThan(base.max[k]);
  });

  it('keeps secondaries short: meters are near their transformer', () => {
    const d: number[] = [];
    for (let m = 0; m < t.meters.size; m++) {
      const x = t.meters.cols.transformer[m];
      d.push(
        haversineKm(
          t.meters.cols.lon[m],
          t.meters.cols.lat[m],
          t.transformers.cols.lon[x],
          t.transformers.cols.lat[x],
        ),
      );
    }
    d.sort((a, b) => a - b);
    expect(d[Math.floor(0.99 * d.length)]).toBeLessThan(0.5);
    expect(d.at(-1)).toBeLessThan(0.8);
  });

  it('gives every feeder exactly one breaker, on the section leaving its head', () => {
    const breakers = new Map<number, number>();
    for (let d = 0; d < t.protective_devices.size; d++) {
      if (t.protective_devices.cols.kind[d] !== 0) continue;
      const s = t.protective_devices.cols.section[d];
      const f = t.line_sections.cols.feeder[s];
      expect(t.line_sections.cols.from_node[s]).toBe(t.feeders.cols.head_node[f]);
      breakers.set(f, (breakers.get(f) ?? 0) + 1);
    }
    expect(breakers.size).toBe(t.feeders.size);
    for (const n of breakers.values()) expect(n).toBe(1);
  });

  it('makes ties normally open between two different feeders, and sectionalizers closed on a section', () => {
    const sw = t.switches.cols;
    let ties = 0;
    for (let k = 0; k < t.switches.size; k++) {
      if (sw.kind[k] === 1) {
        ties++;
        expect(sw.normally_open[k]).toBe(1);
        expect(sw.feeder_a[k]).not.toBe(sw.feeder_b[k]);
        expect(t.dist_nodes.cols.feeder[sw.node_a[k]]).toBe(sw.feeder_a[k]);
        expect(t.dist_nodes.cols.feeder[sw.node_b[k]]).toBe(sw.feeder_b[k]);
      } else {
        expect(sw.normally_open[k]).toBe(0);
        expect(t.line_sections.cols.from_node[sw.section[k]]).toBe(sw.node_a[k]);
      }
    }
    expect(ties).toBeGreaterThan(0);
  });

  it('balances generation and load in the transmission base case', () => {
    const gen = t.generators.cols.p_mw.reduce((a, b) => a + b, 0);
    const cap = t.generators.cols.pmax_mw.reduce((a, b) => a + b, 0);
    expect(gen).toBeLessThan(cap);
    expect(gen).toBeGreaterThan(0);
  });

  it('has critical customers: a hospital and a water plant', () => {
    const critical = Array.from(t.customers.cols.critical);
    expect(critical).toContain(1);
    expect(critical).toContain(2);
  });
});
