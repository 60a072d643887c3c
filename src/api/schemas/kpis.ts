/** Schema of /api/kpis. */
import { Type } from 'typebox';

const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);

export const KpiResponse = Type.Object({
  conditions: Type.Object({ hour: Type.Number(), temperature_c: Type.Number() }),
  customers_served: Type.Integer(),
  customers_total: Type.Integer(),
  meters: Type.Integer(),
  peak_load_mw: Type.Number(),
  peak_hour: Type.Integer(),
  load_profile_mw: Type.Array(Type.Number()),
  capacity_mva: Type.Number(),
  system_loading_pct: Type.Number(),
  substations: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      load_mw: Type.Number(),
      capacity_mva: Type.Number(),
      loading_pct: Type.Number(),
      customers: Type.Integer(),
    }),
  ),
  overloaded: Type.Object({
    transformers: Type.Integer(),
    line_sections: Type.Integer(),
    substation_transformers: Type.Integer(),
    transmission_lines: Type.Integer(),
  }),
  assets_by_state: Type.Object({ energized: Type.Integer(), de_energized: Type.Integer() }),
  reliability: Type.Object({
    saidi_min: Nullable(Type.Number()),
    saifi: Nullable(Type.Number()),
    caidi_min: Nullable(Type.Number()),
    reason: Type.String(),
  }),
});
