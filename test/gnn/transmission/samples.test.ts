import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTransmissionCascade } from '../../../src/cascade/transmission/index.ts';
import { Rng } from '../../../src/generator/rng.ts';
import { readMatpowerCase, syntheticMatpowerCase } from '../../../src/importers/matpower/index.ts';
import {
  balancedDcFlow,
  caseLodf,
  caseSamples,
  enumerateOutages,
  exampleInputs,
  caseGraph,
  lodfScreen,
  matpowerTransmissionCase,
  operatingState,
  outageFlows,
  SHED_TOLERANCE_MW,
} from '../../../src/gnn/transmission/index.ts';

const fixture = (name: string) =>
  matpowerTransmissionCase(readMatpowerCase(join('test', 'fixtures', 'matpower', name)));
const COOL = { load_factor: 1, temperature_c: 20 };

describe('gnn/transmission samples', () => {
  it('labels each outage with the MW the real cascade sheds', () => {
    const c = matpowerTransmissionCase(syntheticMatpowerCase({ nBus: 40, seed: 3 }));
    const conditions = [COOL, { load_factor: 1.4, temperature_c: 35 }];
    const s = caseSamples(c, conditions, { pairsPerCondition: 20, seed: 1 });
    expect(s.samples.length).toBeGreaterThan(40);
    for (const x of s.samples) {
      const state = operatingState(c, s.states[x.state].condition);
      const direct = runTransmissionCascade(state.net, x.outage);
      expect(x.shed_mw).toBeCloseTo(Math.max(0, direct.shed_mw), 9);
    }
    // Both classes occur under these conditions.
    expect(s.samples.some((x) => x.shed_mw > SHED_TOLERANCE_MW)).toBe(true);
    expect(s.samples.some((x) => x.shed_mw <= SHED_TOLERANCE_MW)).toBe(true);
  });

  it('case3_cascade: losing 1-3 sheds bus 3, as the cascade does', () => {
    const s = caseSamples(fixture('case3_cascade.m'), [COOL], { pairsPerCondition: 0 });
    expect(s.samples.map((x) => Array.from(x.outage))).toEqual([[0], [1], [2]]);
    expect(s.samples[2].shed_mw).toBeCloseTo(100, 9);
  });

  it('leaves out conditions that are insecure before any outage', () => {
    // 80 MW rating on 1-3 carries 2/3 of the load: above 120 MW of load it is overloaded.
    const s = caseSamples(fixture('case3_cascade.m'), [{ load_factor: 1.3, temperature_c: 20 }]);
    expect(s.states).toHaveLength(0);
    expect(s.insecureConditions).toHaveLength(1);
  });

  it('enumerates every in-service branch, then distinct seeded pairs', () => {
    const outages = enumerateOutages(Uint8Array.of(1, 1, 0, 1), 5, new Rng(1, 't'));
    expect(outages.slice(0, 3).map((o) => Array.from(o))).toEqual([[0], [1], [3]]);
    const pairs = outages.slice(3).map((o) => `${o[0]}-${o[1]}`);
    expect(new Set(pairs).size).toBe(3); // only 3 pairs exist among 3 live branches
    expect(pairs.every((p) => !p.includes('2'))).toBe(true);
  });
});

describe('gnn/transmission first wave and LODF screen', () => {
  it('screens case3_cascade by hand: 1-3 out puts the whole load on 1-2-3 (rating 50)', () => {
    const c = fixture('case3_cascade.m');
    const lodf = caseLodf(c.net);
    const full = lodfScreen(operatingState(c, COOL), lodf, [2]);
    expect(full.worstLoading).toBeCloseTo(2, 9); // 100 MW on 50
    expect(full.shed).toBe(true);
    // At half load 50 MW sits exactly at the 50 MW rating: no trip (|P| > rating trips).
    const half = lodfScreen(operatingState(c, { load_factor: 0.5, temperature_c: 20 }), lodf, [2]);
    expect(half.worstLoading).toBeCloseTo(1, 9);
    expect(half.shed).toBe(false);
    // 1-2 and 1-3 out cut buses 2 and 3 (no generator) off bus 1: 100 MW stranded.
    const both = lodfScreen(operatingState(c, COOL), lodf, [0, 2]);
    expect(both.deficit_mw).toBeCloseTo(100, 9);
    expect(both.shed).toBe(true);
  });

  it('the double-outage LODF formula equals a fresh DC solve', () => {
    const c = matpowerTransmissionCase(syntheticMatpowerCase({ nBus: 60, seed: 2 }));
    const state = operatingState(c, COOL);
    const lodf = caseLodf(c.net);
    let compared = 0;
    for (let k1 = 0; k1 < 20; k1++) {
      const k2 = k1 + 7;
      const f = outageFlows(state, lodf, [k1, k2]);
      if (f.islanding) continue;
      const inService = Uint8Array.from(state.net.inService);
      inService[k1] = inService[k2] = 0;
      const fresh = balancedDcFlow({ ...state.net, inService });
      for (let l = 0; l < fresh.flow_mw.length; l++) expect(f.flow_mw[l]).toBeCloseTo(fresh.flow_mw[l], 6);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });
});

describe('gnn/transmission inputs hold no label', () => {
  it('inputs read only the case, its LODF and its states: changing every label changes nothing', () => {
    const c = matpowerTransmissionCase(syntheticMatpowerCase({ nBus: 30, seed: 4 }));
    const s = caseSamples(c, [{ load_factor: 1.3, temperature_c: 30 }], { pairsPerCondition: 5 });
    const graph = caseGraph(c);
    const x = s.samples[3];
    const before = exampleInputs(s, graph, x.state, x.outage);
    const relabelled = { ...s, samples: s.samples.map((y) => ({ ...y, shed_mw: 1e6 - y.shed_mw })) };
    const after = exampleInputs(relabelled, graph, x.state, x.outage);
    expect(after).toEqual(before);
    // Structurally: the function is given no samples at all.
    const noLabels = exampleInputs(
      { case: s.case, lodf: s.lodf, states: s.states },
      graph,
      x.state,
      x.outage,
    );
    expect(noLabels).toEqual(before);
  });
});
