/** Schemas of /api/dataset, /api/health, /api/ready and /api/layers. */
import { Type } from 'typebox';

export const Health = Type.Object({ status: Type.Literal('ok') });
export const Ready = Type.Object({ ready: Type.Boolean(), dataset: Type.String() });

export const DatasetSummary = Type.Object({
  name: Type.String(),
  source: Type.Record(Type.String(), Type.Unknown()),
  region: Type.Array(Type.Number(), { minItems: 4, maxItems: 4, description: '[west, south, east, north]' }),
  center: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
  counts: Type.Record(Type.String(), Type.Integer()),
  schema_version: Type.Integer(),
  content_hash: Type.Union([Type.String(), Type.Null()]),
});

export const LayerInfo = Type.Object({
  id: Type.String(),
  title: Type.String(),
  table: Type.String(),
  geometry: Type.Union([Type.Literal('point'), Type.Literal('line'), Type.Literal('polygon')]),
  group: Type.Union([Type.Literal('basemap'), Type.Literal('context'), Type.Literal('grid')]),
  minzoom: Type.Integer(),
  detail_minzoom: Type.Integer(),
  maxzoom: Type.Integer(),
  default_visible: Type.Boolean(),
  legend: Type.Array(Type.Object({ label: Type.String(), color: Type.String() })),
  doc: Type.String(),
  tiles: Type.String(),
  features: Type.Integer(),
});

export const LayerCatalogue = Type.Object({ layers: Type.Array(LayerInfo) });
