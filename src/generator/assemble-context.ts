/** Assembles customers and the map-context tables (buildings, water, trees, flood, service areas, roads). */
import type { GridTables } from '../model/grid-model.ts';
import { makeId } from '../model/ids.ts';
import {
  BUILDINGS,
  CUSTOMERS,
  FLOOD_ZONES,
  ROADS,
  SERVICE_AREAS,
  TREES,
  WATER_BODIES,
} from '../model/schema-context.ts';
import { TableBuilder } from '../model/table.ts';
import type { BuildingSites, CustomerSites } from './land-use.ts';
import type { Roads } from './roads.ts';
import type { TreeSites } from './vegetation.ts';
import type { Polygons } from './water-and-flood.ts';

export interface ContextParts {
  customers: CustomerSites;
  buildings: BuildingSites;
  water: Polygons;
  flood: Polygons;
  roads: Roads;
  trees: TreeSites;
  /** Ring per substation, flat km [x, y, ...]. */
  serviceAreas: number[][];
}

type ContextTables = Pick<
  GridTables,
  'customers' | 'buildings' | 'water_bodies' | 'trees' | 'flood_zones' | 'service_areas' | 'roads'
>;

export function assembleContext(
  p: ContextParts,
  lon: (x_km: number) => number,
  lat: (y_km: number) => number,
): ContextTables {
  const shape = (flat: ArrayLike<number>, from = 0, to = flat.length) => {
    const out = new Array<number>(to - from);
    for (let k = from; k < to; k += 2) {
      out[k - from] = lon(flat[k]);
      out[k - from + 1] = lat(flat[k + 1]);
    }
    return out;
  };

  const c = p.customers;
  const customers = new TableBuilder(CUSTOMERS, c.count);
  for (let i = 0; i < c.count; i++) {
    customers.add(makeId('CUST', i + 1, 7), {
      meter: i,
      building: c.building[i],
      class: c.cls[i],
      critical: c.critical[i],
      name: c.name[i],
      address: c.address[i],
      base_kw: c.base_kw[i],
      cooling_kw_per_c: c.cooling_kw_per_c[i],
      lon: lon(c.x_km[i]),
      lat: lat(c.y_km[i]),
    });
  }

  const b = p.buildings;
  const buildings = new TableBuilder(BUILDINGS, b.count);
  for (let i = 0; i < b.count; i++) {
    buildings.add(
      makeId('BLDG', i + 1, 7),
      { kind: b.kind[i], height_m: b.height_m[i] },
      shape(b.corners_km, 8 * i, 8 * i + 8),
    );
  }

  const water = new TableBuilder(WATER_BODIES, p.water.rings.length);
  p.water.rings.forEach((ring, i) =>
    water.add(makeId('WTR', i + 1, 5), { kind: p.water.kind[i], name: p.water.name[i] }, shape(ring)),
  );

  const t = p.trees;
  const trees = new TableBuilder(TREES, t.x.length);
  t.x.forEach((x, i) =>
    trees.add(makeId('TREE', i + 1, 6), {
      species: t.species[i],
      height_m: t.height_m[i],
      section: t.section[i],
      clearance_m: t.clearance_m[i],
      lon: lon(x),
      lat: lat(t.y[i]),
    }),
  );

  const flood = new TableBuilder(FLOOD_ZONES, p.flood.rings.length);
  p.flood.rings.forEach((ring, i) =>
    flood.add(makeId('FLD', i + 1, 5), { zone: p.flood.kind[i] }, shape(ring)),
  );

  const areas = new TableBuilder(SERVICE_AREAS, p.serviceAreas.length);
  p.serviceAreas.forEach((ring, s) => areas.add(makeId('SA', s + 1, 4), { substation: s }, shape(ring)));

  const roads = new TableBuilder(ROADS, p.roads.lines.length);
  p.roads.lines.forEach((line, i) =>
    roads.add(makeId('RD', i + 1, 6), { class: p.roads.cls[i], name: p.roads.name[i] }, shape(line)),
  );

  return {
    customers: customers.finish(),
    buildings: buildings.finish(),
    water_bodies: water.finish(),
    trees: trees.finish(),
    flood_zones: flood.finish(),
    service_areas: areas.finish(),
    roads: roads.finish(),
  };
}
