/** Customers and the map context around the grid: buildings, water, trees, flood zones, service areas, roads. */
import type { TableSpec } from './table.ts';

const pointCols = { lon: { kind: 'f64' }, lat: { kind: 'f64' } } as const;

export const CUSTOMERS = {
  name: 'customers',
  idPrefix: 'CUST',
  geometry: 'point',
  doc: 'Service points behind each meter, with their load model and critical-load flag.',
  columns: {
    meter: { kind: 'i32', ref: 'meters' },
    building: { kind: 'i32', ref: 'buildings' },
    class: { kind: 'u8', codes: 'customer_class' },
    critical: { kind: 'u8', codes: 'critical_kind' },
    name: { kind: 'text' },
    address: { kind: 'text' },
    /** Demand at the peak of the class profile with no cooling load. */
    base_kw: { kind: 'f64' },
    /** Extra demand per °C above the cooling balance point, at the peak of the cooling profile. */
    cooling_kw_per_c: { kind: 'f64' },
    ...pointCols,
  },
} as const satisfies TableSpec;

export const BUILDINGS = {
  name: 'buildings',
  idPrefix: 'BLDG',
  geometry: 'polygon',
  doc: 'Building footprints with height.',
  columns: {
    kind: { kind: 'u8', codes: 'building_kind' },
    height_m: { kind: 'f32' },
  },
} as const satisfies TableSpec;

export const WATER_BODIES = {
  name: 'water_bodies',
  idPrefix: 'WTR',
  geometry: 'polygon',
  doc: 'Bayous (as reaches), ponds and lakes.',
  columns: {
    kind: { kind: 'u8', codes: 'water_kind' },
    name: { kind: 'text' },
  },
} as const satisfies TableSpec;

export const TREES = {
  name: 'trees',
  idPrefix: 'TREE',
  geometry: 'point',
  doc: 'Trees near overhead lines, with the nearest section and the horizontal clearance to it.',
  columns: {
    species: { kind: 'u8', codes: 'tree_species' },
    height_m: { kind: 'f32' },
    section: { kind: 'i32', ref: 'line_sections' },
    clearance_m: { kind: 'f32' },
    ...pointCols,
  },
} as const satisfies TableSpec;

export const FLOOD_ZONES = {
  name: 'flood_zones',
  idPrefix: 'FLD',
  geometry: 'polygon',
  doc: 'Flood hazard areas along the water courses.',
  columns: {
    zone: { kind: 'u8', codes: 'flood_zone' },
  },
} as const satisfies TableSpec;

export const SERVICE_AREAS = {
  name: 'service_areas',
  idPrefix: 'SA',
  geometry: 'polygon',
  doc: 'Territory served by each substation.',
  columns: {
    substation: { kind: 'i32', ref: 'substations' },
  },
} as const satisfies TableSpec;

export const ROADS = {
  name: 'roads',
  idPrefix: 'RD',
  geometry: 'path',
  doc: 'Road centrelines: the skeleton the feeders follow.',
  columns: {
    class: { kind: 'u8', codes: 'road_class' },
    name: { kind: 'text' },
  },
} as const satisfies TableSpec;
