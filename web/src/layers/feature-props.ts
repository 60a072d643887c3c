/**
 * Reading MVT feature properties safely. Tiles may encode booleans as bool or 0/1 and numbers as
 * numbers or strings; aggregate (density) cells carry a `count` instead of an asset's attributes.
 */

export type FeatureProps = Record<string, unknown>;

/** What deck.gl accessors receive for a tile feature (GeoJSON feature or binary property stub). */
export interface FeatureLike {
  properties?: FeatureProps | null;
}

export function propsOf(f: FeatureLike | null | undefined): FeatureProps {
  return f?.properties ?? {};
}

export function num(p: FeatureProps, key: string): number | null {
  const v = p[key];
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function str(p: FeatureProps, key: string): string | null {
  const v = p[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** true / 1 / 'true' → true; false / 0 / 'false' → false; anything else → null. */
export function bool(p: FeatureProps, key: string): boolean | null {
  const v = p[key];
  if (v === true || v === 1 || v === 'true' || v === '1') return true;
  if (v === false || v === 0 || v === 'false' || v === '0') return false;
  return null;
}

/** The number of assets of a density cell, or null for a real asset feature. */
export function aggregateCount(p: FeatureProps): number | null {
  if (typeof p.id === 'string' && p.id !== '') return null;
  return num(p, 'count');
}

/** An asset is de-energized only when the tile says so explicitly. */
export function isDeenergized(p: FeatureProps): boolean {
  return bool(p, 'energized') === false;
}
