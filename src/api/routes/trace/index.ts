/** Upstream path to the feeder breaker and substation, and everything downstream, of any asset. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../plugins/errors.ts';
import { AssetIdParams, errorResponses } from '../../schemas/common.ts';
import { TraceResponse } from '../../schemas/trace.ts';
import { describeTrace } from '../../services/trace-view.ts';

export const traceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/trace/:id',
    {
      schema: {
        tags: ['grid'],
        summary: 'Upstream and downstream trace of an asset',
        params: AssetIdParams,
        response: { 200: TraceResponse, ...errorResponses },
      },
    },
    async (request) => {
      const ref = app.grid.locator.locate(request.params.id);
      if (!ref) throw new HttpError(404, `no asset ${request.params.id}`);
      return describeTrace(app.grid, ref);
    },
  );
};
