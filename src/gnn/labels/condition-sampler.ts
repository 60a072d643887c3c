/**
 * Operating conditions to train and evaluate the risk model under: seeded draws over the ranges
 * a planner asks about, so a model sees calm design days, heat beyond the planning, storms of
 * every shape and floods, and is judged on draws it never saw (another seed). Every draw is
 * inside CONDITION_RANGES and resolved like any user input.
 */
import { Rng } from '../../generator/rng.ts';
import { BASE_CASE, resolveConditions, type OperatingConditions } from '../../model/operating-conditions.ts';
import type { ScenarioSetting } from '../../cascade/scenarios.ts';

/** The share of draws with a storm, and with floodwater in the 100-year zones. */
export const CONDITION_SAMPLER_DEFAULTS = {
  stormShare: 0.4,
  floodShare: 0.1,
  /** Share of draws in the afternoon and evening (12:00–20:00), when the load peaks. */
  afternoonShare: 0.7,
  loadFactor: [0.6, 1.5] as const,
  temperature_c: [15, 46] as const,
  gust_ms: [15, 50] as const,
};

/**
 * `count` seeded conditions. Calm draws have gusts under 10 m/s; storm draws a uniform,
 * thunderstorm or derecho field with 15–50 m/s gusts (sustained = gust / 1.5, as flux stats);
 * flood draws 0–2 m of water. Most hours are drawn from the afternoon peak, the rest from the
 * whole day; the interruption length
 * log-uniformly from 6 minutes to a day.
 *
 * @example
 * sampleConditions(24, 1).length; // 24 settings named 'sampled'
 */
export function sampleConditions(
  count: number,
  seed: number,
  options: Partial<typeof CONDITION_SAMPLER_DEFAULTS> = {},
): ScenarioSetting[] {
  const o = { ...CONDITION_SAMPLER_DEFAULTS, ...options };
  const rng = new Rng(seed, 'gnn-conditions');
  const out: ScenarioSetting[] = [];
  for (let i = 0; i < count; i++) {
    const storm = rng.chance(o.stormShare);
    const gust = storm ? rng.range(o.gust_ms[0], o.gust_ms[1]) : rng.range(0, 10);
    const kinds = ['uniform', 'thunderstorm', 'derecho'] as const;
    const kind = storm ? kinds[rng.int(kinds.length)] : 'uniform';
    const conditions: OperatingConditions = resolveConditions(BASE_CASE, {
      load_factor: round(rng.range(o.loadFactor[0], o.loadFactor[1]), 3),
      temperature_c: round(rng.range(o.temperature_c[0], o.temperature_c[1]), 1),
      hour: rng.chance(o.afternoonShare) ? 12 + rng.int(9) : rng.int(24),
      wind_gust_ms: round(gust, 1),
      wind_sustained_ms: round(gust / 1.5, 1),
      flood_depth_m: rng.chance(o.floodShare) ? round(rng.range(0, 2), 2) : 0,
      hours_since_interruption: round(Math.exp(rng.range(Math.log(0.1), Math.log(24))), 2),
      wind_field: {
        kind,
        heading_deg: rng.int(360),
        offset_km: round(rng.range(-5, 5), 1),
        width_km: kind === 'thunderstorm' ? 2 : kind === 'derecho' ? round(rng.range(8, 30), 1) : 10,
        cells: kind === 'thunderstorm' ? 1 + rng.int(8) : 1,
        seed: rng.int(1_000_000),
      },
    });
    out.push({ name: 'sampled', conditions });
  }
  return out;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
