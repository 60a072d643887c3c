/** Schemas of operating conditions: the input that overrides a preset's fields, and the full value. */
import { Type } from 'typebox';
import {
  CONDITION_RANGES as C,
  WIND_FIELD_RANGES as W,
  type FieldRange,
} from '../../model/operating-conditions.ts';

const range = (r: FieldRange) => ({
  minimum: r.min,
  maximum: r.max,
  description: `${r.doc}${r.unit ? ` (${r.unit})` : ''}, ${r.min}–${r.max}`,
});
const num = (r: FieldRange) => Type.Number(range(r));
const int = (r: FieldRange) => Type.Integer(range(r));

const WindFieldKind = Type.Union(
  [Type.Literal('uniform'), Type.Literal('thunderstorm'), Type.Literal('derecho'), Type.Literal('hurricane')],
  { description: 'shape of the wind field: uniform, thunderstorm cells, a derecho swath, a hurricane' },
);
const DateField = Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()], {
  description: 'calendar date YYYY-MM-DD (weekends use weekend profiles); null for a weekday',
});

const windField = {
  kind: WindFieldKind,
  heading_deg: num(W.heading_deg),
  offset_km: num(W.offset_km),
  width_km: num(W.width_km),
  cells: int(W.cells),
  seed: int(W.seed),
};

/** The full operating conditions a result was computed under. */
export const Conditions = Type.Object({
  load_factor: num(C.load_factor),
  hour: num(C.hour),
  date: DateField,
  temperature_c: num(C.temperature_c),
  wind_sustained_ms: num(C.wind_sustained_ms),
  wind_gust_ms: num(C.wind_gust_ms),
  wind_field: Type.Object(windField),
  flood_depth_m: num(C.flood_depth_m),
  hours_since_interruption: num(C.hours_since_interruption),
});

/** Fields that change the chosen preset; every one optional, each with its range. */
export const ConditionsInput = Type.Partial(
  Type.Object(
    {
      ...Conditions.properties,
      wind_field: Type.Partial(Type.Object(windField, { additionalProperties: false })),
    },
    { additionalProperties: false },
  ),
  {
    description:
      'Operating conditions over the scenario preset: load factor, hour, date, temperature, wind, flood depth, hours since interruption',
  },
);
