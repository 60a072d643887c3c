/**
 * The inner loop of a sweep: one cascade per item, all on one context, with one state and one
 * incremental evaluator reused across runs (each run resets what the last one touched). An item
 * is one patient zero, or a contingency of several assets in one or more stages.
 */
import type { TableName } from '../../model/grid-model.ts';
import type { FirstWave, SweepAssetResult } from '../../storage/sqlite/sweep-store.ts';
import type { CascadeContext } from '../cascade-context.ts';
import type { CascadeResult } from '../cascade-types.ts';
import { runCascade } from '../cascade.ts';
import { CascadeState } from '../cascade-state.ts';
import { IncrementalEvaluator } from '../incremental-evaluation.ts';
import { beyondZoneFailures, reachesBeyondZone } from '../protection-zone.ts';

export interface PatientZero {
  table: TableName;
  index: number;
}

/**
 * What a sweep runs and stores: one asset (`table`, `index`), or a contingency (`table` is
 * 'contingency', `index` its number in the sweep) with its stages and label.
 */
export interface SweepItem {
  table: string;
  index: number;
  stages?: PatientZero[][];
  label?: string;
}

export const CONTINGENCY_TABLE = 'contingency';

/** What the conditions do with no patient zero: at the end, and after their first wave. */
export interface ConditionsAlone {
  customers_lost: number;
  critical_customers_lost: number;
  mw_shed: number;
  first_wave: FirstWave;
}

/** Wave 0 alone: the failure, protection, isolation and tie transfers — no overload trip yet. */
function firstWave(r: CascadeResult): FirstWave {
  const w = r.waves[0];
  return w
    ? { customers_out: w.customers_out, critical_out: w.critical_out, mw_out: w.mw_out }
    : { customers_out: 0, critical_out: 0, mw_out: 0 };
}

export class SweepRunner {
  private readonly evaluator: IncrementalEvaluator;
  private readonly state: CascadeState;
  /** What the conditions fail beyond protection with no patient zero (see protection-zone.ts). */
  private baselineBeyond: Set<string> | undefined;

  constructor(
    private readonly ctx: CascadeContext,
    private readonly restoration = true,
  ) {
    this.evaluator = new IncrementalEvaluator(ctx);
    this.state = new CascadeState(ctx.model);
  }

  /** The scenario's cascade with no patient zero (the weather alone; nothing under 'base'). */
  scenarioOnly(): ConditionsAlone {
    const r = this.cascade([]);
    this.baselineBeyond = beyondZoneFailures(r);
    return {
      customers_lost: r.customers_lost,
      critical_customers_lost: r.critical_customers_lost,
      mw_shed: r.mw_shed,
      first_wave: firstWave(r),
    };
  }

  run(items: readonly SweepItem[]): SweepAssetResult[] {
    if (!this.baselineBeyond) this.scenarioOnly();
    const t = this.ctx.model.tables;
    return items.map((item) => {
      const stages = item.stages ?? [[{ table: item.table as TableName, index: item.index }]];
      const r = this.cascade(stages[0], stages.slice(1));
      return {
        table: item.table,
        index: item.index,
        id: item.label ?? t[item.table as TableName].ids[item.index],
        customers_lost: r.customers_lost,
        critical_customers_lost: r.critical_customers_lost,
        mw_shed: r.mw_shed,
        waves: r.waves.length,
        assets_failed: r.assets_failed,
        beyond_zone: reachesBeyondZone(r, this.baselineBeyond) ? 1 : 0,
        first_wave: firstWave(r),
      };
    });
  }

  private cascade(initial: PatientZero[], then: PatientZero[][] = []) {
    return runCascade(this.ctx, initial, {
      evaluator: this.evaluator,
      state: this.state,
      restoration: this.restoration,
      then,
    });
  }
}
