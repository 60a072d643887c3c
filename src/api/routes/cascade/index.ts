/** Cascade simulation from any patient zero under a scenario. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FAILABLE_TABLES, runCascade } from '../../../cascade/cascade.ts';
import { HttpError } from '../../plugins/errors.ts';
import { SCENARIOS } from '../../../cascade/scenarios.ts';
import {
  CONDITION_RANGES,
  ConditionsError,
  WIND_FIELD_RANGES,
  type ConditionsInput,
} from '../../../model/operating-conditions.ts';
import { withCommonMode } from '../../../cascade/contingencies.ts';
import { runStochastic } from '../../../cascade/stochastic.ts';
import {
  CascadeRequest,
  CascadeResponse,
  ScenarioList,
  StochasticRequest,
  StochasticResponse,
} from '../../schemas/cascade.ts';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../schemas/common.ts';

export const cascadeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/cascade/scenarios',
    {
      schema: {
        tags: ['grid'],
        summary: 'Cascade scenarios: conditions and weather',
        response: { 200: ScenarioList },
      },
    },
    async () => ({
      scenarios: Object.values(SCENARIOS).map((s) => ({
        name: s.name,
        title: s.title,
        description: s.description,
        conditions: s.conditions,
      })),
      ranges: { ...CONDITION_RANGES, ...prefixed(WIND_FIELD_RANGES, 'wind_field.') },
    }),
  );
  app.post(
    '/api/cascade/simulate',
    {
      schema: {
        tags: ['grid'],
        summary: 'Simulate a cascade wave by wave from one or more failed assets',
        body: CascadeRequest,
        response: { 200: CascadeResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { asset_ids, then_asset_ids, common_mode, scenario, conditions, restoration, stochastic_seed } =
        request.body;
      const expand = (ids: readonly string[]) => {
        const refs = patientZero(app, ids);
        return common_mode ? withCommonMode(app.grid.model, refs) : refs;
      };
      return runCascade(contextFor(app, scenario, conditions), expand(asset_ids), {
        restoration,
        stochasticSeed: stochastic_seed,
        then: then_asset_ids ? [expand(then_asset_ids)] : [],
      });
    },
  );
  app.post(
    '/api/cascade/stochastic',
    {
      schema: {
        tags: ['grid'],
        summary: 'Many cascades with weather failures drawn from their probabilities: the distribution',
        body: StochasticRequest,
        response: { 200: StochasticResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { asset_ids, scenario, conditions, restoration, runs, seed } = request.body;
      // Yield to the event loop between runs so other requests are served meanwhile.
      return runStochastic(contextFor(app, scenario, conditions), patientZero(app, asset_ids), {
        runs,
        seed,
        restoration,
        onRun: () => new Promise<void>((resolve) => setImmediate(resolve)),
      });
    },
  );
};

/** The cascade context of a preset with some conditions changed; 400 naming a bad field. */
export function contextFor(app: FastifyInstance, scenario: string, conditions?: ConditionsInput) {
  try {
    return app.grid.cascadeContext(scenario, conditions);
  } catch (err) {
    if (err instanceof ConditionsError) throw new HttpError(400, err.message);
    throw err;
  }
}

function prefixed<T>(record: Record<string, T>, prefix: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [prefix + k, v]));
}

/** Resolves patient-zero ids: 404 for unknown ids, 400 for assets that cannot fail. */
function patientZero(app: FastifyInstance, ids: readonly string[]) {
  return ids.map((id) => {
    const ref = app.grid.locator.locate(id);
    if (!ref) throw new HttpError(404, `no asset ${id}`);
    if (!FAILABLE_TABLES.has(ref.table))
      throw new HttpError(400, `${id} is a ${ref.table} row and cannot fail`);
    return ref;
  });
}
