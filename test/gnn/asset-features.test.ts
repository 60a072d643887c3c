/** The risk model's graph and inputs: structure, trace bounds, loading, and no label in them. */
import { describe, expect, it } from 'vitest';
import { buildCascadeContext } from '../../src/cascade/cascade-context.ts';
import { runCascade } from '../../src/cascade/cascade.ts';
import { scenarioWith } from '../../src/cascade/scenarios.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { ASSET_GRAPH_TABLES, EDGE_KINDS } from '../../src/gnn/graph/asset-graph.ts';
import { AssetFeatureBuilder, FEATURE_NAMES } from '../../src/gnn/features/asset-features.ts';

const model = generateGrid({ scale: 'sample', seed: 1 });
const builder = new AssetFeatureBuilder(model);
const g = builder.graph;
const t = model.tables;
const col = (name: string) => FEATURE_NAMES.indexOf(name);

describe('asset graph', () => {
  it('has a node per equipment asset and every attachment in both directions', () => {
    const total = ASSET_GRAPH_TABLES.reduce((n, name) => n + t[name].size, 0);
    expect(g.nodeCount).toBe(total);
    expect(g.src.length % 2).toBe(0);
    expect(g.dstStart[g.nodeCount]).toBe(g.src.length);
    // Sorted by destination, and each edge's reverse exists with the same kind.
    const pairs = new Map<string, number>();
    for (let e = 0; e < g.src.length; e++) {
      if (e > 0) expect(g.dst[e]).toBeGreaterThanOrEqual(g.dst[e - 1]);
      pairs.set(
        `${g.src[e]}>${g.dst[e]}:${g.kind[e]}`,
        (pairs.get(`${g.src[e]}>${g.dst[e]}:${g.kind[e]}`) ?? 0) + 1,
      );
    }
    for (let e = 0; e < g.src.length; e++)
      expect(pairs.has(`${g.dst[e]}>${g.src[e]}:${g.kind[e]}`)).toBe(true);
    // Exactly one of each pair points downstream.
    let down = 0;
    for (let e = 0; e < g.src.length; e++) down += g.downstream[e];
    expect(down).toBe(g.src.length / 2);
  });

  it('attaches every section below its parent and every service transformer to the section feeding it', () => {
    const sec = t.line_sections.cols;
    const kind = EDGE_KINDS.indexOf('line_section-line_section');
    let sectionEdges = 0;
    for (let e = 0; e < g.src.length; e++) if (g.kind[e] === kind && g.downstream[e]) sectionEdges++;
    // Every section hangs below another section, except those at a feeder head.
    const heads = new Set(Array.from(t.feeders.cols.head_node));
    let notAtHead = 0;
    for (let s = 0; s < t.line_sections.size; s++) if (!heads.has(sec.from_node[s])) notAtHead++;
    expect(sectionEdges).toBe(notAtHead);
    const xk = EDGE_KINDS.indexOf('line_section-transformer');
    const xEdges = new Set<number>();
    for (let e = 0; e < g.src.length; e++) if (g.kind[e] === xk && g.downstream[e]) xEdges.add(g.dst[e]);
    expect(xEdges.size).toBeGreaterThan(0.9 * t.transformers.size);
  });
});

describe('asset features', () => {
  const peak = builder.build(scenarioWith('summer_peak'));
  const F = peak.featureCount;
  const at = (v: number, name: string) => peak.x[v * F + col(name)];

  it('has one named column per feature, all finite', () => {
    expect(F).toBe(FEATURE_NAMES.length);
    expect(new Set(FEATURE_NAMES).size).toBe(F);
    expect(peak.x.length).toBe(g.nodeCount * F);
    expect(peak.x.filter((v) => !Number.isFinite(v)).length).toBe(0);
  });

  it('orders the trace bounds: segment ≤ isolated ≤ cleared, and the exposure of a fault is what it feeds', () => {
    const tr = builder.trace;
    for (let s = 0; s < t.line_sections.size; s++) {
      const v = g.offset.line_sections + s;
      expect(tr.segment_customers[v]).toBeLessThanOrEqual(tr.isolated_customers[v]);
      expect(tr.isolated_customers[v]).toBeLessThanOrEqual(tr.cleared_customers[v]);
      expect(tr.exposure_customers[v]).toBeLessThanOrEqual(tr.isolated_customers[v]);
    }
    // A substation's exposure is the customers of its feeders, as the cascade counts them.
    const ctx = peak.ctx;
    for (let s = 0; s < t.substations.size; s++) {
      const r = runCascade(ctx, [{ table: 'substations', index: s }], { restoration: false });
      expect(tr.exposure_customers[g.offset.substations + s]).toBe(r.waves[0].customers_out);
    }
  });

  it('without restoration, a section fault takes out exactly the customers below its clearing device', () => {
    const ctx = buildCascadeContext(model, scenarioWith('base'));
    for (let s = 0; s < t.line_sections.size; s += 7) {
      const r = runCascade(ctx, [{ table: 'line_sections', index: s }], { restoration: false, maxWaves: 1 });
      expect(builder.trace.cleared_customers[g.offset.line_sections + s]).toBe(r.waves[0].customers_out);
    }
  });

  it('follows the conditions: more load raises loading, a storm raises hazards, heat lowers reserve', () => {
    const hot = builder.build(scenarioWith('summer_peak', { load_factor: 1.3 }));
    const storm = builder.build(scenarioWith('derecho'));
    const mean = (x: Float32Array, name: string, table: string) => {
      const k = col(name);
      const from = g.offset[table as keyof typeof g.offset];
      const n = t[table as keyof typeof t].size;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += x[(from + i) * F + k];
      return sum / n;
    };
    expect(mean(hot.x, 'load_ratio', 'line_sections')).toBeCloseTo(
      1.3 * mean(peak.x, 'load_ratio', 'line_sections'),
      2,
    );
    expect(mean(storm.x, 'hazard_own', 'line_sections')).toBeGreaterThan(
      mean(peak.x, 'hazard_own', 'line_sections'),
    );
    expect(at(0, 'system_reserve')).toBeGreaterThan(hot.x[col('system_reserve')]);
    expect(at(0, 'load_factor_minus_1')).toBe(0);
    expect(hot.x[col('load_factor_minus_1')]).toBeCloseTo(0.3, 5);
  });

  it('is the same for the same grid and conditions', () => {
    expect(builder.build(scenarioWith('summer_peak')).x).toEqual(peak.x);
  });
});
