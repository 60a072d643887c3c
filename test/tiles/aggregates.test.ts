import { describe, expect, it } from 'vitest';
import { generateGrid } from '../../src/generator/generate.ts';
import { mapLayer } from '../../src/tiles/layer-catalogue.ts';
import { latToWorldY, lonToWorldX, tileRange } from '../../src/tiles/tile-math.ts';
import { TileService } from '../../src/tiles/tile-service.ts';
import { pointRowsInTile } from './brute-force.ts';
import { decodeLayer } from './decode.ts';

const model = generateGrid({ scale: 'sample', seed: 5 });
const t = model.tables;
const tiles = new TileService(model);

/** Every tile over the region at zoom z. */
function regionTiles(z: number): [number, number][] {
  const { x0, x1, y0, y1 } = tileRange(model.meta.region, z);
  const out: [number, number][] = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push([x, y]);
  return out;
}

/** Mean vertex of each building's ring: the point its aggregate counts it at. */
function buildingCentres(): { lon: Float64Array; lat: Float64Array } {
  const { offsets, coords } = t.buildings.shapes!;
  const lon = new Float64Array(t.buildings.size);
  const lat = new Float64Array(t.buildings.size);
  for (let b = 0; b < t.buildings.size; b++) {
    const n = offsets[b + 1] - offsets[b];
    for (let p = offsets[b]; p < offsets[b + 1]; p++) {
      lon[b] += coords[2 * p] / n;
      lat[b] += coords[2 * p + 1] / n;
    }
  }
  return { lon, lat };
}

describe('aggregates below detailMinzoom', () => {
  const customersPerMeter = new Uint32Array(t.meters.size);
  for (const m of t.customers.cols.meter) customersPerMeter[m]++;

  it.each([10, 12, 13, 15])('meters at z%i: cell counts sum to the meters in each tile', (z) => {
    expect(z).toBeLessThan(mapLayer('meters')!.detailMinzoom);
    let total = 0;
    for (const [x, y] of regionTiles(z)) {
      const features = decodeLayer(tiles.getTile('meters', z, x, y).body, 'meters').features;
      const rows = pointRowsInTile(t.meters.cols.lon, t.meters.cols.lat, z, x, y);
      const count = features.reduce((s, f) => s + Number(f.properties.count), 0);
      expect(count).toBe(rows.length);
      const customers = features.reduce((s, f) => s + Number(f.properties.customers), 0);
      expect(customers).toBe(rows.reduce((s, r) => s + customersPerMeter[r], 0));
      expect(features.length).toBeLessThanOrEqual(32 * 32);
      for (const f of features) {
        expect(f.type).toBe(1);
        const [[[px, py]]] = f.geometry;
        // One point per cell, in the cell its id names (row · 32 + column + 1; rounding may
        // put it on the cell's far edge).
        const col = (f.id! - 1) % 32;
        const row = Math.floor((f.id! - 1) / 32);
        expect(px).toBeGreaterThanOrEqual(col * 128);
        expect(px).toBeLessThanOrEqual(col * 128 + 128);
        expect(py).toBeGreaterThanOrEqual(row * 128);
        expect(py).toBeLessThanOrEqual(row * 128 + 128);
      }
      total += count;
    }
    expect(total).toBe(t.meters.size);
  });

  it('buildings at z12 and z13: counts and customers per tile match a scan of the footprints', () => {
    const { lon, lat } = buildingCentres();
    const customersPerBuilding = new Uint32Array(t.buildings.size);
    for (const b of t.customers.cols.building) customersPerBuilding[b]++;
    for (const z of [12, 13]) {
      let total = 0;
      for (const [x, y] of regionTiles(z)) {
        const features = decodeLayer(tiles.getTile('buildings', z, x, y).body, 'buildings').features;
        const rows = pointRowsInTile(lon, lat, z, x, y);
        expect(features.reduce((s, f) => s + Number(f.properties.count), 0)).toBe(rows.length);
        expect(features.reduce((s, f) => s + Number(f.properties.customers), 0)).toBe(
          rows.reduce((s, r) => s + customersPerBuilding[r], 0),
        );
        total += rows.length;
      }
      expect(total).toBe(t.buildings.size);
    }
  });

  it('puts a cell at the mean position of its features', () => {
    // At z10 the sample grid fits a few cells; check one cell's position against its meters.
    const [x, y] = regionTiles(10)[0];
    const features = decodeLayer(tiles.getTile('transformers', 10, x, y).body, 'transformers').features;
    const n = 2 ** 10;
    for (const f of features.slice(0, 5)) {
      const cell = f.id! - 1;
      const rows = pointRowsInTile(t.transformers.cols.lon, t.transformers.cols.lat, 10, x, y).filter((r) => {
        const px = (lonToWorldX(t.transformers.cols.lon[r]) * n - x) * 4096;
        const py = (latToWorldY(t.transformers.cols.lat[r]) * n - y) * 4096;
        return Math.floor(px / 128) + 32 * Math.floor(py / 128) === cell;
      });
      expect(rows.length).toBe(f.properties.count);
      const meanX =
        rows.reduce((s, r) => s + (lonToWorldX(t.transformers.cols.lon[r]) * n - x) * 4096, 0) / rows.length;
      const meanY =
        rows.reduce((s, r) => s + (latToWorldY(t.transformers.cols.lat[r]) * n - y) * 4096, 0) / rows.length;
      expect(f.geometry[0][0]).toEqual([Math.round(meanX), Math.round(meanY)]);
    }
  });

  it('draws feeders below z13 as one pixel-snapped line per circuit', () => {
    const z = 11;
    const sectionsOf = new Uint32Array(t.feeders.size);
    for (const f of t.line_sections.cols.feeder) sectionsOf[f]++;
    const seen = new Set<number>();
    for (const [x, y] of regionTiles(z)) {
      const features = decodeLayer(tiles.getTile('feeders', z, x, y).body, 'feeders').features;
      for (const f of features) {
        const feeder = f.id! - 1;
        seen.add(feeder);
        expect(f.type).toBe(2);
        expect(f.properties).toMatchObject({
          id: t.feeders.ids[feeder],
          circuit: feeder,
          sections: sectionsOf[feeder],
        });
        // Vertices lie on the 8-unit pixel grid, except where a line is cut at the buffer edge.
        for (const part of f.geometry) {
          for (const [px, py] of part) {
            if (px > -64 && px < 4160 && py > -64 && py < 4160) expect([px % 8, py % 8]).toEqual([0, 0]);
          }
        }
      }
    }
    expect(seen.size).toBe(t.feeders.size);
  });

  it('returns empty tiles below a layer’s minzoom', () => {
    const tile = tiles.getTile('buildings', 9, 0, 0);
    expect(tile.body.length).toBe(0);
    expect(tile.features).toBe(0);
  });
});
