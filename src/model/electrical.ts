/** Electrical helper formulas shared by sizing, checks and analysis. */

/**
 * Line current in A drawn by `kw` at line-to-line voltage `kv_ll` and power factor `pf`:
 * three-phase I = P/(√3·V·pf); single-phase (line to neutral) I = P/(V/√3·pf).
 */
export function lineCurrentA(kw: number, kv_ll: number, phases: number, pf: number): number {
  if (phases === 3) return kw / (Math.sqrt(3) * kv_ll * pf);
  return kw / ((kv_ll / Math.sqrt(3)) * pf);
}
