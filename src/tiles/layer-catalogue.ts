/**
 * The map's layers: what each shows, from which table, at which zooms, and how the web app draws
 * and explains it. One list serves the tile server, the /api/layers catalogue and the legend.
 */
import type { TableName } from '../model/grid-model.ts';

export type LayerGeometry = 'point' | 'line' | 'polygon';
/** basemap: drawn by MapLibre under everything; grid: deck.gl, pickable; context: MapLibre overlays. */
export type LayerGroup = 'basemap' | 'context' | 'grid';

export interface LegendEntry {
  label: string;
  /** CSS colour. */
  color: string;
}

export interface MapLayer {
  id: string;
  title: string;
  table: TableName;
  geometry: LayerGeometry;
  group: LayerGroup;
  /** No tiles below this zoom. */
  minzoom: number;
  /** Below this zoom (and at or above minzoom) tiles carry aggregates instead of features. */
  detailMinzoom: number;
  defaultVisible: boolean;
  legend: LegendEntry[];
  doc: string;
}

export const MAX_TILE_ZOOM = 18;

export const MAP_LAYERS: readonly MapLayer[] = [
  {
    id: 'service_areas',
    title: 'Service areas',
    table: 'service_areas',
    geometry: 'polygon',
    group: 'context',
    minzoom: 0,
    detailMinzoom: 0,
    defaultVisible: false,
    legend: [{ label: 'Substation territory', color: '#5b6b8c' }],
    doc: 'Territory served by each substation.',
  },
  {
    id: 'flood_zones',
    title: 'Flood zones',
    table: 'flood_zones',
    geometry: 'polygon',
    group: 'context',
    minzoom: 0,
    detailMinzoom: 0,
    defaultVisible: false,
    legend: [
      { label: '100-year (AE)', color: '#2f6db3' },
      { label: '500-year (X)', color: '#7aa7d9' },
    ],
    doc: 'Flood hazard areas along the bayous.',
  },
  {
    id: 'water',
    title: 'Water',
    table: 'water_bodies',
    geometry: 'polygon',
    group: 'basemap',
    minzoom: 0,
    detailMinzoom: 0,
    defaultVisible: true,
    legend: [{ label: 'Bayous, lakes, ponds', color: '#1f4e79' }],
    doc: 'Bayous, lakes and detention ponds.',
  },
  {
    id: 'roads',
    title: 'Roads',
    table: 'roads',
    geometry: 'line',
    group: 'basemap',
    minzoom: 0,
    detailMinzoom: 0,
    defaultVisible: true,
    legend: [
      { label: 'Freeway', color: '#8a8f98' },
      { label: 'Arterial', color: '#5d626b' },
      { label: 'Local street', color: '#3a3e45' },
    ],
    doc: 'Road centrelines; local streets from zoom 13.',
  },
  {
    id: 'buildings',
    title: 'Buildings',
    table: 'buildings',
    geometry: 'polygon',
    group: 'basemap',
    minzoom: 10,
    detailMinzoom: 14,
    defaultVisible: true,
    legend: [{ label: 'Building (3D from zoom 15)', color: '#4a4f57' }],
    doc: 'Building footprints with height; density cells below zoom 14.',
  },
  {
    id: 'trees',
    title: 'Trees / vegetation risk',
    table: 'trees',
    geometry: 'point',
    group: 'grid',
    minzoom: 10,
    detailMinzoom: 14,
    defaultVisible: false,
    legend: [
      { label: 'Clearance < 3 m', color: '#e4572e' },
      { label: 'Clearance 3–8 m', color: '#f3a712' },
      { label: 'Clearance > 8 m', color: '#4caf50' },
    ],
    doc: 'Trees beside overhead lines, coloured by clearance to the conductor.',
  },
  {
    id: 'feeders',
    title: 'Feeders',
    table: 'line_sections',
    geometry: 'line',
    group: 'grid',
    minzoom: 8,
    // Sections one by one make downtown tiles too big below 13 (metro: 474 KB at z12, 1.7 MB at
    // z10 on the city grid); there tiles carry one pixel-snapped line per circuit instead.
    detailMinzoom: 13,
    defaultVisible: true,
    legend: [
      { label: 'Overhead section (colour = circuit)', color: '#36c5f0' },
      { label: 'Underground section', color: '#9b8cff' },
    ],
    doc: 'Primary line sections coloured by circuit; one line per circuit below zoom 13.',
  },
  {
    id: 'transmission_lines',
    title: 'Transmission lines',
    table: 'transmission_lines',
    geometry: 'line',
    group: 'grid',
    minzoom: 0,
    detailMinzoom: 0,
    defaultVisible: true,
    legend: [
      { label: '138 kV', color: '#ffd400' },
      { label: '345 kV and above', color: '#ff6f00' },
    ],
    doc: 'Transmission lines by voltage.',
  },
  {
    id: 'poles',
    title: 'Poles',
    table: 'poles',
    geometry: 'point',
    group: 'grid',
    minzoom: 10,
    detailMinzoom: 15,
    defaultVisible: false,
    legend: [{ label: 'Pole', color: '#a1887f' }],
    doc: 'Distribution poles.',
  },
  {
    id: 'meters',
    title: 'Meters',
    table: 'meters',
    geometry: 'point',
    group: 'grid',
    minzoom: 10,
    detailMinzoom: 16,
    defaultVisible: false,
    legend: [{ label: 'Smart meter', color: '#80deea' }],
    doc: 'Smart meters; counts per cell below zoom 16.',
  },
  {
    id: 'customers',
    title: 'Customers',
    table: 'customers',
    geometry: 'point',
    group: 'grid',
    minzoom: 10,
    detailMinzoom: 16,
    defaultVisible: false,
    legend: [
      { label: 'Residential', color: '#90caf9' },
      { label: 'Commercial', color: '#ce93d8' },
      { label: 'Industrial', color: '#ffab91' },
      { label: 'Critical (hospital, water, emergency)', color: '#ff1744' },
    ],
    doc: 'Customers by class; critical loads highlighted.',
  },
  {
    id: 'transformers',
    title: 'Transformers',
    table: 'transformers',
    geometry: 'point',
    group: 'grid',
    minzoom: 10,
    detailMinzoom: 14,
    defaultVisible: true,
    legend: [
      { label: 'Loading < 80 %', color: '#66bb6a' },
      { label: 'Loading 80–100 %', color: '#ffca28' },
      { label: 'Loading > 100 %', color: '#ef5350' },
    ],
    doc: 'Service transformers coloured by base-case loading.',
  },
  {
    id: 'protective_devices',
    title: 'Protective devices',
    table: 'protective_devices',
    geometry: 'point',
    group: 'grid',
    minzoom: 11,
    detailMinzoom: 13,
    defaultVisible: false,
    legend: [
      { label: 'Breaker', color: '#ff5252' },
      { label: 'Recloser', color: '#ffb300' },
      { label: 'Fuse', color: '#b0bec5' },
    ],
    doc: 'Breakers, reclosers and fuses.',
  },
  {
    id: 'switches',
    title: 'Switches',
    table: 'switches',
    geometry: 'point',
    group: 'grid',
    minzoom: 10,
    detailMinzoom: 12,
    defaultVisible: true,
    legend: [
      { label: 'Closed sectionalizer', color: '#e0e0e0' },
      { label: 'Open tie', color: '#ff4081' },
    ],
    doc: 'Sectionalizing switches and normally-open ties between feeders.',
  },
  {
    id: 'substations',
    title: 'Substations',
    table: 'substations',
    geometry: 'point',
    group: 'grid',
    minzoom: 0,
    detailMinzoom: 0,
    defaultVisible: true,
    legend: [{ label: 'Substation (size = capacity)', color: '#ff3d3d' }],
    doc: 'Distribution substations.',
  },
  {
    id: 'generators',
    title: 'Generating plants',
    table: 'generators',
    geometry: 'point',
    group: 'grid',
    minzoom: 0,
    detailMinzoom: 0,
    defaultVisible: true,
    legend: [{ label: 'Plant', color: '#ffa000' }],
    doc: 'Generating plants on the transmission network.',
  },
];

export function mapLayer(id: string): MapLayer | undefined {
  return MAP_LAYERS.find((l) => l.id === id);
}
