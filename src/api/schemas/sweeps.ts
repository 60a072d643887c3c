/** Schemas of /api/cascade/sweeps. */
import { Type } from 'typebox';
import { FAILABLE_TABLES } from '../../cascade/cascade.ts';
import { CONTINGENCY_KINDS } from '../../cascade/contingencies.ts';
import { DEFAULT_SWEEP_TABLES } from '../../cascade/sweep.ts';
import { SCENARIOS } from '../../cascade/scenarios.ts';
import { ASSET_ID_PATTERN } from '../../search/asset-locator.ts';
import { Conditions, ConditionsInput } from './conditions.ts';
import { SWEEP_RESULT_ORDER } from '../../storage/sqlite/sweep-store.ts';

const TableName = Type.Union([...FAILABLE_TABLES].map((t) => Type.Literal(t)));

export const SweepRequest = Type.Object({
  scenario: Type.Union(
    Object.keys(SCENARIOS).map((name) => Type.Literal(name)),
    { default: 'base' },
  ),
  conditions: Type.Optional(ConditionsInput),
  tables: Type.Optional(
    Type.Array(TableName, {
      minItems: 1,
      description: `Every row of these tables is a patient zero (default: ${DEFAULT_SWEEP_TABLES.join(', ')})`,
    }),
  ),
  asset_ids: Type.Optional(
    Type.Array(Type.String({ pattern: ASSET_ID_PATTERN }), {
      minItems: 1,
      maxItems: 100000,
      description: 'Or exactly these patient zeros',
    }),
  ),
  contingency: Type.Union(
    CONTINGENCY_KINDS.map((k) => Type.Literal(k)),
    {
      default: 'single',
      description:
        'single: each asset alone; common_mode: each line with the other circuits on its towers; n-2: every pair at once; n-1-1: every ordered pair, the second after the first has settled',
    },
  ),
  restoration: Type.Boolean({ default: true, description: 'Fault isolation and tie transfers' }),
  fresh: Type.Boolean({ default: false, description: 'Start over instead of resuming' }),
});

export const SweepJob = Type.Object({
  id: Type.Integer(),
  grid_hash: Type.String(),
  scenario: Type.String(),
  conditions: Type.Union([Conditions, Type.Null()], {
    description: 'The operating conditions swept under (null for sweeps stored before they were recorded)',
  }),
  restoration: Type.Boolean(),
  selection: Type.String(),
  total: Type.Integer(),
  done: Type.Integer(),
  status: Type.String({ description: 'running, complete, cancelled or failed' }),
  error: Type.Union([Type.String(), Type.Null()]),
  started_at: Type.String(),
  finished_at: Type.Union([Type.String(), Type.Null()]),
  elapsed_s: Type.Number(),
  pid: Type.Union([Type.Integer(), Type.Null()], { description: 'Process running it' }),
  scenario_customers_lost: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Customers the scenario takes out with no patient zero (part of every result)',
  }),
  scenario_mw_shed: Type.Union([Type.Number(), Type.Null()]),
  rate_per_s: Type.Union([Type.Number(), Type.Null()], { description: 'While running' }),
  eta_s: Type.Union([Type.Number(), Type.Null()], { description: 'While running' }),
});

export const SweepJobResponse = Type.Object({ sweep: SweepJob });
export const SweepList = Type.Object({ sweeps: Type.Array(SweepJob) });
export const SweepIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const SweepResultsQuery = Type.Object({
  order: Type.Union(
    SWEEP_RESULT_ORDER.map((o) => Type.Literal(o)),
    { default: 'customers_lost' },
  ),
  table: Type.Optional(Type.Union([TableName, Type.Literal('contingency')])),
  limit: Type.Integer({ minimum: 1, maximum: 10000, default: 100 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

export const SweepResults = Type.Object({
  sweep_id: Type.Integer(),
  order: Type.String(),
  results: Type.Array(
    Type.Object({
      id: Type.String(),
      table: Type.String(),
      index: Type.Integer(),
      customers_lost: Type.Integer(),
      critical_customers_lost: Type.Integer(),
      mw_shed: Type.Number(),
      waves: Type.Integer(),
      assets_failed: Type.Integer(),
      beyond_zone: Type.Union([Type.Integer(), Type.Null()], {
        description:
          '1 when the cascade failed something by overload or load shedding beyond the protection zone of its initial failures (and beyond the weather alone)',
      }),
    }),
  ),
});
