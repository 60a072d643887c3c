/**
 * A map layer ready to tile: its rows' geometry (lon/lat points or paths/rings), a flatbush index
 * over their lon/lat bounding boxes, their properties, per-row minimum zooms (road classes) and
 * its low-zoom aggregates (cell pyramid or per-circuit lines). Built once per TileService.
 */
import Flatbush from 'flatbush';
import type { GridModel } from '../model/grid-model.ts';
import type { ShapeColumn } from '../model/table.ts';
import { CellPyramid } from './cell-aggregates.ts';
import { GroupedLines } from './circuit-lines.ts';
import type { MapLayer } from './layer-catalogue.ts';
import {
  aggregateSums,
  lineGroups,
  rowProperties,
  type RowProperties,
  type TileState,
} from './layer-properties.ts';
import { latToWorldY, lonToWorldX } from './tile-math.ts';

/** Minimum zoom of each road class (freeway, arterial, local): thinning of the road layer. */
export const ROAD_CLASS_MINZOOM = [0, 10, 13] as const;

/**
 * The index stores boxes as Float32 (half the memory of Float64); queries are widened by this
 * much (above the Float32 rounding of any longitude) and features are then tested exactly.
 */
export const INDEX_PAD_DEG = 1e-5;

export interface LayerSource {
  readonly layer: MapLayer;
  readonly size: number;
  /** Over each row's lon/lat bounding box; null for an empty table. */
  readonly index: Flatbush | null;
  /** Point layers: position of each row. */
  readonly lon?: Float64Array;
  readonly lat?: Float64Array;
  /** Line and polygon layers: each row's path or open ring, lon/lat. */
  readonly shapes?: ShapeColumn;
  readonly properties: RowProperties;
  /** Zoom from which each row is drawn (absent: from the layer's minzoom). */
  readonly rowMinZoom?: Uint8Array;
  /** Aggregates below detailMinzoom: density cells … */
  readonly cells?: CellPyramid;
  /** … or, for grouped line layers, one line per group. */
  readonly groupedLines?: GroupedLines;
}

/** Line sections drawn as 2-point lines between their from and to nodes. */
function sectionShapes(model: GridModel): ShapeColumn {
  const { from_node, to_node } = model.tables.line_sections.cols;
  const { lon, lat } = model.tables.dist_nodes.cols;
  const n = from_node.length;
  const offsets = Uint32Array.from({ length: n + 1 }, (_, i) => 2 * i);
  const coords = new Float64Array(4 * n);
  for (let s = 0; s < n; s++) {
    coords[4 * s] = lon[from_node[s]];
    coords[4 * s + 1] = lat[from_node[s]];
    coords[4 * s + 2] = lon[to_node[s]];
    coords[4 * s + 3] = lat[to_node[s]];
  }
  return { offsets, coords };
}

function indexPoints(lon: Float64Array, lat: Float64Array): Flatbush | null {
  if (lon.length === 0) return null;
  const index = new Flatbush(lon.length, 16, Float32Array);
  for (let i = 0; i < lon.length; i++) index.add(lon[i], lat[i], lon[i], lat[i]);
  index.finish();
  return index;
}

function indexShapes(shapes: ShapeColumn, size: number): Flatbush | null {
  if (size === 0) return null;
  const index = new Flatbush(size, 16, Float32Array);
  const { offsets, coords } = shapes;
  for (let i = 0; i < size; i++) {
    let w = Infinity;
    let s = Infinity;
    let e = -Infinity;
    let n = -Infinity;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const x = coords[2 * p];
      const y = coords[2 * p + 1];
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
    index.add(w, s, e, n);
  }
  index.finish();
  return index;
}

/** World coordinates of each row's representative point: the point, or the mean of the shape's vertices. */
function representativePoints(
  size: number,
  lon: Float64Array | undefined,
  lat: Float64Array | undefined,
  shapes: ShapeColumn | undefined,
): { worldX: Float64Array; worldY: Float64Array } {
  const worldX = new Float64Array(size);
  const worldY = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let x = 0;
    let y = 0;
    if (lon && lat) {
      x = lon[i];
      y = lat[i];
    } else if (shapes) {
      const a = shapes.offsets[i];
      const b = shapes.offsets[i + 1];
      for (let p = a; p < b; p++) {
        x += shapes.coords[2 * p];
        y += shapes.coords[2 * p + 1];
      }
      x /= b - a;
      y /= b - a;
    }
    worldX[i] = lonToWorldX(x);
    worldY[i] = latToWorldY(y);
  }
  return { worldX, worldY };
}

/** Builds the tiling source of map layer `layer` from the model and its derived state. */
export function buildLayerSource(model: GridModel, state: TileState, layer: MapLayer): LayerSource {
  const table = model.tables[layer.table];
  const size = table.size;
  const properties = rowProperties(model, state, layer.id);
  let lon: Float64Array | undefined;
  let lat: Float64Array | undefined;
  let shapes: ShapeColumn | undefined;
  let index: Flatbush | null;
  if (layer.geometry === 'point') {
    const cols = table.cols as unknown as { lon?: Float64Array; lat?: Float64Array };
    if (!cols.lon || !cols.lat)
      throw new Error(`tiles: table ${layer.table} has no lon/lat for layer ${layer.id}`);
    lon = cols.lon;
    lat = cols.lat;
    index = indexPoints(lon, lat);
  } else {
    shapes = layer.table === 'line_sections' ? sectionShapes(model) : table.shapes;
    if (!shapes) throw new Error(`tiles: table ${layer.table} has no shapes for layer ${layer.id}`);
    index = indexShapes(shapes, size);
  }
  let rowMinZoom: Uint8Array | undefined;
  if (layer.table === 'roads') {
    rowMinZoom = Uint8Array.from(model.tables.roads.cols.class, (c) => ROAD_CLASS_MINZOOM[c] ?? 0);
  }
  let cells: CellPyramid | undefined;
  let groupedLines: GroupedLines | undefined;
  if (layer.detailMinzoom > layer.minzoom) {
    const groups = shapes && layer.geometry === 'line' ? lineGroups(model, state, layer.id) : undefined;
    if (shapes && groups) {
      groupedLines = new GroupedLines(shapes, groups, layer.minzoom, layer.detailMinzoom - 1);
    } else {
      const { worldX, worldY } = representativePoints(size, lon, lat, shapes);
      cells = new CellPyramid(
        worldX,
        worldY,
        aggregateSums(model, layer.id),
        layer.minzoom,
        layer.detailMinzoom - 1,
      );
    }
  }
  return { layer, size, index, lon, lat, shapes, properties, rowMinZoom, cells, groupedLines };
}
