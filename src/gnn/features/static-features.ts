/**
 * What each asset is, independent of the conditions: its kind (table, device or switch kind,
 * autotransformer, pad mount, overhead, three-phase), voltage, nameplate rating, length, age and
 * a unit's capacity. Columns named in STATIC_FEATURE_NAMES; values already scaled to O(1).
 */
import { CODES } from '../../model/codes.ts';
import type { GridModel } from '../../model/grid-model.ts';
import { AGE_REFERENCE_YEAR } from '../../cascade/weather/hazard.ts';
import { ASSET_GRAPH_TABLES, type AssetGraph } from '../graph/asset-graph.ts';

export const STATIC_FEATURE_NAMES = [
  ...ASSET_GRAPH_TABLES.map((t) => `is_${t}`),
  'is_breaker',
  'is_recloser',
  'is_fuse',
  'is_tie',
  'is_autotransformer',
  'is_pad_mounted',
  'is_overhead',
  'is_three_phase',
  'log_kv',
  'log1p_rating_mva',
  'log1p_length_km',
  'age_50y',
  'log1p_capacity_mw',
] as const;

const col = (name: (typeof STATIC_FEATURE_NAMES)[number]) => STATIC_FEATURE_NAMES.indexOf(name);

/** Row-major [nodeCount × STATIC_FEATURE_NAMES.length]. */
export function staticFeatures(model: GridModel, graph: AssetGraph): Float32Array {
  const t = model.tables;
  const F = STATIC_FEATURE_NAMES.length;
  const x = new Float32Array(graph.nodeCount * F);
  const set = (v: number, name: (typeof STATIC_FEATURE_NAMES)[number], value: number) => {
    x[v * F + col(name)] = Number.isFinite(value) ? value : 0;
  };
  const age = (year: number) => (year > 0 ? (AGE_REFERENCE_YEAR - year) / 50 : 0);
  const logKv = (kv: number) => (kv > 0 ? Math.log(kv) / Math.log(345) : 0);
  for (let v = 0; v < graph.nodeCount; v++) x[v * F + graph.nodeTable[v]] = 1;
  const o = graph.offset;

  for (let b = 0; b < t.buses.size; b++) set(o.buses + b, 'log_kv', logKv(t.buses.cols.kv[b]));
  for (let b = 0; b < t.bus_sections.size; b++)
    set(o.bus_sections + b, 'log_kv', logKv(t.bus_sections.cols.kv[b]));
  for (let g = 0; g < t.generators.size; g++)
    set(o.generators + g, 'log1p_capacity_mw', Math.log1p(t.generators.cols.pmax_mw[g]) / 7);
  const line = t.transmission_lines.cols;
  const auto = CODES.branch_kind.indexOf('autotransformer');
  for (let l = 0; l < t.transmission_lines.size; l++) {
    const v = o.transmission_lines + l;
    set(v, 'log_kv', logKv(line.kv[l]));
    set(v, 'log1p_rating_mva', Math.log1p(line.rating_mva[l]) / 7);
    set(v, 'log1p_length_km', Math.log1p(line.length_km[l]) / 4);
    set(v, 'age_50y', age(line.install_year[l]));
    set(v, 'is_autotransformer', line.kind[l] === auto ? 1 : 0);
    set(v, 'is_three_phase', 1);
    set(v, 'is_overhead', 1);
  }
  for (let s = 0; s < t.substations.size; s++) {
    set(o.substations + s, 'log_kv', logKv(t.substations.cols.kv_high[s]));
    set(o.substations + s, 'age_50y', age(t.substations.cols.install_year[s]));
  }
  const stx = t.substation_transformers.cols;
  for (let k = 0; k < t.substation_transformers.size; k++) {
    const v = o.substation_transformers + k;
    set(v, 'log_kv', logKv(stx.kv_high[k]));
    set(v, 'log1p_rating_mva', Math.log1p(stx.rating_mva[k]) / 7);
    set(v, 'age_50y', age(stx.install_year[k]));
    set(v, 'is_three_phase', 1);
  }
  for (let f = 0; f < t.feeders.size; f++) set(o.feeders + f, 'log_kv', logKv(t.feeders.cols.kv[f]));
  const sec = t.line_sections.cols;
  const sectionMva = (s: number) => {
    const kv = t.feeders.cols.kv[sec.feeder[s]];
    return ((sec.phases[s] === 3 ? Math.sqrt(3) * kv : kv / Math.sqrt(3)) * sec.rating_a[s]) / 1000;
  };
  for (let s = 0; s < t.line_sections.size; s++) {
    const v = o.line_sections + s;
    set(v, 'log_kv', logKv(t.feeders.cols.kv[sec.feeder[s]]));
    set(v, 'log1p_rating_mva', Math.log1p(sectionMva(s)) / 7);
    set(v, 'log1p_length_km', Math.log1p(sec.length_km[s]) / 4);
    set(v, 'age_50y', age(sec.install_year[s]));
    set(v, 'is_overhead', sec.overhead[s] ? 1 : 0);
    set(v, 'is_three_phase', sec.phases[s] === 3 ? 1 : 0);
  }
  const pd = t.protective_devices.cols;
  const deviceCols = ['is_breaker', 'is_recloser', 'is_fuse'] as const;
  for (let d = 0; d < t.protective_devices.size; d++) {
    const v = o.protective_devices + d;
    const name = deviceCols[pd.kind[d]];
    if (name) set(v, name, 1);
    if (pd.section[d] < 0) continue;
    const kv = t.feeders.cols.kv[sec.feeder[pd.section[d]]];
    set(v, 'log_kv', logKv(kv));
    set(v, 'is_overhead', sec.overhead[pd.section[d]] ? 1 : 0);
    set(v, 'log1p_rating_mva', Math.log1p((pd.rating_a[d] * Math.sqrt(3) * kv) / 1000) / 7);
  }
  const sw = t.switches.cols;
  const tie = CODES.switch_kind.indexOf('tie');
  for (let w = 0; w < t.switches.size; w++) {
    const v = o.switches + w;
    set(v, 'is_tie', sw.kind[w] === tie ? 1 : 0);
    if (sw.section[w] >= 0) set(v, 'is_overhead', sec.overhead[sw.section[w]] ? 1 : 0);
  }
  const xf = t.transformers.cols;
  const pad = CODES.transformer_mount.indexOf('pad');
  for (let k = 0; k < t.transformers.size; k++) {
    const v = o.transformers + k;
    set(v, 'log1p_rating_mva', Math.log1p(xf.kva[k] / 1000) / 7);
    set(v, 'age_50y', age(xf.install_year[k]));
    set(v, 'is_pad_mounted', xf.mount[k] === pad ? 1 : 0);
    set(v, 'is_three_phase', xf.phases[k] === 3 ? 1 : 0);
  }
  return x;
}
