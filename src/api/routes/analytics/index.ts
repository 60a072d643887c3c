/** Structural analytics of the grid: centrality rankings. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { centralityRanking, CentralityUnavailable } from '../../../analytics/centrality-ranking.ts';
import { HttpError } from '../../plugins/errors.ts';
import { CentralityQuery, CentralityResponse } from '../../schemas/analytics.ts';
import { errorResponses } from '../../schemas/common.ts';

export const analyticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/analytics/centrality',
    {
      schema: {
        tags: ['grid'],
        summary: 'Most central buses or grid nodes by a centrality metric',
        querystring: CentralityQuery,
        response: { 200: CentralityResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { metric, level, limit, offset } = request.query;
      let ranking;
      try {
        ranking = centralityRanking(app.grid.model, metric, level);
      } catch (err) {
        if (err instanceof CentralityUnavailable) throw new HttpError(400, err.message);
        throw err;
      }
      const { order, values } = ranking;
      const results = [];
      for (let r = offset; r < Math.min(order.length, offset + limit); r++) {
        results.push({ rank: r + 1, ...ranking.describe(order[r]), value: values[order[r]] });
      }
      const { method, nodes, edges, computed_s } = ranking;
      return { metric, level, method, nodes, edges, computed_s, results };
    },
  );
};
