/**
 * The inner loop of a sweep: one cascade per patient zero, all on one context, with one state
 * and one incremental evaluator reused across runs (each run resets what the last one touched).
 */
import type { TableName } from '../../model/grid-model.ts';
import type { SweepAssetResult } from '../../storage/sqlite/sweep-store.ts';
import type { CascadeContext } from '../cascade-context.ts';
import { runCascade } from '../cascade.ts';
import { CascadeState } from '../cascade-state.ts';
import { IncrementalEvaluator } from '../incremental-evaluation.ts';

export interface PatientZero {
  table: TableName;
  index: number;
}

export class SweepRunner {
  private readonly evaluator: IncrementalEvaluator;
  private readonly state: CascadeState;

  constructor(
    private readonly ctx: CascadeContext,
    private readonly restoration = true,
  ) {
    this.evaluator = new IncrementalEvaluator(ctx);
    this.state = new CascadeState(ctx.model);
  }

  /** The scenario's cascade with no patient zero (the weather alone; nothing under 'base'). */
  scenarioOnly(): { customers_lost: number; mw_shed: number } {
    const r = runCascade(this.ctx, [], {
      evaluator: this.evaluator,
      state: this.state,
      restoration: this.restoration,
    });
    return { customers_lost: r.customers_lost, mw_shed: r.mw_shed };
  }

  run(refs: readonly PatientZero[]): SweepAssetResult[] {
    const t = this.ctx.model.tables;
    return refs.map((ref) => {
      const r = runCascade(this.ctx, [ref], {
        evaluator: this.evaluator,
        state: this.state,
        restoration: this.restoration,
      });
      return {
        table: ref.table,
        index: ref.index,
        id: t[ref.table].ids[ref.index],
        customers_lost: r.customers_lost,
        critical_customers_lost: r.critical_customers_lost,
        mw_shed: r.mw_shed,
        waves: r.waves.length,
        assets_failed: r.assets_failed,
      };
    });
  }
}
