/** The loaded dataset: name, source, region and counts per asset type. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tableCounts } from '../../../model/grid-model.ts';
import { DatasetSummary } from '../../schemas/dataset.ts';

export const datasetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/dataset',
    { schema: { tags: ['grid'], summary: 'Dataset summary', response: { 200: DatasetSummary } } },
    async () => {
      const { model, meta } = app.grid;
      const [w, s, e, n] = model.meta.region;
      return {
        name: model.meta.name,
        source: model.meta.source as unknown as Record<string, unknown>,
        region: model.meta.region,
        center: [(w + e) / 2, (s + n) / 2],
        counts: tableCounts(model),
        schema_version: meta.schema_version,
        content_hash: meta.content_hash ?? null,
      };
    },
  );
};
