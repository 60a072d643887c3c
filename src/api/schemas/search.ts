/** Schemas of /api/search. */
import { Type } from 'typebox';

export const SearchQuery = Type.Object({
  q: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'Id, name, address, or meter/customer number',
  }),
  limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
});

export const SearchResult = Type.Object({
  id: Type.String(),
  table: Type.String(),
  label: Type.String(),
  detail: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
});

export const SearchResponse = Type.Object({ query: Type.String(), results: Type.Array(SearchResult) });
