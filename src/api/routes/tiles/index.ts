/**
 * Mapbox Vector Tiles: GET /tiles/{layer}/{z}/{x}/{y}.mvt. Tiles are cached by the tile service;
 * this route adds ETag revalidation and gzip (compressed once per cached tile).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { gzipSync } from 'node:zlib';
import { MAP_LAYERS, MAX_TILE_ZOOM } from '../../../tiles/layer-catalogue.ts';
import type { TileService } from '../../../tiles/tile-service.ts';
import { errorResponses } from '../../schemas/common.ts';

const TileParams = Type.Object({
  layer: Type.String({ description: `One of: ${MAP_LAYERS.map((l) => l.id).join(', ')}` }),
  z: Type.Integer({ minimum: 0, maximum: MAX_TILE_ZOOM }),
  x: Type.Integer({ minimum: 0 }),
  y: Type.Integer({ minimum: 0 }),
});

export const tileRoutes: FastifyPluginAsyncTypebox<{ tiles: TileService }> = async (app, opts) => {
  const gzipped = new WeakMap<Buffer, Buffer>();
  app.get(
    '/tiles/:layer/:z/:x/:y.mvt',
    {
      schema: {
        tags: ['map'],
        summary: 'A vector tile (application/vnd.mapbox-vector-tile) of one map layer',
        params: TileParams,
        response: {
          200: Type.Any({ description: 'Mapbox Vector Tile bytes' }),
          304: Type.Null(),
          ...errorResponses,
        },
      },
      // Tiles are compressed here once per cached tile, not per response.
      config: { compress: false },
    },
    async (request, reply) => {
      const { layer, z, x, y } = request.params;
      // A bad layer, zoom or x/y throws TileRequestError, whose statusCode the error handler sends.
      const tile = opts.tiles.getTile(layer, z, x, y);
      reply
        .header('ETag', tile.etag)
        .header('Cache-Control', 'public, max-age=300')
        .header('Vary', 'Accept-Encoding');
      if (request.headers['if-none-match'] === tile.etag) return reply.status(304).send(null);
      reply.type('application/vnd.mapbox-vector-tile');
      const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (!acceptsGzip || tile.body.length === 0) return reply.send(tile.body);
      let gz = gzipped.get(tile.body);
      if (!gz) gzipped.set(tile.body, (gz = gzipSync(tile.body, { level: 6 })));
      return reply.header('Content-Encoding', 'gzip').send(gz);
    },
  );
};
