/**
 * NERC TPL-001 P0 and P1 of a dataset at the summer design peak: with everything in service
 * (P0) and after the loss of any single transmission branch (a circuit or an autotransformer)
 * or generating unit (P1), at every hour of the design-day afternoon, no branch may exceed its
 * temperature-derated rating and no load may go unserved. Each case is a full solve of the
 * cascade's own transmission model (computeTransmissionLoading: islands, re-dispatch in
 * proportion to Pmax, deficits), so what passes here is what a cascade at the design peak sees.
 */
import type { GridModel } from '../model/grid-model.ts';
import { customerDemandsKw } from '../model/load-model.ts';
import { DESIGN_PEAK, DESIGN_PEAK_HOURS, type OperatingConditions } from '../model/operating-conditions.ts';
import { computeTransmissionLoading, type TransmissionOutages } from '../powerflow/transmission-loading.ts';

/** Above this loading (%) or unserved load (MW) a case fails (float noise stays below). */
const LOADING_LIMIT_PCT = 100 + 1e-6;
const UNSERVED_LIMIT_MW = 1e-6;

export interface Tpl001Options {
  conditions?: OperatingConditions;
  hours?: readonly number[];
}

export interface Tpl001Case {
  /** Outaged element's id (null for P0), the worst-loaded branch's id and its loading. */
  outage: string | null;
  worst_branch: string | null;
  worst_loading_pct: number;
  unserved_mw: number;
  hour: number;
}

export interface Tpl001Result {
  conditions: { temperature_c: number; hours: number[] };
  /** P1 contingencies studied: branches (lines and autotransformers) and generating units. */
  contingencies: { branches: number; units: number };
  /** Worst P0 case over the hours. */
  p0: Tpl001Case;
  /** Worst P1 case over all contingencies and hours (highest loading; load loss ranks first). */
  p1_worst: Tpl001Case | null;
  /** Contingencies that overload a branch or lose load at some hour (target 0), with examples. */
  p1_failing: number;
  p1_failing_examples: Tpl001Case[];
  ok: boolean;
}

/** Demand (MW) of every substation under `conditions`, through meter, transformer and feeder. */
export function substationDemand_mw(model: GridModel, conditions: OperatingConditions): Float64Array {
  const t = model.tables;
  const kw = customerDemandsKw(t.customers, conditions);
  const out = new Float64Array(t.substations.size);
  for (let c = 0; c < t.customers.size; c++) {
    const x = t.meters.cols.transformer[t.customers.cols.meter[c]];
    out[t.feeders.cols.substation[t.transformers.cols.feeder[x]]] += kw[c] / 1000;
  }
  return out;
}

const losesLoad = (c: Tpl001Case) => (c.unserved_mw > UNSERVED_LIMIT_MW ? 1 : 0);
/** Whether case a is worse than b: load loss first, then loading. */
const worse = (a: Tpl001Case, b: Tpl001Case | null) =>
  !b ||
  losesLoad(a) > losesLoad(b) ||
  (losesLoad(a) === losesLoad(b) && a.worst_loading_pct > b.worst_loading_pct);

/**
 * @example
 * const r = checkTpl001(model);
 * r.p1_failing; // 0 for a grid planned to P1 at the design peak
 */
export function checkTpl001(model: GridModel, options: Tpl001Options = {}): Tpl001Result {
  const base = options.conditions ?? DESIGN_PEAK;
  const hours = options.hours ?? DESIGN_PEAK_HOURS;
  const t = model.tables;
  const lineIds = t.transmission_lines.ids;
  const nLine = t.transmission_lines.size;
  const nGen = t.generators.size;
  const linesOut = new Uint8Array(nLine);
  const generatorsOut = new Uint8Array(nGen);
  const failing = new Map<string, Tpl001Case>();
  let p0: Tpl001Case | null = null;
  let p1: Tpl001Case | null = null;

  const study = (
    conditions: OperatingConditions,
    demand: Float64Array,
    outage: string | null,
    out: TransmissionOutages,
  ) => {
    const r = computeTransmissionLoading(t, demand, conditions, model.meta.base_mva, out);
    let worst = -1;
    for (let l = 0; l < nLine; l++) if (worst < 0 || r.loading_pct[l] > r.loading_pct[worst]) worst = l;
    const c: Tpl001Case = {
      outage,
      worst_branch: worst >= 0 ? lineIds[worst] : null,
      worst_loading_pct: worst >= 0 ? round(r.loading_pct[worst]) : 0,
      unserved_mw: round(r.unserved_mw),
      hour: conditions.hour,
    };
    const fails =
      (worst >= 0 && r.loading_pct[worst] > LOADING_LIMIT_PCT) || r.unserved_mw > UNSERVED_LIMIT_MW;
    return { c, fails };
  };

  for (const hour of hours) {
    const conditions = { ...base, hour };
    const demand = substationDemand_mw(model, conditions);
    const p0Case = study(conditions, demand, null, {}).c;
    if (worse(p0Case, p0)) p0 = p0Case;
    const record = (outage: string, out: TransmissionOutages) => {
      const { c, fails } = study(conditions, demand, outage, out);
      if (worse(c, p1)) p1 = c;
      if (fails && (!failing.has(outage) || worse(c, failing.get(outage)!))) failing.set(outage, c);
    };
    for (let l = 0; l < nLine; l++) {
      linesOut[l] = 1;
      record(lineIds[l], { linesOut });
      linesOut[l] = 0;
    }
    // Units of one size on one bus give the same case: solve once, count each.
    const solved = new Map<string, { c: Tpl001Case; fails: boolean }>();
    for (let g = 0; g < nGen; g++) {
      const key = `${t.generators.cols.bus[g]}:${t.generators.cols.pmax_mw[g]}`;
      let s = solved.get(key);
      if (!s) {
        generatorsOut[g] = 1;
        s = study(conditions, demand, t.generators.ids[g], { generatorsOut });
        generatorsOut[g] = 0;
        solved.set(key, s);
      }
      const c = { ...s.c, outage: t.generators.ids[g] };
      if (worse(c, p1)) p1 = c;
      if (s.fails && !failing.has(c.outage)) failing.set(c.outage, c);
    }
  }
  const p0Case = p0 ?? {
    outage: null,
    worst_branch: null,
    worst_loading_pct: 0,
    unserved_mw: 0,
    hour: base.hour,
  };
  const p0Ok = p0Case.worst_loading_pct <= LOADING_LIMIT_PCT && p0Case.unserved_mw <= UNSERVED_LIMIT_MW;
  const examples = [...failing.values()].sort((a, b) => (worse(a, b) ? -1 : worse(b, a) ? 1 : 0));
  return {
    conditions: { temperature_c: base.temperature_c, hours: [...hours] },
    contingencies: { branches: nLine, units: nGen },
    p0: p0Case,
    p1_worst: p1,
    p1_failing: failing.size,
    p1_failing_examples: examples.slice(0, 5),
    ok: p0Ok && failing.size === 0,
  };
}

const round = (v: number) => Math.round(v * 10) / 10;

function describeCase(model: GridModel, c: Tpl001Case): string {
  const name = (id: string | null) => {
    if (!id) return '';
    const table = id.startsWith('GEN-') ? model.tables.generators : model.tables.transmission_lines;
    const i = table.ids.indexOf(id);
    return i >= 0 ? ` (${table.cols.name[i]})` : '';
  };
  const load = c.unserved_mw > UNSERVED_LIMIT_MW ? `, ${c.unserved_mw} MW unserved` : '';
  const after = c.outage ? ` after losing ${c.outage}${name(c.outage)}` : '';
  return `${c.worst_branch}${name(c.worst_branch)} at ${c.worst_loading_pct} %${load}${after}, ${c.hour}:00`;
}

/** The check as `flux info` lists it: `tpl001_p1`. */
export function tpl001Check(
  model: GridModel,
  r: Tpl001Result,
): { name: string; ok: boolean; detail: string } {
  const n = r.contingencies.branches + r.contingencies.units;
  const scope = `P0 and ${n} P1 contingencies (${r.contingencies.branches} branches, ${r.contingencies.units} units) at the design peak (${r.conditions.temperature_c} °C, ${r.conditions.hours[0]}:00–${r.conditions.hours.at(-1)}:00)`;
  const worst = r.p1_worst ? `; worst P1: ${describeCase(model, r.p1_worst)}` : '';
  if (r.ok) return { name: 'tpl001_p1', ok: true, detail: `${scope}: no overload, no load loss${worst}` };
  const p0 = `P0 worst ${describeCase(model, r.p0)}`;
  const first = r.p1_failing_examples[0];
  return {
    name: 'tpl001_p1',
    ok: false,
    detail: `${scope}: ${r.p1_failing} P1 contingencies overload or lose load${first ? ` (e.g. ${describeCase(model, first)})` : ''}; ${p0}`,
  };
}
