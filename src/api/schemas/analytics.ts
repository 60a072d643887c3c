/** Schemas of /api/analytics. */
import { Type } from 'typebox';
import { CENTRALITY_LEVELS, CENTRALITY_METRICS } from '../../analytics/centrality-ranking.ts';

export const CentralityQuery = Type.Object({
  metric: Type.Union(
    CENTRALITY_METRICS.map((m) => Type.Literal(m)),
    { default: 'betweenness' },
  ),
  level: Type.Union(
    CENTRALITY_LEVELS.map((l) => Type.Literal(l)),
    {
      default: 'transmission',
      description: 'transmission: buses and lines; grid: buses and every distribution node',
    },
  ),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

export const CentralityResponse = Type.Object({
  metric: Type.String(),
  level: Type.String(),
  method: Type.String({ description: 'How the values were computed (exact, sampled, tolerance)' }),
  nodes: Type.Integer(),
  edges: Type.Integer(),
  computed_s: Type.Number({ description: 'Time to compute (once; later requests read the cache)' }),
  results: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      id: Type.String(),
      table: Type.String(),
      value: Type.Number(),
      substations: Type.Optional(Type.Array(Type.String())),
      feeder: Type.Optional(Type.String()),
    }),
  ),
});
