/**
 * Training labels: what the simulator says happens when an asset fails under a condition, as
 * the consequence of that failure — customers, critical customers and MW lost beyond what the
 * conditions take out with no patient zero — and whether the cascade reached beyond the
 * failure's protection zone. Beside each label, what the simulator's first wave gives (the
 * failure, protection, isolation and tie transfers, before any overload trip): the protection
 * zone baseline the model must beat. Labels are never model inputs.
 */
import type { ScenarioSetting } from '../../cascade/scenarios.ts';
import type { ConditionsAlone } from '../../cascade/sweep/sweep-batch.ts';
import type { SweepAssetResult } from '../../storage/sqlite/sweep-store.ts';

/** Labels of the sampled assets of one grid under one condition (arrays aligned with `nodes`). */
export interface ConditionLabels {
  setting: ScenarioSetting;
  /** What the conditions do alone (not any asset's consequence). */
  alone: ConditionsAlone;
  /** Asset-graph node of each labelled asset. */
  nodes: Int32Array;
  customers_lost: Float32Array;
  critical_customers_lost: Float32Array;
  mw_shed: Float32Array;
  beyond_zone: Uint8Array;
  /** The first-wave baseline, beyond the conditions alone. */
  zone_customers: Float32Array;
  zone_critical: Float32Array;
  zone_mw: Float32Array;
}

const beyondAlone = (value: number, alone: number) => Math.max(0, value - alone);

/** Turns one condition's sweep results into labels; `nodeOf` maps a result to its graph node. */
export function conditionLabels(
  setting: ScenarioSetting,
  alone: ConditionsAlone,
  results: readonly SweepAssetResult[],
  nodeOf: (r: SweepAssetResult) => number,
): ConditionLabels {
  const sorted = [...results].sort((a, b) => nodeOf(a) - nodeOf(b));
  const n = sorted.length;
  const out: ConditionLabels = {
    setting,
    alone,
    nodes: new Int32Array(n),
    customers_lost: new Float32Array(n),
    critical_customers_lost: new Float32Array(n),
    mw_shed: new Float32Array(n),
    beyond_zone: new Uint8Array(n),
    zone_customers: new Float32Array(n),
    zone_critical: new Float32Array(n),
    zone_mw: new Float32Array(n),
  };
  sorted.forEach((r, i) => {
    out.nodes[i] = nodeOf(r);
    out.customers_lost[i] = beyondAlone(r.customers_lost, alone.customers_lost);
    out.critical_customers_lost[i] = beyondAlone(r.critical_customers_lost, alone.critical_customers_lost);
    out.mw_shed[i] = beyondAlone(r.mw_shed, alone.mw_shed);
    out.beyond_zone[i] = r.beyond_zone ? 1 : 0;
    const first = r.first_wave;
    if (!first) throw new Error(`labels: ${r.id} has no first-wave result`);
    out.zone_customers[i] = beyondAlone(first.customers_out, alone.first_wave.customers_out);
    out.zone_critical[i] = beyondAlone(first.critical_out, alone.first_wave.critical_out);
    out.zone_mw[i] = beyondAlone(first.mw_out, alone.first_wave.mw_out);
  });
  return out;
}

/** JSON form (typed arrays as plain arrays) for the label cache. */
export function labelsToJson(l: ConditionLabels): Record<string, unknown> {
  return {
    setting: l.setting,
    alone: l.alone,
    nodes: Array.from(l.nodes),
    customers_lost: Array.from(l.customers_lost),
    critical_customers_lost: Array.from(l.critical_customers_lost),
    mw_shed: Array.from(l.mw_shed),
    beyond_zone: Array.from(l.beyond_zone),
    zone_customers: Array.from(l.zone_customers),
    zone_critical: Array.from(l.zone_critical),
    zone_mw: Array.from(l.zone_mw),
  };
}

export function labelsFromJson(j: Record<string, unknown>): ConditionLabels {
  const f32 = (k: string) => Float32Array.from(j[k] as number[]);
  return {
    setting: j.setting as ScenarioSetting,
    alone: j.alone as ConditionsAlone,
    nodes: Int32Array.from(j.nodes as number[]),
    customers_lost: f32('customers_lost'),
    critical_customers_lost: f32('critical_customers_lost'),
    mw_shed: f32('mw_shed'),
    beyond_zone: Uint8Array.from(j.beyond_zone as number[]),
    zone_customers: f32('zone_customers'),
    zone_critical: f32('zone_critical'),
    zone_mw: f32('zone_mw'),
  };
}
