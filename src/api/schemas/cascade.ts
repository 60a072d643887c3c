/** Schemas of /api/cascade. */
import { Type } from 'typebox';
import { SCENARIOS } from '../../cascade/scenarios.ts';
import { ASSET_ID_PATTERN } from '../../search/asset-locator.ts';
import { Conditions, ConditionsInput } from './conditions.ts';

export const CascadeRequest = Type.Object({
  asset_ids: Type.Array(Type.String({ pattern: ASSET_ID_PATTERN }), {
    minItems: 1,
    maxItems: 50,
    description: 'Patient zero (one or more assets failing together)',
  }),
  scenario: Type.Union(
    Object.keys(SCENARIOS).map((name) => Type.Literal(name)),
    {
      default: 'base',
      description: Object.values(SCENARIOS)
        .map((s) => `${s.name}: ${s.description}`)
        .join('; '),
    },
  ),
  then_asset_ids: Type.Optional(
    Type.Array(Type.String({ pattern: ASSET_ID_PATTERN }), {
      minItems: 1,
      maxItems: 50,
      description: 'N-1-1: assets that fail once the cascade of the first has settled',
    }),
  ),
  common_mode: Type.Boolean({
    default: false,
    description: 'Fail each transmission line with the other circuits on its towers',
  }),
  conditions: Type.Optional(ConditionsInput),
  restoration: Type.Boolean({ default: true, description: 'Fault isolation and tie transfers' }),
  stochastic_seed: Type.Optional(
    Type.Integer({ minimum: 0, description: 'Draw weather failures with this seed' }),
  ),
});

const FailedAsset = Type.Object({
  id: Type.String(),
  table: Type.String(),
  wave: Type.Integer(),
  cause: Type.String(),
  loading_pct: Type.Optional(Type.Number()),
  probability: Type.Optional(Type.Number()),
  customers: Type.Integer(),
});

export const CascadeResponse = Type.Object({
  scenario: Type.String(),
  conditions: Conditions,
  initial: Type.Array(Type.String()),
  then: Type.Array(Type.Array(Type.String()), { description: 'Later stages (N-1-1)' }),
  waves: Type.Array(
    Type.Object({
      wave: Type.Integer(),
      failed: Type.Array(FailedAsset),
      customers_out: Type.Integer(),
      critical_out: Type.Integer(),
      mw_out: Type.Number(),
    }),
  ),
  customers_lost: Type.Integer(),
  critical_customers_lost: Type.Integer(),
  mw_shed: Type.Number(),
  assets_failed: Type.Integer(),
  ties_closed: Type.Array(Type.String()),
  customers_restored: Type.Integer(),
});

export const ScenarioList = Type.Object({
  scenarios: Type.Array(
    Type.Object({
      name: Type.String(),
      title: Type.String(),
      description: Type.String(),
      conditions: Conditions,
    }),
  ),
  ranges: Type.Record(
    Type.String(),
    Type.Object({
      min: Type.Number(),
      max: Type.Number(),
      integer: Type.Optional(Type.Boolean()),
      unit: Type.String(),
      doc: Type.String(),
    }),
    { description: 'Accepted range of every numeric condition (wind_field.* for the storm shape)' },
  ),
});

export const StochasticRequest = Type.Object({
  asset_ids: Type.Array(Type.String({ pattern: ASSET_ID_PATTERN }), {
    maxItems: 50,
    default: [],
    description: 'Patient zero; empty for the weather alone',
  }),
  scenario: CascadeRequest.properties.scenario,
  conditions: Type.Optional(ConditionsInput),
  restoration: Type.Boolean({ default: true, description: 'Fault isolation and tie transfers' }),
  runs: Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: 'Cascades to run' }),
  seed: Type.Integer({ minimum: 0, default: 1, description: 'Run i draws weather with seed + i' }),
});

const Distribution = Type.Object({
  mean: Type.Number(),
  std: Type.Number(),
  min: Type.Number(),
  p05: Type.Number(),
  p50: Type.Number(),
  p95: Type.Number(),
  max: Type.Number(),
});

export const StochasticResponse = Type.Object({
  scenario: Type.String(),
  conditions: Conditions,
  initial: Type.Array(Type.String()),
  runs: Type.Integer(),
  seed: Type.Integer(),
  customers_lost: Distribution,
  critical_customers_lost: Distribution,
  mw_shed: Distribution,
  waves: Distribution,
  assets_failed: Distribution,
  weather_failures: Distribution,
  p_critical_loss: Type.Number(),
  most_frequent_failures: Type.Array(
    Type.Object({ id: Type.String(), table: Type.String(), share: Type.Number() }),
  ),
  median_run_seed: Type.Integer(),
  worst_run_seed: Type.Integer(),
});
