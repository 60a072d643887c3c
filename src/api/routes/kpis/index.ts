/** KPIs computed from the dataset (nothing here is a constant). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { KpiResponse } from '../../schemas/kpis.ts';

export const kpiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/kpis',
    {
      schema: {
        tags: ['grid'],
        summary: 'Customers served, peak load, capacity, loading, assets by state, reliability',
        response: { 200: KpiResponse },
      },
    },
    async () => app.grid.kpis(),
  );
};
