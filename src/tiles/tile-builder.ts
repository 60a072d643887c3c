/**
 * Builds one layer of one tile: nothing below the layer's minzoom, aggregates below its
 * detailMinzoom, features from there on. Features are found through the layer's flatbush index,
 * projected to tile units, clipped to the tile plus its buffer, quantized and simplified;
 * lines and polygons smaller than a pixel are thinned out.
 */
import { clipLine, clipRing, type ClipBox } from './clip.ts';
import { INDEX_PAD_DEG, type LayerSource } from './layer-sources.ts';
import { MvtLayerWriter } from './mvt-encoder.ts';
import { isBelowPixel, quantizeExteriorRing, quantizeLine } from './simplify.ts';
import { TILE_BUFFER_UNITS, TILE_EXTENT, TileProjection, tileBboxLonLat } from './tile-math.ts';

/** Rows whose lon/lat box meets tile z/x/y with its buffer, in row order. */
export function candidateRows(source: LayerSource, z: number, x: number, y: number): Uint32Array {
  if (!source.index) return new Uint32Array(0);
  const [w, s, e, n] = tileBboxLonLat(z, x, y, TILE_BUFFER_UNITS);
  const rows = source.index.search(
    w - INDEX_PAD_DEG,
    s - INDEX_PAD_DEG,
    e + INDEX_PAD_DEG,
    n + INDEX_PAD_DEG,
  );
  return Uint32Array.from(rows).sort();
}

/** Writes the point features of `rows` lying in the buffered tile. */
function writePoints(
  source: LayerSource,
  rows: Uint32Array,
  proj: TileProjection,
  box: ClipBox,
  out: MvtLayerWriter,
): void {
  const lon = source.lon!;
  const lat = source.lat!;
  const point = [0, 0];
  for (const r of rows) {
    const px = proj.x(lon[r]);
    const py = proj.y(lat[r]);
    if (px < box.min || px > box.max || py < box.min || py > box.max) continue;
    point[0] = Math.round(px);
    point[1] = Math.round(py);
    out.addPoints(r + 1, point, source.properties(r));
  }
}

/** Writes the line or polygon features of `rows` meeting the buffered tile. */
function writeShapes(
  source: LayerSource,
  rows: Uint32Array,
  proj: TileProjection,
  box: ClipBox,
  out: MvtLayerWriter,
): void {
  const { offsets, coords } = source.shapes!;
  const polygon = source.layer.geometry === 'polygon';
  const minZoom = source.rowMinZoom;
  const scratch: number[] = [];
  for (const r of rows) {
    if (minZoom && proj.z < minZoom[r]) continue;
    scratch.length = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let p = offsets[r]; p < offsets[r + 1]; p++) {
      const px = proj.x(coords[2 * p]);
      const py = proj.y(coords[2 * p + 1]);
      scratch.push(px, py);
      if (px < minX) minX = px;
      if (px > maxX) maxX = px;
      if (py < minY) minY = py;
      if (py > maxY) maxY = py;
    }
    if (maxX < box.min || minX > box.max || maxY < box.min || minY > box.max) continue;
    if (isBelowPixel(maxX - minX, maxY - minY)) continue;
    const inside = minX >= box.min && maxX <= box.max && minY >= box.min && maxY <= box.max;
    if (polygon) {
      const ring = quantizeExteriorRing(inside ? scratch : clipRing(scratch, box));
      if (ring) out.addPolygon(r + 1, [ring], source.properties(r));
    } else {
      const parts: number[][] = [];
      for (const part of inside ? [scratch] : clipLine(scratch, box)) {
        const q = quantizeLine(part);
        if (q) parts.push(q);
      }
      if (parts.length > 0) out.addLines(r + 1, parts, source.properties(r));
    }
  }
}

/**
 * The MVT layer of `source` for tile z/x/y (named after the map layer id), or an empty writer
 * below the layer's minzoom; its `size` is the number of features (or aggregate cells) written.
 */
export function buildTileLayer(source: LayerSource, z: number, x: number, y: number): MvtLayerWriter {
  const { layer } = source;
  const out = new MvtLayerWriter(layer.id, TILE_EXTENT);
  if (z < layer.minzoom) return out;
  if (z < layer.detailMinzoom && source.cells) {
    source.cells.writeTile(z, x, y, out);
    return out;
  }
  if (z < layer.detailMinzoom && source.groupedLines) {
    source.groupedLines.writeTile(z, x, y, out);
    return out;
  }
  const rows = candidateRows(source, z, x, y);
  const proj = new TileProjection(z, x, y, TILE_EXTENT);
  const box = { min: -TILE_BUFFER_UNITS, max: TILE_EXTENT + TILE_BUFFER_UNITS };
  if (layer.geometry === 'point') writePoints(source, rows, proj, box, out);
  else writeShapes(source, rows, proj, box, out);
  return out;
}
