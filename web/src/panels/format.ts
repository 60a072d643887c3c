/**
 * Display formatting of asset attributes: labels from snake_case keys, units from the key's
 * suffix (the model's naming rule: `_mw`, `_mva`, `kv`, `_pct`, `_m`, `_a`, `kva`), booleans as
 * yes/no, missing values as "unavailable".
 */

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const UNAVAILABLE = 'unavailable';

/** Known unit suffixes, longest first. */
const UNITS: readonly [RegExp, string][] = [
  [/(^|_)kva$/, 'kVA'],
  [/(^|_)kw$/, 'kW'],
  [/(^|_)kv$/, 'kV'],
  [/_mva$/, 'MVA'],
  [/_mw$/, 'MW'],
  [/_mvar$/, 'Mvar'],
  [/_pct$/, '%'],
  [/_km$/, 'km'],
  [/_min$/, 'min'],
  [/_m$/, 'm'],
  [/_a$/, 'A'],
];

const LABELS: Record<string, string> = {
  kv: 'Voltage',
  kva: 'Rating',
  pmax_mw: 'Max output',
  capacity_mva: 'Capacity',
  rating_mva: 'Rating',
  rating_a: 'Rating',
  loading_pct: 'Loading',
  normally_open: 'Normal state',
  install_year: 'Installed',
  height_m: 'Height',
  clearance_m: 'Clearance',
  load_kw: 'Load',
  count: 'Count (cell)',
  sections: 'Sections',
  low_clearance: 'Clearance < 3 m',
  open: 'Open ties',
  critical: 'Critical',
  customers: 'Customers',
};

export function unitOf(key: string): string {
  for (const [re, unit] of UNITS) if (re.test(key)) return unit;
  return '';
}

export function labelOf(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key.replace(/_(kva|kw|kv|mva|mw|mvar|pct|km|min|m|a)$/, '').split('_');
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return UNAVAILABLE;
  if (digits === 0) return INTEGER.format(value);
  return digits === 1
    ? NUMBER.format(value)
    : value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A value with its unit; `install_year` and ids are left unformatted. */
export function formatValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return UNAVAILABLE;
  if (key === 'normally_open') return value === true || value === 1 ? 'Open' : 'Closed';
  if (key === 'overhead') return value === true || value === 1 ? 'Overhead' : 'Underground';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (key.endsWith('_year') || key === 'circuit' || key === 'phases') return String(value);
    const unit = unitOf(key);
    const text = formatNumber(value, Math.abs(value) >= 100 ? 0 : 1);
    return unit === '' ? text : unit === '%' ? `${text} %` : `${text} ${unit}`;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const TABLE_SINGULAR: Record<string, string> = {
  line_sections: 'line section',
  protective_devices: 'protective device',
  transformers: 'transformer',
  substations: 'substation',
  feeders: 'feeder',
  switches: 'switch',
  meters: 'meter',
  customers: 'customer',
  poles: 'pole',
  generators: 'generator',
  transmission_lines: 'transmission line',
  trees: 'tree',
  buildings: 'building',
};

/** Human name of a table or id, singular for asset tables: 'protective_devices' → 'Protective device'. */
export function humanize(id: string): string {
  const text = (TABLE_SINGULAR[id] ?? id).replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
