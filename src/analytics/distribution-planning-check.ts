/**
 * Distribution planning criteria at the summer design peak, as `flux info` reports them and the
 * generator plans to (docs/planning.md):
 * - `distribution_design_peak`: P0, no line section, service transformer or substation
 *   transformer above its derated normal rating at any design-peak hour;
 * - `distribution_tie_transfer`: the loss of any feeder's head, or of any substation transformer,
 *   leaves every healthy dark part that has a tie restorable through ties within emergency ratings
 *   (the cascade's own restoration check, with normal diversified load: no cold-load pickup).
 */
import { buildCascadeContext } from '../cascade/cascade-context.ts';
import {
  feederHeadOutage,
  getawaySection,
  normalState,
  substationTransformerOutage,
  type OutageRestoration,
} from '../cascade/head-outage-restoration.ts';
import type { GridModel } from '../model/grid-model.ts';
import { DESIGN_PEAK, DESIGN_PEAK_HOURS, designPeakHourConditions } from '../model/operating-conditions.ts';
import { computeDistributionLoading } from '../powerflow/radial-loading.ts';
import { buildDistributionGraph } from '../topology/distribution-graph.ts';
import type { CheckResult } from './invariants.ts';

/** Tied load an outage leaves dark, at its worst hour. */
export interface OutageShortfall {
  /** The feeder or substation transformer lost. */
  id: string;
  hour: number;
  customers: number;
  kw: number;
}

export interface OutageKindSummary {
  outages: number;
  /** Outages whose tied healthy load is not all restorable at some design-peak hour (target 0). */
  short: number;
  /** The outage leaving the most tied customers dark (undefined when none does). */
  worst?: OutageShortfall;
  /** Customers of the lost feeders, summed over outages (at one hour: topology does not change). */
  customers: number;
  /** Of them, in healthy parts with a tie. */
  tiedCustomers: number;
  /** Of those, the fewest restored at any design-peak hour. */
  restoredCustomers: number;
}

export interface TieTransferAssessment {
  hours: readonly number[];
  feederHeads: OutageKindSummary;
  substationTransformers: OutageKindSummary;
}

/** Every feeder-head and substation transformer outage at every design-peak hour. */
export function assessTieTransfers(model: GridModel): TieTransferAssessment {
  const t = model.tables;
  const feederHeads = emptySummary(t.feeders.size);
  const substationTransformers = emptySummary(t.substation_transformers.size);
  const shortFeeders = new Set<number>();
  const shortStx = new Set<number>();
  const restoredFeeder = new Float64Array(DESIGN_PEAK_HOURS.length);
  const restoredStx = new Float64Array(DESIGN_PEAK_HOURS.length);
  designPeakHourConditions().forEach((conditions, h) => {
    const ctx = buildCascadeContext(model, { name: 'design_peak', conditions });
    const normal = normalState(ctx);
    const tally = (
      out: OutageRestoration,
      id: string,
      summary: OutageKindSummary,
      shortSet: Set<number>,
      index: number,
      restored: Float64Array,
    ) => {
      let customers = 0;
      let kw = 0;
      for (const r of out.regions) {
        if (h === 0) summary.customers += r.customers;
        if (r.ties.length === 0) continue;
        if (h === 0) summary.tiedCustomers += r.customers;
        if (r.restoredBy >= 0) restored[h] += r.customers;
        else {
          customers += r.customers;
          kw += r.load_kw;
        }
      }
      if (customers === 0) return;
      shortSet.add(index);
      const w = summary.worst;
      if (!w || customers > w.customers || (customers === w.customers && kw > w.kw))
        summary.worst = { id, hour: conditions.hour, customers, kw };
    };
    for (let f = 0; f < t.feeders.size; f++) {
      // A feeder without a single getaway (an imported one fed several ways) has no head fault to study.
      if (getawaySection(ctx, f) < 0) {
        if (h === 0) feederHeads.outages--;
        continue;
      }
      tally(feederHeadOutage(ctx, normal, f), t.feeders.ids[f], feederHeads, shortFeeders, f, restoredFeeder);
    }
    for (let k = 0; k < t.substation_transformers.size; k++) {
      const out = substationTransformerOutage(ctx, normal, k);
      const id = t.substation_transformers.ids[k];
      tally(out, id, substationTransformers, shortStx, k, restoredStx);
    }
  });
  feederHeads.short = shortFeeders.size;
  feederHeads.restoredCustomers = Math.min(...restoredFeeder);
  substationTransformers.short = shortStx.size;
  substationTransformers.restoredCustomers = Math.min(...restoredStx);
  return { hours: DESIGN_PEAK_HOURS, feederHeads, substationTransformers };
}

function emptySummary(outages: number): OutageKindSummary {
  return { outages, short: 0, customers: 0, tiedCustomers: 0, restoredCustomers: 0 };
}

const hourSpan = () =>
  `${DESIGN_PEAK_HOURS[0]}–${DESIGN_PEAK_HOURS.at(-1)} h at ${DESIGN_PEAK.temperature_c} °C`;
const count = (n: number) => n.toLocaleString('en-US');

function describeKind(label: string, s: OutageKindSummary): string {
  const head = `${count(s.short)} of ${count(s.outages)} ${label} outages leave tied load dark`;
  const worst = s.worst
    ? ` (worst ${s.worst.id} at ${s.worst.hour}:00: ${count(s.worst.customers)} customers, ${(s.worst.kw / 1000).toFixed(1)} MW)`
    : '';
  const share = s.tiedCustomers > 0 ? ((100 * s.restoredCustomers) / s.tiedCustomers).toFixed(1) : '100.0';
  return `${head}${worst}, ${share} % of their tied customers restorable`;
}

/** `distribution_tie_transfer`: target 0 outages with tied load left dark. */
export function checkTieTransfer(a: TieTransferAssessment): CheckResult {
  const untied = a.feederHeads.customers - a.feederHeads.tiedCustomers;
  return {
    name: 'distribution_tie_transfer',
    ok: a.feederHeads.short === 0 && a.substationTransformers.short === 0,
    detail:
      `${hourSpan()}: ${describeKind('feeder-head', a.feederHeads)}; ` +
      `${describeKind('substation transformer', a.substationTransformers)}; ` +
      `${count(untied)} healthy customer-outages on feeder-head loss have no tie`,
  };
}

/** `distribution_design_peak`: P0, every distribution element within its derated rating at every hour. */
export function checkDistributionDesignPeak(model: GridModel): CheckResult {
  const t = model.tables;
  const graph = buildDistributionGraph(t);
  const classes = [
    { label: 'line_sections', ids: t.line_sections.ids, worst: 0, at: -1, hour: 0 },
    { label: 'transformers', ids: t.transformers.ids, worst: 0, at: -1, hour: 0 },
    { label: 'substation_transformers', ids: t.substation_transformers.ids, worst: 0, at: -1, hour: 0 },
  ];
  for (const conditions of designPeakHourConditions()) {
    const d = computeDistributionLoading(t, graph, conditions);
    [d.section_pct, d.transformer_pct, d.substation_transformer_pct].forEach((pct, c) => {
      const cls = classes[c];
      pct.forEach((v, i) => {
        if (v > cls.worst) Object.assign(cls, { worst: v, at: i, hour: conditions.hour });
      });
    });
  }
  const over = classes.filter((c) => c.worst > 100);
  const max = classes.map((c) => `${c.label} ${c.worst.toFixed(1)} %`).join(', ');
  return {
    name: 'distribution_design_peak',
    ok: over.length === 0,
    detail: over.length
      ? `above the derated rating at ${hourSpan()}: ${over.map((c) => `${c.ids[c.at]} ${c.worst.toFixed(1)} % at ${c.hour}:00`).join(', ')}`
      : `no distribution equipment above its derated rating at ${hourSpan()} (max ${max})`,
  };
}

/** Both checks, in the order `flux info` lists them. */
export function checkDistributionPlanning(model: GridModel): CheckResult[] {
  return [checkDistributionDesignPeak(model), checkTieTransfer(assessTieTransfers(model))];
}
