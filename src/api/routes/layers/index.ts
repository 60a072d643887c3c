/** The map's layer catalogue: what each layer shows, its zooms, legend and tile URL. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MAP_LAYERS, MAX_TILE_ZOOM } from '../../../tiles/layer-catalogue.ts';
import { LayerCatalogue } from '../../schemas/dataset.ts';

export const layerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/layers',
    { schema: { tags: ['map'], summary: 'Layer catalogue', response: { 200: LayerCatalogue } } },
    async () => ({
      layers: MAP_LAYERS.map((l) => ({
        id: l.id,
        title: l.title,
        table: l.table,
        geometry: l.geometry,
        group: l.group,
        minzoom: l.minzoom,
        detail_minzoom: l.detailMinzoom,
        maxzoom: MAX_TILE_ZOOM,
        default_visible: l.defaultVisible,
        legend: l.legend,
        doc: l.doc,
        tiles: `/tiles/${l.id}/{z}/{x}/{y}.mvt`,
        features: app.grid.model.tables[l.table].size,
      })),
    }),
  );
};
