/** Which substations and transformers stand inside a 100-year (AE) flood zone. */
import type { GridModel } from '../model/grid-model.ts';
import { shapeBounds, type ShapeColumn } from '../model/table.ts';

function inRing(shapes: ShapeColumn, ring: number, lon: number, lat: number): boolean {
  // Even–odd ray casting over the ring's vertices.
  let inside = false;
  const c = shapes.coords;
  const start = shapes.offsets[ring];
  const end = shapes.offsets[ring + 1];
  for (let i = start, j = end - 1; i < end; j = i++) {
    const xi = c[2 * i];
    const yi = c[2 * i + 1];
    const xj = c[2 * j];
    const yj = c[2 * j + 1];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** 1 for each substation / transformer inside any AE zone (all 0 when `active` is false). */
export function flood100yrMembership(
  model: GridModel,
  active: boolean,
): { substations: Uint8Array; transformers: Uint8Array } {
  const t = model.tables;
  const substations = new Uint8Array(t.substations.size);
  const transformers = new Uint8Array(t.transformers.size);
  if (!active) return { substations, transformers };
  const zones = t.flood_zones;
  const ae: { ring: number; bbox: [number, number, number, number] }[] = [];
  for (let z = 0; z < zones.size; z++)
    if (zones.cols.zone[z] === 0) ae.push({ ring: z, bbox: shapeBounds(zones.shapes!, z) });
  const test = (lon: number, lat: number) =>
    ae.some(
      ({ ring, bbox }) =>
        lon >= bbox[0] &&
        lon <= bbox[2] &&
        lat >= bbox[1] &&
        lat <= bbox[3] &&
        inRing(zones.shapes!, ring, lon, lat),
    );
  for (let s = 0; s < t.substations.size; s++)
    substations[s] = test(t.substations.cols.lon[s], t.substations.cols.lat[s]) ? 1 : 0;
  for (let x = 0; x < t.transformers.size; x++)
    transformers[x] = test(t.transformers.cols.lon[x], t.transformers.cols.lat[x]) ? 1 : 0;
  return { substations, transformers };
}
