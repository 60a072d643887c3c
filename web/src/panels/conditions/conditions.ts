/**
 * Operating conditions in the browser: a preset (a scenario the API lists) plus the fields the user
 * changed. Pure helpers: apply a change (keeping gusts at least the sustained wind, dropping fields
 * back at the preset's value), the full conditions a request will run under, the one-line summary
 * results show, and the compact text the URL keeps. The server checks every value and range.
 */
import type { ConditionsInput, NumericCondition, OperatingConditions, WindField } from '../../api/types.ts';

/** What the cascade and sweep panels run under: a preset and the fields changed from it. */
export interface ConditionsSetting {
  scenario: string;
  changes: ConditionsInput;
}

export const DEFAULT_SETTING: ConditionsSetting = { scenario: 'base', changes: {} };

/** The preset's conditions with `changes` over them (the server resolves and checks the same). */
export function resolveConditions(
  preset: OperatingConditions,
  changes: ConditionsInput,
): OperatingConditions {
  return { ...preset, ...changes, wind_field: { ...preset.wind_field, ...changes.wind_field } };
}

/** The request fields of a setting: the preset, and `conditions` only when something changed. */
export function settingRequest(setting: ConditionsSetting): {
  scenario: string;
  conditions?: ConditionsInput;
} {
  return isPreset(setting.changes)
    ? { scenario: setting.scenario }
    : { scenario: setting.scenario, conditions: setting.changes };
}

/** True when the setting changes nothing of its preset. */
export function isPreset(changes: ConditionsInput): boolean {
  return Object.keys(changes).length === 0;
}

/** `changes` with only the fields that differ from the preset (and no empty wind field). */
function pruned(preset: OperatingConditions, changes: ConditionsInput): ConditionsInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'wind_field') continue;
    if (value !== undefined && value !== preset[key as keyof OperatingConditions]) out[key] = value;
  }
  const wind: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes.wind_field ?? {}))
    if (value !== undefined && value !== preset.wind_field[key as keyof WindField]) wind[key] = value;
  if (Object.keys(wind).length > 0) out.wind_field = wind;
  return out as ConditionsInput;
}

/**
 * `changes` with `field` set to `value`. The field moved wins: raising the sustained wind above the
 * gusts raises the gusts with it, lowering the gusts below the sustained wind lowers it too (the
 * server refuses gusts below the sustained wind). Fields back at the preset's value are dropped.
 */
export function withChange(
  preset: OperatingConditions,
  changes: ConditionsInput,
  field: NumericCondition,
  value: number,
): ConditionsInput {
  const next: ConditionsInput = { ...changes, [field]: value };
  const now = resolveConditions(preset, next);
  if (field === 'wind_sustained_ms' && now.wind_gust_ms < value) next.wind_gust_ms = value;
  if (field === 'wind_gust_ms' && now.wind_sustained_ms > value) next.wind_sustained_ms = value;
  return pruned(preset, next);
}

/** `changes` with the date set (YYYY-MM-DD) or cleared (null: the preset's). */
export function withDate(
  preset: OperatingConditions,
  changes: ConditionsInput,
  date: string | null,
): ConditionsInput {
  return pruned(preset, { ...changes, date });
}

/** The fields of `conditions` that differ from the preset's: a result's conditions as a setting. */
export function changesFrom(preset: OperatingConditions, conditions: OperatingConditions): ConditionsInput {
  return pruned(preset, conditions);
}

const FIELDS: readonly (keyof OperatingConditions)[] = [
  'load_factor',
  'hour',
  'date',
  'temperature_c',
  'wind_sustained_ms',
  'wind_gust_ms',
  'flood_depth_m',
  'hours_since_interruption',
];
const WIND_FIELDS: readonly (keyof WindField)[] = [
  'kind',
  'heading_deg',
  'offset_km',
  'width_km',
  'cells',
  'seed',
];

/** Equal conditions field by field (a stored sweep of the same setting). */
export function sameConditions(a: OperatingConditions, b: OperatingConditions): boolean {
  return FIELDS.every((f) => a[f] === b[f]) && WIND_FIELDS.every((f) => a.wind_field[f] === b.wind_field[f]);
}

/** A number without trailing zeros, at most `digits` decimals: 43 → "43", 0.25 → "0.25". */
export function trimNumber(value: number, digits = 2): string {
  return String(Number(value.toFixed(digits)));
}

/** Hour of day as a clock time: 16 → "16:00", 7.5 → "07:30". */
export function formatHour(hour: number): string {
  const minutes = Math.round(hour * 60);
  const h = Math.floor(minutes / 60) % 24;
  return `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * One line for people:
 * "load ×1.20 · 43 °C at 16:00 · wind 3, gusts 25 m/s · restoration after 1 h", with the date,
 * the storm's shape (when it has one) and floodwater when there is any.
 */
export function describeConditions(c: OperatingConditions): string {
  const kind = c.wind_field.kind === 'uniform' ? '' : ` (${c.wind_field.kind})`;
  const parts = [
    `load ×${c.load_factor.toFixed(2)}`,
    `${trimNumber(c.temperature_c, 1)} °C at ${formatHour(c.hour)}${c.date ? ` on ${c.date}` : ''}`,
    `wind ${trimNumber(c.wind_sustained_ms, 1)}, gusts ${trimNumber(c.wind_gust_ms, 1)} m/s${kind}`,
  ];
  if (c.flood_depth_m > 0) parts.push(`flood ${trimNumber(c.flood_depth_m, 2)} m`);
  parts.push(`restoration after ${trimNumber(c.hours_since_interruption, 2)} h`);
  return parts.join(' · ');
}

/** The storm shape of a preset, as a label: "uniform wind", "derecho: 8 km swath heading 90°". */
export function windFieldLabel(w: WindField): string {
  switch (w.kind) {
    case 'uniform':
      return 'uniform wind';
    case 'derecho':
      return `derecho: ${trimNumber(w.width_km, 1)} km swath heading ${trimNumber(w.heading_deg, 0)}°`;
    case 'hurricane':
      return `hurricane: radius of maximum winds ${trimNumber(w.width_km, 1)} km, track heading ${trimNumber(w.heading_deg, 0)}°`;
    case 'thunderstorm':
      return `thunderstorm: ${w.cells} cells of ${trimNumber(w.width_km, 1)} km`;
    default:
      return w.kind;
  }
}

const KEY = /^[a-z][a-z_]*(\.[a-z][a-z_]*)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Changes as the URL keeps them: "load_factor:1.3,temperature_c:43,date:2024-07-08"
 * (`wind_field.kind:derecho` for the storm shape); "" for none.
 */
export function formatChanges(changes: ConditionsInput): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'wind_field') continue;
    if (value !== undefined) parts.push(`${key}:${value === null ? 'none' : String(value)}`);
  }
  for (const [key, value] of Object.entries(changes.wind_field ?? {}))
    if (value !== undefined) parts.push(`wind_field.${key}:${String(value)}`);
  // Sorted: equal changes, equal text (the URL and the "settings changed" check compare it).
  return parts.sort().join(',');
}

/** A canonical text of a setting: equal settings, equal keys. */
export function settingKey(setting: ConditionsSetting): string {
  return `${setting.scenario}|${formatChanges(setting.changes)}`;
}

/** A result's preset and full conditions as a setting (its changes from the preset, when listed). */
export function settingOf(
  scenario: string,
  conditions: OperatingConditions | null,
  preset: OperatingConditions | null,
): ConditionsSetting {
  return { scenario, changes: conditions && preset ? changesFrom(preset, conditions) : {} };
}

/**
 * The changes of a URL's text (see formatChanges). Malformed pairs are skipped; values are left
 * for the server to check, so a bad link gets the server's message naming the field.
 */
export function parseChanges(text: string): ConditionsInput {
  const out: Record<string, unknown> = {};
  const wind: Record<string, unknown> = {};
  for (const pair of text.split(',')) {
    const colon = pair.indexOf(':');
    if (colon <= 0) continue;
    const key = pair.slice(0, colon);
    const raw = pair.slice(colon + 1);
    if (!KEY.test(key) || raw === '') continue;
    if (key === 'date') {
      if (raw === 'none') out.date = null;
      else if (DATE.test(raw)) out.date = raw;
      continue;
    }
    const value = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    if (key.startsWith('wind_field.')) wind[key.slice('wind_field.'.length)] = value;
    else if (!key.includes('.')) out[key] = value;
  }
  if (Object.keys(wind).length > 0) out.wind_field = wind;
  return out as ConditionsInput;
}
