/**
 * Transmission equipment the planner builds from: per-km line constants by voltage class, the
 * standard conductors (and bundles) with their ampacities, and 345/138 kV autotransformers.
 * Every figure is from a published source named in docs/planning.md ("Transmission").
 */

export const BASE_MVA = 100;
export const HV_KV = 138;
export const EHV_KV = 345;

/** Lines follow rights of way, not straight lines. */
export const ROUTE_FACTOR = 1.2;

export interface Conductor {
  name: string;
  /** Ampacity at 75 °C conductor, 25 °C ambient, 0.6 m/s wind (the reference of src/model/thermal.ts). */
  ampacity_a: number;
}

export interface VoltageClass {
  kv: number;
  r_ohm_per_km: number;
  x_ohm_per_km: number;
  b_us_per_km: number;
  /** Conductor choices for one circuit, smallest first. */
  conductors: readonly Conductor[];
}

// ACSR ampacities: Grigsby (ed.), Electric Power Generation, Transmission, and Distribution,
// Table 13.2 (approx. current-carrying capacity). A bundle of n conductors carries n times one.
const GULL: Conductor = { name: '667 kcmil ACSR Gull', ampacity_a: 800 };
const FINCH: Conductor = { name: '1113 kcmil ACSR Finch', ampacity_a: 1110 };
const BITTERN: Conductor = { name: '1272 kcmil ACSR Bittern', ampacity_a: 1200 };
const FALCON: Conductor = { name: '1590 kcmil ACSR Falcon', ampacity_a: 1380 };
const bundle = (n: number, c: Conductor): Conductor => ({
  name: `${n} × ${c.name}`,
  ampacity_a: n * c.ampacity_a,
});

/**
 * 138 kV: single-conductor lines, x ≈ 0.5 Ω/km (as Kundur's Table 6.1 gives for single-conductor
 * 230 kV lines, 0.488 Ω/km: reactance depends on conductor spacing and radius, not voltage).
 */
export const HV_LINES: VoltageClass = {
  kv: HV_KV,
  r_ohm_per_km: 0.101,
  x_ohm_per_km: 0.495,
  b_us_per_km: 3.52,
  conductors: [GULL, FINCH, BITTERN, FALCON],
};

/** 345 kV: two-conductor bundles (Kundur 1994, Table 6.1, 345 kV line constants). */
export const EHV_LINES: VoltageClass = {
  kv: EHV_KV,
  r_ohm_per_km: 0.037,
  x_ohm_per_km: 0.367,
  b_us_per_km: 4.518,
  conductors: [bundle(2, GULL), bundle(2, BITTERN), bundle(2, FALCON)],
};

export function voltageClass(kv: number): VoltageClass {
  if (kv === HV_KV) return HV_LINES;
  if (kv === EHV_KV) return EHV_LINES;
  throw new Error(`transmission-equipment: no line class at ${kv} kV (expected ${HV_KV} or ${EHV_KV})`);
}

/** Three-phase MVA of a conductor at `kv` (√3 · V · I), rounded to whole MVA as ratings are quoted. */
export function conductorMva(kv: number, c: Conductor): number {
  return Math.round((Math.sqrt(3) * kv * c.ampacity_a) / 1000);
}

/** Standard circuit ratings (MVA, 25 °C) at `kv`, ascending. */
export function circuitRatings(kv: number): number[] {
  return voltageClass(kv).conductors.map((c) => conductorMva(kv, c));
}

/** Series impedance and charging of a line of `length_km` at `kv`, per unit on BASE_MVA. */
export function lineConstants(kv: number, length_km: number): { r_pu: number; x_pu: number; b_pu: number } {
  const vc = voltageClass(kv);
  const zBase = (kv * kv) / BASE_MVA;
  return {
    r_pu: (vc.r_ohm_per_km * length_km) / zBase,
    // A very short span still has the reactance of its bus work: keep x away from zero.
    x_pu: Math.max(1e-4, (vc.x_ohm_per_km * length_km) / zBase),
    b_pu: vc.b_us_per_km * 1e-6 * length_km * zBase,
  };
}

/** 345/138 kV autotransformer nameplate sizes (MVA, top cooling stage), ascending. */
export const AUTOTRANSFORMER_MVA: readonly number[] = [300, 450, 600, 800];
/**
 * Leakage reactance on the transformer's own base, within the 0.05–0.15 pu typical of large
 * power transformers (Glover, Sarma & Overbye, Power System Analysis and Design, ch. 3).
 */
export const AUTOTRANSFORMER_X_PU_OWN = 0.08;
/** X/R of large power transformers (IEEE C37.010 application guide); r does not enter DC flows. */
export const AUTOTRANSFORMER_X_OVER_R = 40;
/** Every hub has at least two, so losing one (P1) never cuts the 138 kV network off its source. */
export const MIN_AUTOTRANSFORMERS_PER_HUB = 2;

/** Reactance and resistance of one autotransformer of `rating_mva`, per unit on BASE_MVA. */
export function autotransformerConstants(rating_mva: number): { r_pu: number; x_pu: number } {
  const x_pu = (AUTOTRANSFORMER_X_PU_OWN * BASE_MVA) / rating_mva;
  return { x_pu, r_pu: x_pu / AUTOTRANSFORMER_X_OVER_R };
}
