/**
 * Thermal derating of equipment ratings with ambient temperature. Nominal ratings are quoted at
 * 25 °C ambient; hotter air removes less heat, so the current that keeps a conductor at its
 * design temperature falls as sqrt((T_max − T_amb) / (T_max − T_ref)) (IEEE 738 steady state,
 * convective term dominant, no solar or wind change).
 */

export const RATING_REFERENCE_AMBIENT_C = 25;
/** Maximum conductor operating temperature for the ACSR/AAC lines we model. */
export const CONDUCTOR_MAX_TEMP_C = 75;
/** Transformer loss of life doubles per ~6 °C; utilities derate about 1 % per °C above 30 °C. */
export const TRANSFORMER_DERATE_PER_C = 0.01;
const TRANSFORMER_DERATE_START_C = 30;

/**
 * Distribution equipment trips above this multiple of its derated normal rating: the short-time
 * emergency rating. Utilities commonly allow 120–150 % of nameplate on distribution transformers
 * for a few hours (IEEE C57.91 loading guide) and 110–125 % on overhead conductors; 1.2 is the
 * conservative end for both. Transmission lines trip above their derated rateA (the standard DC
 * cascade model).
 */
export const EMERGENCY_RATING_FACTOR = 1.2;

/** Fraction of the nominal ampacity a line can carry at `ambient_c`. */
export function lineRatingFactor(ambient_c: number): number {
  const t = Math.min(ambient_c, CONDUCTOR_MAX_TEMP_C - 1);
  if (t <= RATING_REFERENCE_AMBIENT_C) return 1;
  return Math.sqrt((CONDUCTOR_MAX_TEMP_C - t) / (CONDUCTOR_MAX_TEMP_C - RATING_REFERENCE_AMBIENT_C));
}

/** Fraction of the nameplate kVA/MVA a transformer can carry at `ambient_c`. */
export function transformerRatingFactor(ambient_c: number): number {
  const over = Math.max(0, ambient_c - TRANSFORMER_DERATE_START_C);
  return Math.max(0.5, 1 - TRANSFORMER_DERATE_PER_C * over);
}
