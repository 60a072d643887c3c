/** Schemas of the risk routes. */
import { Type } from 'typebox';
import { Conditions } from './conditions.ts';

export const RiskQuery = Type.Object({
  scenario: Type.String({ default: 'summer_peak', description: 'Preset the conditions start from' }),
  conditions: Type.Optional(
    Type.String({
      description: 'Fields changed from the preset, as JSON: {"load_factor":1.2,"temperature_c":43}',
    }),
  ),
  table: Type.Optional(Type.String({ description: 'Only assets of this table (e.g. transformers)' })),
  order: Type.Union(
    [
      Type.Literal('customers_lost'),
      Type.Literal('mw_shed'),
      Type.Literal('p_beyond_zone'),
      Type.Literal('critical_customers_lost'),
    ],
    { default: 'customers_lost' },
  ),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

export const AssetRisk = Type.Object({
  id: Type.String(),
  table: Type.String(),
  customers_lost: Type.Number({
    description: 'Predicted customers lost beyond what the conditions take out alone',
  }),
  critical_customers_lost: Type.Number(),
  mw_shed: Type.Number(),
  p_beyond_zone: Type.Number({
    description: 'Probability that the cascade reaches beyond the protection zone',
  }),
  zone_customers: Type.Number({
    description: 'What the exact trace gives: customers below the nearest switching point above the asset',
  }),
});

export const RiskModelSummary = Type.Object({
  kind: Type.String(),
  created_at: Type.String(),
  training: Type.Object({}, { additionalProperties: true }),
  metrics: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
});

export const RiskResponse = Type.Object({
  model: RiskModelSummary,
  conditions: Conditions,
  total: Type.Integer(),
  assets: Type.Array(AssetRisk),
});

export const AssetRiskResponse = Type.Object({
  model: RiskModelSummary,
  conditions: Conditions,
  asset: AssetRisk,
});
