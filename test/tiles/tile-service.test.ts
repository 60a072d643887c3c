import { describe, expect, it } from 'vitest';
import { generateGrid } from '../../src/generator/generate.ts';
import { codeName } from '../../src/model/codes.ts';
import { BASE_CASE } from '../../src/model/operating-conditions.ts';
import { computeDistributionLoading } from '../../src/powerflow/radial-loading.ts';
import { buildDistributionGraph } from '../../src/topology/distribution-graph.ts';
import { computeEnergization } from '../../src/topology/energization.ts';
import { MAP_LAYERS, mapLayer } from '../../src/tiles/layer-catalogue.ts';
import { TileProjection, tileRange } from '../../src/tiles/tile-math.ts';
import { TileService } from '../../src/tiles/tile-service.ts';
import { pointRowsIn, sectionShapes, shapeRowsMeeting } from './brute-force.ts';
import { decodeLayer, specRingArea } from './decode.ts';

const model = generateGrid({ scale: 'sample', seed: 3 });
const t = model.tables;
const tiles = new TileService(model);
const energization = computeEnergization(model);
const loading = computeDistributionLoading(t, buildDistributionGraph(t), BASE_CASE);

/** The tile at zoom z holding downtown (−95.37, 29.76). */
function downtown(z: number): [number, number] {
  const { x0, y0 } = tileRange([-95.37, 29.76, -95.37, 29.76], z);
  return [x0, y0];
}

const BUFFER = { min: -64, max: 4160 };
/** Slightly inside and outside the buffered tile: features within 1 unit of its edge may go either way. */
const INNER = { min: -63, max: 4159 };
const OUTER = { min: -65, max: 4161 };

const POINT_LAYERS = MAP_LAYERS.filter((l) => l.geometry === 'point');
const SHAPE_LAYERS = MAP_LAYERS.filter((l) => l.geometry !== 'point');

describe('TileService detail tiles (sample grid)', () => {
  for (const z of [15, 16]) {
    const [x, y] = downtown(z);
    it.each(POINT_LAYERS.filter((l) => z >= l.detailMinzoom).map((l) => l.id))(
      `z${z}: %s holds exactly the points in the buffered tile`,
      (id) => {
        const layer = mapLayer(id)!;
        const table = t[layer.table] as unknown as {
          cols: { lon: Float64Array; lat: Float64Array };
          ids: string[];
        };
        const decoded = decodeLayer(tiles.getTile(id, z, x, y).body, id);
        const expected = pointRowsIn(table.cols.lon, table.cols.lat, z, x, y, BUFFER);
        expect(new Set(decoded.features.map((f) => f.id! - 1))).toEqual(expected);
        const proj = new TileProjection(z, x, y);
        for (const f of decoded.features) {
          const r = f.id! - 1;
          expect(f.type).toBe(1);
          expect(f.properties.id).toBe(table.ids[r]);
          expect(f.geometry).toEqual([
            [[Math.round(proj.x(table.cols.lon[r])), Math.round(proj.y(table.cols.lat[r]))]],
          ]);
        }
      },
    );

    it.each(SHAPE_LAYERS.filter((l) => z >= l.detailMinzoom).map((l) => l.id))(
      `z${z}: %s holds the lines/polygons meeting the buffered tile`,
      (id) => {
        const layer = mapLayer(id)!;
        const shapes =
          layer.table === 'line_sections'
            ? sectionShapes(
                t.line_sections.cols.from_node,
                t.line_sections.cols.to_node,
                t.dist_nodes.cols.lon,
                t.dist_nodes.cols.lat,
              )
            : t[layer.table].shapes!;
        const polygon = layer.geometry === 'polygon';
        const decoded = decodeLayer(tiles.getTile(id, z, x, y).body, id);
        const actual = new Set(decoded.features.map((f) => f.id! - 1));
        const certain = shapeRowsMeeting(shapes, polygon, z, x, y, INNER);
        const possible = shapeRowsMeeting(shapes, polygon, z, x, y, OUTER);
        for (const r of certain) expect(actual.has(r), `${t[layer.table].ids[r]} missing`).toBe(true);
        for (const r of actual) expect(possible.has(r), `${t[layer.table].ids[r]} extra`).toBe(true);
        expect(possible.size - certain.size).toBeLessThanOrEqual(2);
        for (const f of decoded.features) {
          expect(f.properties.id).toBe(t[layer.table].ids[f.id! - 1]);
          expect(f.type).toBe(polygon ? 3 : 2);
          for (const part of f.geometry) {
            for (const [px, py] of part) {
              expect(px).toBeGreaterThanOrEqual(BUFFER.min);
              expect(px).toBeLessThanOrEqual(BUFFER.max);
              expect(py).toBeGreaterThanOrEqual(BUFFER.min);
              expect(py).toBeLessThanOrEqual(BUFFER.max);
            }
            if (polygon) expect(specRingArea(part)).toBeGreaterThan(0);
          }
        }
      },
    );
  }

  it('has a downtown z15 tile with features in every dense layer', () => {
    const [x, y] = downtown(15);
    for (const id of ['buildings', 'meters', 'customers', 'transformers', 'feeders', 'roads']) {
      expect(tiles.getTile(id, 15, x, y).features, id).toBeGreaterThan(0);
    }
  });

  it('round-trips ids and properties computed from the model', () => {
    const [x, y] = downtown(15);
    const tx = decodeLayer(tiles.getTile('transformers', 15, x, y).body, 'transformers').features;
    expect(tx.length).toBeGreaterThan(0);
    for (const f of tx) {
      const r = f.id! - 1;
      expect(f.properties).toEqual({
        id: t.transformers.ids[r],
        kva: t.transformers.cols.kva[r],
        loading_pct: Math.round(loading.transformer_pct[r] * 10) / 10,
        energized: energization.transformers![r] === 1,
      });
    }
    const [x16, y16] = downtown(16);
    const customers = decodeLayer(tiles.getTile('customers', 16, x16, y16).body, 'customers').features;
    expect(customers.length).toBeGreaterThan(0);
    for (const f of customers) {
      const r = f.id! - 1;
      expect(f.properties.class).toBe(codeName('customer_class', t.customers.cols.class[r]));
      expect(f.properties.critical).toBe(codeName('critical_kind', t.customers.cols.critical[r]));
      expect(f.properties.energized).toBe(true);
    }
    for (const f of decodeLayer(tiles.getTile('feeders', 15, x, y).body, 'feeders').features) {
      const r = f.id! - 1;
      const feeder = t.line_sections.cols.feeder[r];
      expect(f.properties.feeder).toBe(t.feeders.ids[feeder]);
      expect(f.properties.circuit).toBe(feeder);
      expect(f.properties.overhead).toBe(t.line_sections.cols.overhead[r] === 1);
      expect(f.properties.phases).toBe(t.line_sections.cols.phases[r]);
      expect(f.properties.loading_pct).toBe(Math.round(loading.section_pct[r] * 10) / 10);
    }
    const subs = decodeLayer(tiles.getTile('substations', 0, 0, 0).body, 'substations').features;
    expect(subs.length).toBe(t.substations.size);
    for (const f of subs) {
      const r = f.id! - 1;
      let mva = 0;
      t.substation_transformers.cols.substation.forEach(
        (s, k) => (mva += s === r ? t.substation_transformers.cols.rating_mva[k] : 0),
      );
      expect(f.properties.capacity_mva).toBeCloseTo(mva, 1);
      expect(f.properties.name).toBe(t.substations.cols.name[r]);
    }
  });

  it('thins roads by class: freeways always, arterials from z10, local streets from z13', () => {
    const classesAt = (z: number): Set<string> => {
      const out = new Set<string>();
      const { x0, x1, y0, y1 } = tileRange(model.meta.region, z);
      for (let x = x0; x <= x1; x++)
        for (let y = y0; y <= y1; y++)
          for (const f of decodeLayer(tiles.getTile('roads', z, x, y).body, 'roads').features)
            out.add(String(f.properties.class));
      return out;
    };
    expect(classesAt(12).has('local')).toBe(false);
    expect(classesAt(13).has('local')).toBe(true);
    expect(classesAt(9).has('arterial')).toBe(false);
    expect(classesAt(10).has('arterial')).toBe(true);
  });
});
