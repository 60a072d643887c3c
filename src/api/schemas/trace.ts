/** Schemas of /api/trace. */
import { Type } from 'typebox';
import { NamedRef } from './common.ts';

const Line = Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }), {
  description: '[[lon, lat], ...]',
});

export const TraceResponse = Type.Object({
  id: Type.String(),
  upstream: Type.Object({
    path: Type.Array(Type.Object({ id: Type.String(), table: Type.String(), name: Type.String() })),
    feeder: Type.Union([NamedRef, Type.Null()]),
    substation: Type.Union([NamedRef, Type.Null()]),
    breaker: Type.Union([Type.String(), Type.Null()]),
    lines: Type.Array(Line),
  }),
  downstream: Type.Object({
    customers: Type.Integer(),
    critical_customers: Type.Integer(),
    meters: Type.Integer(),
    transformers: Type.Integer(),
    load_kw: Type.Number(),
    lines: Type.Array(Line),
    lines_truncated: Type.Boolean(),
  }),
});
