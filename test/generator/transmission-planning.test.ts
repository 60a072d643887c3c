/**
 * Generated transmission is planned to NERC TPL-001 P0 and P1 at the summer design peak, over
 * several seeds of the sample and city scales: each grid is generated once and checked with the
 * cascade's own transmission model, its fleet, its corridors, double circuits and bus sections.
 */
import { describe, expect, it } from 'vitest';
import { checkTpl001, substationDemand_mw } from '../../src/analytics/tpl001-check.ts';
import { PLANNING_RESERVE_MARGIN, UNIT_SIZES_MW } from '../../src/generator/generation-fleet.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { BRANCH_LINE } from '../../src/model/branch-rating.ts';
import type { GridModel } from '../../src/model/grid-model.ts';
import { DESIGN_PEAK, DESIGN_PEAK_HOURS } from '../../src/model/operating-conditions.ts';
import { findBridges } from '../../src/powerflow/dc-sensitivity.ts';

const CASES = [
  ['sample', 1],
  ['sample', 2],
  ['sample', 3],
  ['city', 1],
  ['city', 2],
  ['city', 3],
] as const;

function designPeak_mw(m: GridModel): number {
  return Math.max(
    ...DESIGN_PEAK_HOURS.map((hour) =>
      substationDemand_mw(m, { ...DESIGN_PEAK, hour }).reduce((a, b) => a + b, 0),
    ),
  );
}

describe.each(CASES)('%s grid, seed %i', (scale, seed) => {
  const model = generateGrid({ scale, seed });
  const t = model.tables;
  const line = t.transmission_lines.cols;

  it('holds TPL-001 P0 and P1 at the design peak: no overload, no load loss', () => {
    const r = checkTpl001(model);
    expect(r.p1_failing_examples).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.p1_worst!.worst_loading_pct).toBeLessThanOrEqual(100);
  });

  it('has installed capacity for the reserve margin and for the peak without its largest unit', () => {
    const gen = t.generators.cols;
    const capacity = gen.pmax_mw.reduce((a, b) => a + b, 0);
    const peak = designPeak_mw(model);
    expect(capacity).toBeGreaterThanOrEqual(peak * (1 + PLANNING_RESERVE_MARGIN));
    expect(capacity - Math.max(...gen.pmax_mw)).toBeGreaterThanOrEqual(peak);
    // Every plant is several units of one catalogue size for its fuel.
    const perBus = new Map<number, number[]>();
    gen.bus.forEach((b, g) => perBus.set(b, [...(perBus.get(b) ?? []), g]));
    for (const units of perBus.values()) {
      expect(units.length).toBeGreaterThanOrEqual(2);
      expect(new Set(units.map((g) => gen.pmax_mw[g])).size).toBe(1);
      expect(UNIT_SIZES_MW[gen.fuel[units[0]]]).toContain(gen.pmax_mw[units[0]]);
    }
  });

  it('is 138 kV only, and leaves no bus on a radial tap even when a whole corridor is lost', () => {
    expect(new Set(t.buses.cols.kv)).toEqual(new Set([138]));
    expect(line.kind.every((k) => k === BRANCH_LINE)).toBe(true);
    // One edge per corridor (parallel circuits merged): still no bridges.
    const seen = new Set<string>();
    const from: number[] = [];
    const to: number[] = [];
    line.from_bus.forEach((a, l) => {
      const key = `${a}-${line.to_bus[l]}`;
      if (seen.has(key)) return;
      seen.add(key);
      from.push(a);
      to.push(line.to_bus[l]);
    });
    const bridges = findBridges(
      t.buses.size,
      Int32Array.from(from),
      Int32Array.from(to),
      new Uint8Array(from.length).fill(1),
    );
    expect(bridges.indexOf(1)).toBe(-1);
  });

  it('pairs double circuits on shared structures between the same buses', () => {
    const byStructure = new Map<number, number[]>();
    line.structure.forEach((s, l) => s >= 0 && byStructure.set(s, [...(byStructure.get(s) ?? []), l]));
    for (const lines of byStructure.values()) {
      expect(lines).toHaveLength(2);
      const [a, b] = lines;
      expect([line.from_bus[a], line.to_bus[a]]).toEqual([line.from_bus[b], line.to_bus[b]]);
      expect(line.kind[a]).toBe(BRANCH_LINE);
      expect(line.rating_mva[a]).toBe(line.rating_mva[b]);
      // The two circuits of one structure end on different sections where the bus is split.
      for (const [end, endSection] of [
        [line.from_bus, line.from_section],
        [line.to_bus, line.to_section],
      ] as const) {
        const split = t.bus_sections.cols.bus.filter((bus) => bus === end[a]).length > 1;
        if (split) expect(endSection[a]).not.toBe(endSection[b]);
      }
    }
  });

  it('connects every line end, substation transformer and unit to a section of its own bus', () => {
    const sectionBus = t.bus_sections.cols.bus;
    line.from_section.forEach((s, l) => expect(sectionBus[s]).toBe(line.from_bus[l]));
    line.to_section.forEach((s, l) => expect(sectionBus[s]).toBe(line.to_bus[l]));
    t.substation_transformers.cols.bus_section.forEach((s, k) =>
      expect(sectionBus[s]).toBe(t.substations.cols.bus[t.substation_transformers.cols.substation[k]]),
    );
    t.generators.cols.bus_section.forEach((s, g) => expect(sectionBus[s]).toBe(t.generators.cols.bus[g]));
    // A split bus keeps a line on each section, so a section fault never cuts the other off.
    for (let b = 0; b < t.buses.size; b++) {
      const sections = Array.from(sectionBus).flatMap((bus, s) => (bus === b ? [s] : []));
      expect(sections.length).toBeGreaterThanOrEqual(1);
      expect(sections.length).toBeLessThanOrEqual(2);
      if (sections.length === 2)
        for (const s of sections)
          expect(line.from_section.includes(s) || line.to_section.includes(s)).toBe(true);
    }
  });
});
