/**
 * Cascade risk from the trained model: every failable asset ranked under the conditions asked
 * for, or one asset. 503 with the reason when no model is available; 400 naming a bad condition.
 */
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ConditionsInput } from '../../../model/operating-conditions.ts';
import { HttpError } from '../../plugins/errors.ts';
import { AssetIdParams, ErrorResponse, errorResponses } from '../../schemas/common.ts';
import { AssetRiskResponse, RiskQuery, RiskResponse } from '../../schemas/risk.ts';
import { RiskUnavailable, type RiskService } from '../../services/risk-service.ts';
import { contextFor } from '../cascade/index.ts';

export interface RiskRouteOptions {
  risk: RiskService;
}

function parseConditions(text: string | undefined): ConditionsInput | undefined {
  if (text === undefined || text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(
      400,
      `querystring/conditions must be a JSON object of condition fields, got '${text.slice(0, 80)}'`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HttpError(400, 'querystring/conditions must be a JSON object of condition fields');
  return value as ConditionsInput;
}

function predict(app: FastifyInstance, risk: RiskService, scenario: string, conditions: string | undefined) {
  const setting = contextFor(app, scenario, parseConditions(conditions)).scenario;
  try {
    return risk.predict(setting);
  } catch (err) {
    if (err instanceof RiskUnavailable) throw new HttpError(503, err.message);
    throw err;
  }
}

const summary = (p: ReturnType<RiskService['predict']>) => ({
  kind: p.model.kind,
  created_at: p.model.created_at,
  training: p.model.training,
  metrics: p.model.metrics,
});

export const riskRoutes: FastifyPluginAsyncTypebox<RiskRouteOptions> = async (app, { risk }) => {
  app.get(
    '/api/risk',
    {
      schema: {
        tags: ['risk'],
        summary: 'Assets ranked by their predicted cascade risk under the conditions',
        querystring: RiskQuery,
        response: { 200: RiskResponse, ...errorResponses, 503: ErrorResponse },
      },
    },
    async (request) => {
      const { scenario, conditions, table, order, limit, offset } = request.query;
      const p = predict(app, risk, scenario, conditions);
      const assets = table ? p.assets.filter((a) => a.table === table) : p.assets;
      const ranked = [...assets].sort((a, b) => b[order] - a[order] || (a.id < b.id ? -1 : 1));
      return {
        model: summary(p),
        conditions: p.conditions,
        total: ranked.length,
        assets: ranked.slice(offset, offset + limit),
      };
    },
  );

  app.get(
    '/api/risk/:id',
    {
      schema: {
        tags: ['risk'],
        summary: "One asset's predicted cascade risk under the conditions",
        params: AssetIdParams,
        querystring: RiskQuery,
        response: { 200: AssetRiskResponse, ...errorResponses, 503: ErrorResponse },
      },
    },
    async (request) => {
      const { scenario, conditions } = request.query;
      const p = predict(app, risk, scenario, conditions);
      const asset = p.assets.find((a) => a.id === request.params.id);
      if (!asset) {
        const known = app.grid.locator.locate(request.params.id);
        throw new HttpError(
          404,
          known
            ? `${request.params.id} is not an asset the risk model scores`
            : `no asset ${request.params.id}`,
        );
      }
      return { model: summary(p), conditions: p.conditions, asset };
    },
  );
};
