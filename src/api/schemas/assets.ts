/** Schemas of /api/assets. */
import { Type } from 'typebox';
import { NamedRef } from './common.ts';

export const Downstream = Type.Object({
  customers: Type.Integer(),
  critical_customers: Type.Integer(),
  meters: Type.Integer(),
  transformers: Type.Integer(),
  load_kw: Type.Number({ description: 'Base-case demand supplied through the asset' }),
});

export const AssetView = Type.Object({
  id: Type.String(),
  table: Type.String(),
  title: Type.String(),
  name: Type.Optional(Type.String()),
  lon: Type.Optional(Type.Number()),
  lat: Type.Optional(Type.Number()),
  properties: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  feeder: Type.Optional(NamedRef),
  substation: Type.Optional(NamedRef),
  energized: Type.Union([Type.Boolean(), Type.Null()]),
  loading_pct: Type.Union([Type.Number(), Type.Null()], {
    description: 'Base-case loading, % of derated rating; null where not applicable',
  }),
  downstream: Type.Optional(Downstream),
});

export const AssetListQuery = Type.Object({
  layer: Type.String({ description: 'Asset table, e.g. transformers, meters, substations' }),
  bbox: Type.String({
    description: 'west,south,east,north in degrees',
    pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$',
  }),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

export const AssetListItem = Type.Object({
  id: Type.String(),
  lon: Type.Optional(Type.Number()),
  lat: Type.Optional(Type.Number()),
  properties: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
});

export const AssetList = Type.Object({
  layer: Type.String(),
  bbox: Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  items: Type.Array(AssetListItem),
});
