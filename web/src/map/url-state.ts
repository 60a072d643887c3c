/**
 * The shareable view in the URL hash:
 * `#map=zoom/lat/lon&asset=ID&layers=a,b,c&scenario=storm&conditions=load_factor:1.3,temperature_c:43`.
 * `layers` lists the visible layers (empty = none); absent = the catalogue's defaults.
 * `scenario` is the cascade and sweep panels' preset and `conditions` the fields changed from it;
 * both are left out for the default preset unchanged.
 */
import type { ConditionsInput } from '../api/types.ts';
import { formatChanges, parseChanges } from '../panels/conditions/conditions.ts';

export interface MapView {
  zoom: number;
  lat: number;
  lon: number;
}

export interface UrlState {
  view: MapView | null;
  asset: string | null;
  layers: string[] | null;
  /** The preset; null: the default. */
  scenario: string | null;
  /** Fields changed from the preset. */
  conditions: ConditionsInput;
}

function params(hash: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    try {
      out.set(decodeURIComponent(key), decodeURIComponent(value));
    } catch {
      // malformed escape: ignore this parameter
    }
  }
  return out;
}

export function parseHash(hash: string): UrlState {
  const p = params(hash);
  let view: MapView | null = null;
  const m = p.get('map')?.split('/').map(Number);
  if (m && m.length >= 3 && m.slice(0, 3).every(Number.isFinite)) {
    const [zoom, lat, lon] = m;
    if (Math.abs(lat) <= 85.06 && Math.abs(lon) <= 180 && zoom >= 0 && zoom <= 24) view = { zoom, lat, lon };
  }
  const asset = p.get('asset')?.trim() || null;
  const layersParam = p.get('layers');
  const layers = layersParam === undefined ? null : layersParam.split(',').filter((s) => s !== '');
  const scenario = p.get('scenario')?.trim() || null;
  const conditions = parseChanges(p.get('conditions') ?? '');
  return { view, asset, layers, scenario, conditions };
}

export function formatHash(state: UrlState): string {
  const parts: string[] = [];
  if (state.view) {
    const { zoom, lat, lon } = state.view;
    parts.push(`map=${zoom.toFixed(2)}/${lat.toFixed(5)}/${lon.toFixed(5)}`);
  }
  if (state.asset) parts.push(`asset=${encodeURIComponent(state.asset)}`);
  if (state.layers) parts.push(`layers=${state.layers.map(encodeURIComponent).join(',')}`);
  if (state.scenario) parts.push(`scenario=${encodeURIComponent(state.scenario)}`);
  const changes = formatChanges(state.conditions);
  // Field names, numbers and dates need no escaping; anything else is escaped.
  if (changes)
    parts.push(`conditions=${encodeURIComponent(changes).replace(/%3A/g, ':').replace(/%2C/g, ',')}`);
  return `#${parts.join('&')}`;
}

/** Replaces the hash without adding a history entry (and without firing `hashchange`). */
export function writeHash(state: UrlState): void {
  const hash = formatHash(state);
  if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
}
