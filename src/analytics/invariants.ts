/**
 * Invariant checks of a dataset: the properties every later capability relies on. Each check
 * returns ok plus a one-line detail; `checkInvariants` runs them all.
 */
import { TABLE_SPECS, type GridModel, type TableName } from '../model/grid-model.ts';
import type { LoadConditions } from '../model/load-model.ts';
import { BASE_CASE } from '../model/operating-conditions.ts';
import { computeGridLoading } from '../powerflow/grid-loading.ts';
import { buildDistributionGraph, type DistributionGraph } from '../topology/distribution-graph.ts';
import { headFeederIndex } from '../topology/trace.ts';
import { checkCoordinates } from './coordinate-check.ts';
import { checkTransmissionNMinus1 } from './n-minus-1-check.ts';

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export interface InvariantReport {
  ok: boolean;
  checks: CheckResult[];
  /** Highest loading (% of derated rating) per equipment class in the checked conditions. */
  max_loading_pct: Record<string, number>;
}

/** References allowed to be -1 ("none"). */
const OPTIONAL_REFS = new Set([
  'buses.substation',
  'bus_sections.substation',
  'generators.bus_section',
  'transmission_lines.from_section',
  'transmission_lines.to_section',
  'substation_transformers.bus_section',
  'dist_nodes.pole',
  'switches.section',
]);

function checkReferences(model: GridModel): CheckResult {
  const problems: string[] = [];
  for (const spec of TABLE_SPECS) {
    const table = model.tables[spec.name];
    for (const [col, colSpec] of Object.entries(spec.columns)) {
      if (!('ref' in colSpec) || !colSpec.ref) continue;
      const target = model.tables[colSpec.ref as TableName].size;
      const values = (table.cols as Record<string, Int32Array>)[col];
      const optional = OPTIONAL_REFS.has(`${spec.name}.${col}`);
      let bad = 0;
      let example = -1;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v >= target || v < -1 || (v === -1 && !optional)) {
          bad++;
          if (example < 0) example = i;
        }
      }
      if (bad) problems.push(`${bad} ${spec.name}.${col} dangling (e.g. ${table.ids[example]})`);
    }
  }
  return {
    name: 'references',
    ok: problems.length === 0,
    detail: problems.join('; ') || 'every reference resolves',
  };
}

function checkIds(model: GridModel): CheckResult {
  const seen = new Set<string>();
  let total = 0;
  for (const spec of TABLE_SPECS) {
    for (const id of model.tables[spec.name].ids) {
      total++;
      if (!id.startsWith(`${spec.idPrefix}-`))
        return { name: 'ids', ok: false, detail: `${id} lacks prefix ${spec.idPrefix}-` };
      if (seen.has(id)) return { name: 'ids', ok: false, detail: `duplicate id ${id}` };
      seen.add(id);
    }
  }
  return { name: 'ids', ok: true, detail: `${total} ids, all unique` };
}

function checkRadial(graph: DistributionGraph): CheckResult {
  const ok = graph.problems.length === 0;
  return {
    name: 'radial_feeders',
    ok,
    detail: ok
      ? `${graph.nodeCount} nodes, each fed by exactly one path from its feeder head`
      : graph.problems.slice(0, 3).join('; '),
  };
}

/** Every meter reaches a substation through its transformer, node, sections and feeder head. */
function checkMetersReachSubstation(model: GridModel, graph: DistributionGraph): CheckResult {
  const { meters, transformers, feeders } = model.tables;
  const headToFeeder = headFeederIndex(feeders, graph.nodeCount);
  let unreached = 0;
  let wrongFeeder = 0;
  let example = '';
  for (let m = 0; m < meters.size; m++) {
    const t = meters.cols.transformer[m];
    const node = t >= 0 ? transformers.cols.node[t] : -1;
    const head = node >= 0 ? graph.nodeHead[node] : -1;
    const f = head >= 0 ? headToFeeder[head] : -1;
    if (f < 0 || feeders.cols.substation[f] < 0) {
      unreached++;
      example ||= meters.ids[m];
    } else if (f !== transformers.cols.feeder[t]) {
      wrongFeeder++;
      example ||= meters.ids[m];
    }
  }
  const ok = unreached === 0 && wrongFeeder === 0;
  return {
    name: 'meters_reach_substation',
    ok,
    detail: ok
      ? `all ${meters.size} meters trace to a substation`
      : `${unreached} meters unreached, ${wrongFeeder} on a transformer of another feeder (e.g. ${example})`,
  };
}

function checkOrphans(model: GridModel, graph: DistributionGraph): CheckResult {
  const t = model.tables;
  const problems: string[] = [];
  const countRefs = (values: Int32Array, size: number) => {
    const n = new Int32Array(size);
    for (const v of values) if (v >= 0 && v < size) n[v]++;
    return n;
  };
  const unused = (name: string, counts: Int32Array, ids: string[]) => {
    const i = counts.indexOf(0);
    if (i >= 0) problems.push(`${counts.filter((c) => c === 0).length} ${name} (e.g. ${ids[i]})`);
  };
  unused(
    'transformers without meters',
    countRefs(t.meters.cols.transformer, t.transformers.size),
    t.transformers.ids,
  );
  unused(
    'feeders without transformers',
    countRefs(t.transformers.cols.feeder, t.feeders.size),
    t.feeders.ids,
  );
  unused(
    'substations without feeders',
    countRefs(t.feeders.cols.substation, t.substations.size),
    t.substations.ids,
  );
  unused('poles carrying no circuit', countRefs(t.dist_nodes.cols.pole, t.poles.size), t.poles.ids);
  const perMeter = countRefs(t.customers.cols.meter, t.meters.size);
  const badMeter = perMeter.findIndex((c) => c !== 1);
  if (badMeter >= 0) problems.push(`meter ${t.meters.ids[badMeter]} has ${perMeter[badMeter]} customers`);
  const busLines = countRefs(
    Int32Array.from([...t.transmission_lines.cols.from_bus, ...t.transmission_lines.cols.to_bus]),
    t.buses.size,
  );
  unused('buses without lines', busLines, t.buses.ids);
  // A leaf of a feeder tree must serve something, or it is a dead stub.
  const transformersAt = countRefs(t.transformers.cols.node, graph.nodeCount);
  let stubs = 0;
  for (let n = 0; n < graph.nodeCount; n++) {
    if (
      graph.childStart[n + 1] === graph.childStart[n] &&
      transformersAt[n] === 0 &&
      graph.upstreamSection[n] >= 0
    )
      stubs++;
  }
  if (stubs) problems.push(`${stubs} feeder leaves with no transformer`);
  return {
    name: 'no_orphans',
    ok: problems.length === 0,
    detail: problems.join('; ') || 'every asset is connected and used',
  };
}

/** Loading of every equipment class under `conditions`; fails when anything exceeds 100 %. */
export function checkLoading(
  model: GridModel,
  graph: DistributionGraph,
  conditions: LoadConditions,
): { result: CheckResult; max: Record<string, number>; nMinus1: CheckResult } {
  const { distribution: dist, transmission: trans } = computeGridLoading(model, graph, conditions);
  const maxOf = (a: Float64Array) => a.reduce((m, v) => (v > m ? v : m), 0);
  const max: Record<string, number> = {
    line_sections: maxOf(dist.section_pct),
    transformers: maxOf(dist.transformer_pct),
    substation_transformers: maxOf(dist.substation_transformer_pct),
    transmission_lines: maxOf(trans.loading_pct),
  };
  const over = Object.entries(max).filter(([, v]) => v > 100);
  const detail =
    (over.length
      ? `overloaded: ${over.map(([k, v]) => `${k} ${v.toFixed(1)}%`).join(', ')}`
      : 'no equipment above its rating') +
    (trans.unserved_mw > 0 ? `; ${trans.unserved_mw.toFixed(1)} MW unserved` : '');
  return {
    result: { name: 'base_case_secure', ok: over.length === 0 && trans.unserved_mw === 0, detail },
    max,
    nMinus1: checkTransmissionNMinus1(model, trans, conditions),
  };
}

export function checkInvariants(model: GridModel, conditions: LoadConditions = BASE_CASE): InvariantReport {
  const graph = buildDistributionGraph(model.tables);
  const loading = checkLoading(model, graph, conditions);
  const checks = [
    checkIds(model),
    checkReferences(model),
    checkRadial(graph),
    checkMetersReachSubstation(model, graph),
    checkOrphans(model, graph),
    checkCoordinates(model),
    loading.result,
    loading.nMinus1,
  ];
  return { ok: checks.every((c) => c.ok), checks, max_loading_pct: loading.max };
}
