/** Feeder-head and substation transformer outages studied as the cascade runs them. */
import { describe, expect, it } from 'vitest';
import { buildCascadeContext } from '../../src/cascade/cascade-context.ts';
import { runCascade } from '../../src/cascade/cascade.ts';
import {
  feederHeadOutage,
  getawaySection,
  normalState,
  substationTransformerOutage,
} from '../../src/cascade/head-outage-restoration.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { DESIGN_PEAK } from '../../src/model/operating-conditions.ts';

const model = generateGrid({ scale: 'sample', seed: 2 });
const t = model.tables;
const ctx = buildCascadeContext(model, {
  name: 'design_peak',
  conditions: { ...DESIGN_PEAK, hours_since_interruption: 0 },
});
const normal = normalState(ctx);

describe('head-outage restoration', () => {
  it('closes the same ties and restores the same customers as the cascade, for every feeder head', () => {
    let regionsRestored = 0;
    for (let f = 0; f < t.feeders.size; f++) {
      const out = feederHeadOutage(ctx, normal, f);
      const r = runCascade(ctx, [{ table: 'line_sections', index: getawaySection(ctx, f) }]);
      expect(out.closed.map((k) => t.switches.ids[k])).toEqual([...r.ties_closed].sort());
      const restored = out.regions.filter((g) => g.restoredBy >= 0);
      expect(r.customers_restored).toBe(restored.reduce((n, g) => n + g.customers, 0));
      regionsRestored += restored.length;
    }
    expect(regionsRestored).toBeGreaterThan(0);
  });

  it('matches the cascade for the loss of every substation transformer', () => {
    let tiesClosed = 0;
    for (let k = 0; k < t.substation_transformers.size; k++) {
      const out = substationTransformerOutage(ctx, normal, k);
      tiesClosed += out.closed.length;
      const r = runCascade(ctx, [{ table: 'substation_transformers', index: k }]);
      expect(out.closed.map((x) => t.switches.ids[x])).toEqual([...r.ties_closed].sort());
      // Whole feeders are the regions: their customers are everything the transformer serves.
      const lost = out.regions.reduce((n, g) => n + g.customers, 0);
      expect(lost).toBe(r.waves[0].failed[0].customers);
    }
    expect(tiesClosed).toBeGreaterThan(0);
  });

  it('leaves the normal state as it found it', () => {
    const before = normalState(ctx);
    for (let f = 0; f < t.feeders.size; f += 7) feederHeadOutage(ctx, normal, f);
    substationTransformerOutage(ctx, normal, 0);
    expect(normal.topology.nodeEnergized).toEqual(before.topology.nodeEnergized);
    expect(normal.feeder_kw).toEqual(before.feeder_kw);
    expect(normal.sectionOpen.every((v) => v === 0)).toBe(true);
    expect(normal.blocked.every((v) => v === 0)).toBe(true);
  });

  it('splits a lost feeder into its isolated zone and healthy regions, each node in one place', () => {
    const f = 3;
    const out = feederHeadOutage(ctx, normal, f);
    const seen = new Set<number>();
    for (const g of out.regions) {
      for (const n of g.nodes) {
        expect(seen.has(n)).toBe(false);
        seen.add(n);
      }
    }
    const feederNodes = normal.feederNodes[f];
    // Every node but the head is either dark-and-healthy or in the faulted zone.
    let zone = 0;
    for (let i = 1; i < feederNodes.length; i++) if (!seen.has(feederNodes[i])) zone++;
    expect(zone).toBeGreaterThan(0);
    expect(seen.size + zone).toBe(feederNodes.length - 1);
    expect(out.regions.reduce((n, g) => n + g.customers, 0)).toBeLessThanOrEqual(
      ctx.nodeCustomers[t.feeders.cols.head_node[f]],
    );
  });
});
