/**
 * Weather hazards per asset: the probability that the storm of the operating conditions fails
 * each overhead section (trees falling into it), each pole (wind), each pad-mounted transformer
 * and substation (floodwater), from the wind field (wind-field.ts) and the fragility curves
 * (fragility.ts). A hurricane's hours of wind count as several exposures to its peak gust.
 * weather-failures.ts turns them into failures (a typical storm, or seeded draws). The two
 * constants below are the only parameters fitted to reported outages.
 */
import type { GridModel } from '../../model/grid-model.ts';
import type { OperatingConditions } from '../../model/operating-conditions.ts';
import {
  floodFailureProbability,
  lognormalFragility,
  PAD_TRANSFORMER_FLOOD,
  REFERENCE_POLE_CLASS,
  SUBSTATION_FLOOD,
  treeStrikeProbability,
  woodPoleFragility,
} from './fragility.ts';
import { windField } from './wind-field.ts';
import { flood100yrMembership } from '../flood-exposure.ts';

/**
 * Trees each stored tree stands for: the first parameter fitted to reported outages. The
 * generator plants one tree record per so many metres of overhead line, far fewer than a
 * Houston street has within falling distance; the literature leaves that density to local
 * surveys. Fitted by bisection on the May 2024 derecho (bench/weather-calibration.ts, result in
 * bench/results/weather-calibration.json; docs/weather.md#calibration): about 57 trees within
 * falling distance per km of overhead line.
 */
export const TREE_EXPOSURE_FACTOR = 8;

/**
 * Independent near-peak gust exposures a hurricane brings, relative to one downburst passage:
 * the second fitted parameter. The fragility curves take the event's peak gust; a derecho or a
 * thunderstorm cell passes in minutes, a landfalling hurricane blows for hours, and every hour
 * brings gusts near its peak. Fitted by bisection on Hurricane Beryl with TREE_EXPOSURE_FACTOR
 * fixed (docs/weather.md#calibration): about an hour of ten-minute windows at the peak gust.
 */
export const HURRICANE_EXPOSURE_WINDOWS = 6.73;

/** Exposures an event of this field kind brings (the fragility curves' reference is one). */
export function exposureWindows(kind: OperatingConditions['wind_field']['kind']): number {
  return kind === 'hurricane' ? HURRICANE_EXPOSURE_WINDOWS : 1;
}

/** Year poles' ages are counted to when the conditions carry no date: the calibration events' year. */
export const AGE_REFERENCE_YEAR = 2024;

/** Setting depth of a wood pole: 10 % of its length plus 0.6 m (2 ft), the usual rule. */
export function poleAboveGround_m(length_m: number): number {
  return length_m - (0.1 * length_m + 0.61);
}

/** Conductor height on a pole: its top less 0.3 m to the crossarm. */
export function conductorHeight_m(poleLength_m: number): number {
  return poleAboveGround_m(poleLength_m) - 0.3;
}

/** A 40-ft (12.2 m) pole, for sections whose nodes carry no pole record. */
export const DEFAULT_POLE_LENGTH_M = 12.2;

export interface WeatherHazards {
  /** Tree strike on overhead sections. */
  section: Float64Array;
  /** Wind failure of poles. */
  pole: Float64Array;
  /** Floodwater on pad-mounted transformers. */
  transformer: Float64Array;
  /** Floodwater on substations. */
  substation: Float64Array;
}

export interface HazardOptions {
  /** Trees per stored tree (default TREE_EXPOSURE_FACTOR); the calibration varies it. */
  treeExposure?: number;
  /** Exposure windows (default exposureWindows(kind)); the calibration varies it. */
  windows?: number;
}

function eventYear(conditions: OperatingConditions): number {
  return conditions.date ? Number(conditions.date.slice(0, 4)) : AGE_REFERENCE_YEAR;
}

/** Per-asset failure probabilities under `conditions`. */
export function weatherHazards(
  model: GridModel,
  conditions: OperatingConditions,
  options: HazardOptions = {},
): WeatherHazards {
  const t = model.tables;
  const k = options.treeExposure ?? TREE_EXPOSURE_FACTOR;
  if (!(k >= 0)) throw new RangeError(`weather: treeExposure must be ≥ 0 (got ${k})`);
  const n = options.windows ?? exposureWindows(conditions.wind_field.kind);
  if (!(n >= 1)) throw new RangeError(`weather: windows must be ≥ 1 (got ${n})`);
  const field = windField(model, conditions);
  const windy = conditions.wind_gust_ms > 0;

  // Trees: each record stands for k trees of its height and clearance beside its section.
  const section = new Float64Array(t.line_sections.size);
  if (windy && k > 0) {
    const survive = new Float64Array(t.line_sections.size).fill(1);
    const tr = t.trees.cols;
    const sec = t.line_sections.cols;
    const nodePole = t.dist_nodes.cols.pole;
    const poleHeight = t.poles.cols.height_m;
    for (let i = 0; i < t.trees.size; i++) {
      const s = tr.section[i];
      if (s < 0 || !sec.overhead[s]) continue;
      const pole = nodePole[sec.to_node[s]] >= 0 ? nodePole[sec.to_node[s]] : nodePole[sec.from_node[s]];
      const h = conductorHeight_m(pole >= 0 ? poleHeight[pole] : DEFAULT_POLE_LENGTH_M);
      const gust = field.gustAt(tr.lon[i], tr.lat[i]);
      const p = treeStrikeProbability(tr.height_m[i], tr.clearance_m[i], h, gust);
      if (p > 0) survive[s] *= (1 - p) ** (k * n);
    }
    for (let s = 0; s < section.length; s++) section[s] = 1 - survive[s];
  }

  // Poles: wind on the pole and what it carries.
  const pole = new Float64Array(t.poles.size);
  if (windy) {
    const pc = t.poles.cols;
    const year = eventYear(conditions);
    for (let i = 0; i < t.poles.size; i++) {
      // Steel and concrete poles do not decay: the new-pole curve of the reference class.
      const wood = pc.material[i] === 0;
      const f = wood
        ? woodPoleFragility(pc.class[i], year - pc.install_year[i])
        : woodPoleFragility(REFERENCE_POLE_CLASS, 0);
      pole[i] = 1 - (1 - lognormalFragility(field.gustAt(pc.lon[i], pc.lat[i]), f)) ** n;
    }
  }

  // Floodwater in the 100-year zones on ground-mounted equipment.
  const depth = conditions.flood_depth_m;
  const inFlood = flood100yrMembership(model, depth > 0);
  const padP = floodFailureProbability(depth, PAD_TRANSFORMER_FLOOD);
  const subP = floodFailureProbability(depth, SUBSTATION_FLOOD);
  const transformer = Float64Array.from(t.transformers.cols.mount, (mount, x) =>
    mount === 1 && inFlood.transformers[x] ? padP : 0,
  );
  const substation = Float64Array.from(inFlood.substations, (inside) => (inside ? subP : 0));
  return { section, pole, transformer, substation };
}
