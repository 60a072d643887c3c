/** One asset by id; assets of a type within a bounding box, paged. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tableSpec, type TableName } from '../../../model/grid-model.ts';
import { HttpError } from '../../plugins/errors.ts';
import { AssetList, AssetListQuery, AssetView } from '../../schemas/assets.ts';
import { AssetIdParams, errorResponses } from '../../schemas/common.ts';
import { queryAssetsInBbox, parseBbox } from '../../services/asset-query.ts';
import { assetProperties, describeAsset } from '../../services/asset-view.ts';

export const assetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/assets/:id',
    {
      schema: {
        tags: ['grid'],
        summary: 'One asset with its attributes, loading and downstream customers',
        params: AssetIdParams,
        response: { 200: AssetView, ...errorResponses },
      },
    },
    async (request) => {
      const ref = app.grid.locator.locate(request.params.id);
      if (!ref) throw new HttpError(404, `no asset ${request.params.id}`);
      return describeAsset(app.grid, ref);
    },
  );

  app.get(
    '/api/assets',
    {
      schema: {
        tags: ['grid'],
        summary: 'Assets of one type inside a bounding box, paged by row order',
        querystring: AssetListQuery,
        response: { 200: AssetList, ...errorResponses },
      },
    },
    async (request) => {
      const { layer, limit, offset } = request.query;
      const spec = tableSpec(layer);
      if (!spec) throw new HttpError(400, `unknown asset type '${layer}'`);
      if (spec.geometry === 'none')
        throw new HttpError(400, `'${layer}' has no geometry of its own to query by bbox`);
      const bbox = parseBbox(request.query.bbox);
      const { total, rows } = queryAssetsInBbox(app.grid, layer as TableName, bbox, limit, offset);
      const table = app.grid.model.tables[layer as TableName];
      const cols = table.cols as Record<string, ArrayLike<number>>;
      return {
        layer,
        bbox,
        total,
        limit,
        offset,
        items: rows.map((index) => ({
          id: table.ids[index],
          ...('lon' in cols ? { lon: cols.lon[index], lat: cols.lat[index] } : {}),
          properties: assetProperties(app.grid, { table: layer as TableName, index }),
        })),
      };
    },
  );
};
