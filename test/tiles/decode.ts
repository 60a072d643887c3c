/**
 * Test helpers: decodes MVT bytes with the reference decoder (@mapbox/vector-tile + pbf) into
 * plain objects, and reads the raw key/value tables of a layer.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

export interface DecodedFeature {
  id: number | undefined;
  type: number;
  properties: Record<string, number | string | boolean>;
  /** Rings or parts (points: one part per point), as [x, y] pairs. */
  geometry: [number, number][][];
}

export interface DecodedLayer {
  name: string;
  version: number;
  extent: number;
  features: DecodedFeature[];
}

/** Every layer of the tile, by name. */
export function decodeTile(body: Uint8Array): Record<string, DecodedLayer> {
  const tile = new VectorTile(new PbfReader(body));
  const out: Record<string, DecodedLayer> = {};
  for (const [name, layer] of Object.entries(tile.layers)) {
    const features: DecodedFeature[] = [];
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      features.push({
        id: f.id,
        type: f.type,
        properties: f.properties,
        geometry: f.loadGeometry().map((part) => part.map((p): [number, number] => [p.x, p.y])),
      });
    }
    out[name] = { name: layer.name, version: layer.version, extent: layer.extent, features };
  }
  return out;
}

/** The one layer `name` of a tile (an empty layer when the tile has none). */
export function decodeLayer(body: Uint8Array, name: string): DecodedLayer {
  return decodeTile(body)[name] ?? { name, version: 2, extent: 4096, features: [] };
}

/** Keys and values tables of each layer, read field by field (to check deduplication). */
export function rawKeysAndValues(body: Uint8Array): { keys: string[]; values: unknown[] }[] {
  const pbf = new PbfReader(body);
  const layers: { keys: string[]; values: unknown[] }[] = [];
  pbf.readFields((tag, _acc, p) => {
    if (tag !== 3) return;
    const layer = { keys: [] as string[], values: [] as unknown[] };
    p.readMessage((lt, l, lp) => {
      if (lt === 3) l.keys.push(lp.readString());
      else if (lt === 4) {
        const v: { value?: unknown } = {};
        lp.readMessage((vt, obj, vp) => {
          if (vt === 1) obj.value = vp.readString();
          else if (vt === 3) obj.value = vp.readDouble();
          else if (vt === 5) obj.value = vp.readVarint();
          else if (vt === 6) obj.value = vp.readSVarint();
          else if (vt === 7) obj.value = vp.readBoolean();
        }, v);
        l.values.push(v.value);
      }
    }, layer);
    layers.push(layer);
  }, null);
  return layers;
}

/** Signed area by the MVT spec's surveyor's formula (positive: exterior ring). */
export function specRingArea(ring: [number, number][]): number {
  let sum = 0;
  const n =
    ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]
      ? ring.length - 1
      : ring.length;
  for (let i = 0; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % n];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}
