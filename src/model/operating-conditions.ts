/**
 * Operating conditions: the one typed value that cascades, sweeps, risk and telemetry share.
 * Load level (a factor on the modelled demand at an hour, optionally of a date), air temperature,
 * wind (sustained and gust, with the shape of the storm that brings it), floodwater depth, and the
 * hours loads have been off when restoration picks them up (cold-load pickup). Named scenarios are
 * presets of it (src/cascade/scenarios.ts). Every field has a documented range; input outside it
 * is refused with an error naming the field and the range.
 */

/** Shape of the wind field over the grid; the peak gust anywhere is `wind_gust_ms`. */
export const WIND_FIELD_KINDS = ['uniform', 'thunderstorm', 'derecho', 'hurricane'] as const;
export type WindFieldKind = (typeof WIND_FIELD_KINDS)[number];

export interface WindField {
  /** uniform: the same wind everywhere; the others have a shape (src/cascade/weather/). */
  kind: WindFieldKind;
  /** Direction the storm moves toward, degrees clockwise from north (derecho swath, hurricane track). */
  heading_deg: number;
  /** Signed distance of the swath's centreline or the hurricane's track from the grid centre, km (right of the heading is positive). */
  offset_km: number;
  /** Derecho: width of the damaging swath; hurricane: radius of maximum winds; thunderstorm: cell radius (km). */
  width_km: number;
  /** Thunderstorm: how many downburst cells cross the grid. */
  cells: number;
  /** Places the thunderstorm cells (same seed, same cells). */
  seed: number;
}

export interface OperatingConditions {
  /** Multiplier on the modelled demand for the hour and temperature (1 = the load model's forecast). */
  load_factor: number;
  /** Hour of day, local time, 0 ≤ hour < 24 (the hourly profiles use its whole hour). */
  hour: number;
  /** Calendar date (YYYY-MM-DD) when the day of week matters: weekends use weekend profiles. */
  date: string | null;
  /** Ambient air temperature: drives cooling demand and derates equipment. */
  temperature_c: number;
  /** Sustained (1-minute mean) wind at 10 m, at the storm's strongest point. */
  wind_sustained_ms: number;
  /** Peak 3-second gust at 10 m, at the storm's strongest point. */
  wind_gust_ms: number;
  wind_field: WindField;
  /** Floodwater depth above grade in the 100-year (AE) flood zones; 0 = no flooding. */
  flood_depth_m: number;
  /** How long the load that restoration picks up has been off (cold-load pickup grows with it). */
  hours_since_interruption: number;
}

export type NumericConditionField = Exclude<keyof OperatingConditions, 'date' | 'wind_field'>;
export type NumericWindFieldKey = Exclude<keyof WindField, 'kind'>;

export interface FieldRange {
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
  unit: string;
  doc: string;
}

/** The accepted range of every numeric field, shown in errors, the CLI help and the API schema. */
export const CONDITION_RANGES: Readonly<Record<NumericConditionField, FieldRange>> = {
  load_factor: { min: 0.2, max: 2, unit: '×', doc: 'factor on the modelled demand' },
  hour: { min: 0, max: 23.99, unit: 'h', doc: 'hour of day (local)' },
  temperature_c: { min: -20, max: 50, unit: '°C', doc: 'ambient air temperature' },
  wind_sustained_ms: { min: 0, max: 90, unit: 'm/s', doc: 'sustained wind at the strongest point' },
  wind_gust_ms: { min: 0, max: 110, unit: 'm/s', doc: 'peak 3-s gust at the strongest point' },
  flood_depth_m: { min: 0, max: 10, unit: 'm', doc: 'floodwater depth in the 100-year zones' },
  hours_since_interruption: {
    min: 0,
    max: 336,
    unit: 'h',
    doc: 'how long picked-up load has been off',
  },
};

export const WIND_FIELD_RANGES: Readonly<Record<NumericWindFieldKey, FieldRange>> = {
  heading_deg: { min: 0, max: 360, unit: '°', doc: 'direction the storm moves toward' },
  offset_km: { min: -300, max: 300, unit: 'km', doc: 'track offset from the grid centre' },
  width_km: { min: 0.5, max: 300, unit: 'km', doc: 'swath width, radius of maximum winds or cell radius' },
  cells: { min: 1, max: 500, integer: true, unit: '', doc: 'thunderstorm cells' },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true, unit: '', doc: 'places the thunderstorm cells' },
};

/** Calm, uniform wind: what every preset without a storm uses. */
export const CALM_WIND_FIELD: WindField = {
  kind: 'uniform',
  heading_deg: 90,
  offset_km: 0,
  width_km: 10,
  cells: 1,
  seed: 1,
};

/**
 * A typical Houston summer afternoon (35 °C at 17:00): normal operations. Restoration is assumed
 * about an hour after an interruption began (manual tie switching).
 */
export const BASE_CASE: OperatingConditions = {
  load_factor: 1,
  hour: 17,
  date: null,
  temperature_c: 35,
  wind_sustained_ms: 3,
  wind_gust_ms: 5,
  wind_field: CALM_WIND_FIELD,
  flood_depth_m: 0,
  hours_since_interruption: 1,
};

/**
 * The summer design peak the generator plans the grid to (P0 and P1 of NERC TPL-001): 41 °C at
 * 16:00, hotter than ASHRAE's 0.4 % cooling design temperature for Houston and near its record
 * (42.8 °C), with the modelled demand as forecast.
 */
export const DESIGN_PEAK: OperatingConditions = {
  ...BASE_CASE,
  hour: 16,
  temperature_c: 41,
  wind_sustained_ms: 2,
  wind_gust_ms: 4,
};

/** Hours of the design day the planner checks, so the coincident peak of every mix is covered. */
export const DESIGN_PEAK_HOURS: readonly number[] = [14, 15, 16, 17, 18, 19];

/** The design peak at each of DESIGN_PEAK_HOURS with normal, diversified load (no cold-load pickup). */
export function designPeakHourConditions(): OperatingConditions[] {
  return DESIGN_PEAK_HOURS.map((hour) => ({ ...DESIGN_PEAK, hour, hours_since_interruption: 0 }));
}

/** Input that names or overrides some fields; everything else comes from a preset. */
export type ConditionsInput = Partial<Omit<OperatingConditions, 'wind_field'>> & {
  wind_field?: Partial<WindField>;
};

/** Conditions that are out of range or malformed; the message names the field and its range. */
export class ConditionsError extends Error {
  override readonly name = 'ConditionsError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function checkNumber(field: string, value: unknown, range: FieldRange): number {
  const unit = range.unit ? ` ${range.unit}` : '';
  if (typeof value !== 'number' || !Number.isFinite(value) || value < range.min || value > range.max) {
    throw new ConditionsError(
      field,
      `conditions: ${field} must be a number from ${range.min} to ${range.max}${unit} (${range.doc}), got ${JSON.stringify(value)}`,
    );
  }
  if (range.integer && !Number.isInteger(value))
    throw new ConditionsError(field, `conditions: ${field} must be a whole number, got ${value}`);
  return value;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const m = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))
    throw new ConditionsError(
      'date',
      `conditions: date must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`,
    );
  return value as string;
}

const FIELD_NAMES = new Set<string>([...Object.keys(CONDITION_RANGES), 'date', 'wind_field']);
const WIND_FIELD_NAMES = new Set<string>([...Object.keys(WIND_FIELD_RANGES), 'kind']);

/**
 * `base` with the fields of `input` over it, every field checked. Unknown fields are refused
 * (a typo must not silently fall back to the preset).
 *
 * @example
 * resolveConditions(DESIGN_PEAK, { load_factor: 1.2, temperature_c: 43, wind_gust_ms: 25 });
 * // → the design peak at 120 % load, 43 °C, 25 m/s gusts
 */
export function resolveConditions(
  base: OperatingConditions,
  input: ConditionsInput = {},
): OperatingConditions {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new ConditionsError('conditions', 'conditions: must be an object of fields');
  for (const key of Object.keys(input)) {
    if (!FIELD_NAMES.has(key))
      throw new ConditionsError(
        key,
        `conditions: unknown field '${key}' (expected: ${[...FIELD_NAMES].join(', ')})`,
      );
  }
  const out = { ...base, ...input, wind_field: { ...base.wind_field } } as OperatingConditions;
  for (const [field, range] of Object.entries(CONDITION_RANGES))
    checkNumber(field, out[field as NumericConditionField], range);
  out.date = checkDate(out.date);
  const wind = input.wind_field;
  if (wind !== undefined) {
    if (typeof wind !== 'object' || wind === null || Array.isArray(wind))
      throw new ConditionsError('wind_field', 'conditions: wind_field must be an object');
    for (const key of Object.keys(wind)) {
      if (!WIND_FIELD_NAMES.has(key))
        throw new ConditionsError(
          `wind_field.${key}`,
          `conditions: unknown field 'wind_field.${key}' (expected: ${[...WIND_FIELD_NAMES].join(', ')})`,
        );
    }
    Object.assign(out.wind_field, wind);
  }
  if (!(WIND_FIELD_KINDS as readonly string[]).includes(out.wind_field.kind))
    throw new ConditionsError(
      'wind_field.kind',
      `conditions: wind_field.kind must be one of ${WIND_FIELD_KINDS.join(', ')}, got ${JSON.stringify(out.wind_field.kind)}`,
    );
  for (const [field, range] of Object.entries(WIND_FIELD_RANGES))
    checkNumber(`wind_field.${field}`, out.wind_field[field as NumericWindFieldKey], range);
  if (out.wind_gust_ms < out.wind_sustained_ms)
    throw new ConditionsError(
      'wind_gust_ms',
      `conditions: wind_gust_ms (${out.wind_gust_ms} m/s) must be at least wind_sustained_ms (${out.wind_sustained_ms} m/s)`,
    );
  return out;
}

/** A canonical text of the conditions: equal conditions, equal keys (for caches and stored sweeps). */
export function conditionsKey(c: OperatingConditions): string {
  const w = c.wind_field;
  return JSON.stringify([
    c.load_factor,
    c.hour,
    c.date,
    c.temperature_c,
    c.wind_sustained_ms,
    c.wind_gust_ms,
    [w.kind, w.heading_deg, w.offset_km, w.width_km, w.cells, w.seed],
    c.flood_depth_m,
    c.hours_since_interruption,
  ]);
}

/** One line for people: "load ×1.20, 43 °C at 16:00, gusts 25 m/s (uniform)". */
export function describeConditions(c: OperatingConditions): string {
  const parts = [
    `load ×${c.load_factor.toFixed(2)}`,
    `${c.temperature_c} °C at ${String(Math.floor(c.hour)).padStart(2, '0')}:00${c.date ? ` on ${c.date}` : ''}`,
    `wind ${c.wind_sustained_ms} m/s, gusts ${c.wind_gust_ms} m/s` +
      (c.wind_field.kind === 'uniform' ? '' : ` (${c.wind_field.kind})`),
  ];
  if (c.flood_depth_m > 0) parts.push(`flood ${c.flood_depth_m} m`);
  parts.push(`restoration after ${c.hours_since_interruption} h`);
  return parts.join(', ');
}
