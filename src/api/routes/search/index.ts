/** Search by id, name, address or meter/customer number. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../schemas/common.ts';
import { SearchQuery, SearchResponse } from '../../schemas/search.ts';
import { describeSearchHit } from '../../services/search-view.ts';

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['grid'],
        summary: 'Find assets by id, name, address or meter number',
        querystring: SearchQuery,
        response: { 200: SearchResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { q, limit } = request.query;
      const hits = app.grid.search.search(q, limit);
      return { query: q, results: hits.map((hit) => describeSearchHit(app.grid, hit)) };
    },
  );
};
