/**
 * Colours of the grid layers. Legend colours come from the layer catalogue (/api/layers); the
 * circuit palette is ours: a stable, high-contrast sequence indexed by a feeder's `circuit`.
 */
import type { CascadeCause, LayerInfo } from '../api/types.ts';

export type Rgba = [number, number, number, number];

/** '#rrggbb' or '#rgb' → [r, g, b, alpha]. Unparseable input gives mid grey. */
export function hexToRgba(hex: string, alpha = 255): Rgba {
  let h = hex.trim().replace(/^#/, '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const value = Number.parseInt(h.slice(0, 6), 16);
  if (h.length < 6 || Number.isNaN(value)) return [128, 128, 128, alpha];
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha];
}

/** Linear mix of two colours; `t` = 0 gives `a`, 1 gives `b`. */
export function mix(a: Rgba, b: Rgba, t: number): Rgba {
  const m = (i: number): number => Math.round(a[i] + (b[i] - a[i]) * t);
  return [m(0), m(1), m(2), m(3)];
}

export function withAlpha(c: Rgba, alpha: number): Rgba {
  return [c[0], c[1], c[2], alpha];
}

/**
 * Sixteen hues chosen to stay distinct from each other on a dark basemap and from the alarm
 * colours (open tie magenta, overload red, trace cyan/amber).
 */
export const CIRCUIT_PALETTE: readonly Rgba[] = [
  '#36c5f0',
  '#2eb67d',
  '#ecb22e',
  '#8c7ae6',
  '#00d2d3',
  '#a3cb38',
  '#fd9644',
  '#45aaf2',
  '#26de81',
  '#fed330',
  '#a55eea',
  '#4bcffa',
  '#c4e538',
  '#f8a5c2',
  '#7bed9f',
  '#70a1ff',
].map((c) => hexToRgba(c));

/** Colour of a circuit number: the same circuit always gets the same colour. */
export function circuitColor(circuit: number): Rgba {
  const n = CIRCUIT_PALETTE.length;
  const i = Number.isFinite(circuit) ? ((Math.trunc(circuit) % n) + n) % n : 0;
  return CIRCUIT_PALETTE[i];
}

/** The colour of legend entry `index` of a layer, or `fallback` when the catalogue has none. */
export function legendColor(layer: LayerInfo, index: number, fallback = '#9e9e9e', alpha = 255): Rgba {
  const entry = layer.legend[index] ?? layer.legend[0];
  return hexToRgba(entry ? entry.color : fallback, alpha);
}

/** De-energized equipment: drawn dim grey whatever its layer. */
export const DEENERGIZED: Rgba = [96, 102, 112, 210];
/** Upstream trace (source path): bright cyan. */
export const TRACE_UPSTREAM: Rgba = [0, 255, 240, 255];
/** Downstream trace (what the asset feeds): amber. */
export const TRACE_DOWNSTREAM: Rgba = [255, 170, 0, 230];
/** The selected asset's ring and highlighted feature. */
export const SELECTION: Rgba = [255, 255, 255, 255];
/** Hover highlight (auto-highlight) colour. */
export const HOVER: Rgba = [255, 255, 255, 140];

/**
 * Cascade failure causes, chosen apart from each other and from the trace colours: the initial
 * failure red, overloads orange, protection trips violet, weather sky blue, load shed yellow,
 * de-energized grey. Hex so panels can use the same colours.
 */
export const CAUSE_HEX: Readonly<Record<CascadeCause, string>> = {
  initial: '#ff1744',
  overload: '#ff6d00',
  protection_trip: '#b388ff',
  weather: '#40c4ff',
  load_shed: '#ffd600',
  de_energized: '#90a4ae',
};

/** Normally-open ties the cascade closed to restore supply: green. */
export const TIE_CLOSED_HEX = '#00e676';

export function causeColor(cause: string, alpha = 255): Rgba {
  return hexToRgba(CAUSE_HEX[cause as CascadeCause] ?? CAUSE_HEX.de_energized, alpha);
}
