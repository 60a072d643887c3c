/** Liveness and readiness. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Health, Ready } from '../../schemas/dataset.ts';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Process is up', response: { 200: Health } } },
    async () => ({
      status: 'ok' as const,
    }),
  );
  app.get(
    '/api/ready',
    { schema: { tags: ['system'], summary: 'Dataset loaded and serving', response: { 200: Ready } } },
    async () => ({
      ready: true,
      dataset: app.grid.model.meta.name,
    }),
  );
};
