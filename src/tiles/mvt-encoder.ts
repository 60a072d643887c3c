/**
 * Mapbox Vector Tile (spec 2.1) encoder. A `MvtLayerWriter` collects features of one layer —
 * integer ids, properties as deduplicated key/value index pairs, geometry as command integers
 * (MoveTo / LineTo / ClosePath with zigzag-encoded deltas) — and `encodeMvt` writes the layers
 * as one protobuf tile with `pbf`.
 *
 * Geometry is given in integer tile units. The writer encodes what it is given: clipping,
 * quantization and ring winding (exterior rings with positive area, see ring-geometry.ts) are
 * the caller's job.
 */
import { PbfWriter } from 'pbf';
import { TILE_EXTENT } from './tile-math.ts';

export const MVT_VERSION = 2;

/** Feature geometry types of the spec. */
export const MvtGeometryType = { Point: 1, LineString: 2, Polygon: 3 } as const;
export type MvtGeometryType = (typeof MvtGeometryType)[keyof typeof MvtGeometryType];

export type MvtValue = string | number | boolean;
/** Feature properties; null and undefined values are left out. */
export type MvtProperties = Readonly<Record<string, MvtValue | null | undefined>>;

/** A flat list of integer tile coordinates: [x0, y0, x1, y1, ...]. */
export type FlatPoints = ArrayLike<number>;

const CMD_MOVE_TO = 1;
const CMD_LINE_TO = 2;
const CMD_CLOSE_PATH = 7;

function command(id: number, count: number): number {
  return (id & 0x7) | (count << 3);
}

function zigzag(n: number): number {
  return (n << 1) ^ (n >> 31);
}

/** Collects the features of one MVT layer. */
export class MvtLayerWriter {
  private readonly keys: string[] = [];
  private readonly keyIndex = new Map<string, number>();
  private readonly values: MvtValue[] = [];
  private readonly stringIndex = new Map<string, number>();
  private readonly numberIndex = new Map<number, number>();
  private readonly boolIndex = new Map<boolean, number>();
  /** Per feature: id, geometry type, end of its tags and of its geometry in the flat arrays. */
  private readonly ids: number[] = [];
  private readonly types: number[] = [];
  private readonly tagEnds: number[] = [];
  private readonly geomEnds: number[] = [];
  private readonly tags: number[] = [];
  private readonly geometry: number[] = [];
  private cursorX = 0;
  private cursorY = 0;
  /** Index of the feature being written by writeTo. */
  private writing = 0;

  constructor(
    readonly name: string,
    readonly extent = TILE_EXTENT,
  ) {}

  /** Number of features added. */
  get size(): number {
    return this.ids.length;
  }

  /** Adds a (multi)point feature; `points` holds one or more x, y pairs. */
  addPoints(id: number, points: FlatPoints, properties: MvtProperties): void {
    const n = points.length >> 1;
    if (n === 0) return;
    this.beginFeature();
    this.geometry.push(command(CMD_MOVE_TO, n));
    for (let i = 0; i < n; i++) this.pushPoint(points[2 * i], points[2 * i + 1]);
    this.endFeature(id, MvtGeometryType.Point, properties);
  }

  /** Adds a (multi)line feature; parts with fewer than two points are skipped. */
  addLines(id: number, parts: readonly FlatPoints[], properties: MvtProperties): void {
    const valid = parts.filter((p) => p.length >= 4);
    if (valid.length === 0) return;
    this.beginFeature();
    for (const part of valid) this.pushPath(part, false);
    this.endFeature(id, MvtGeometryType.LineString, properties);
  }

  /**
   * Adds a polygon feature. Rings are open (no repeated closing point), exterior rings with
   * positive area (clockwise with y down), each followed by its holes; rings with fewer than
   * three points are skipped.
   */
  addPolygon(id: number, rings: readonly FlatPoints[], properties: MvtProperties): void {
    const valid = rings.filter((r) => r.length >= 6);
    if (valid.length === 0) return;
    this.beginFeature();
    for (const ring of valid) this.pushPath(ring, true);
    this.endFeature(id, MvtGeometryType.Polygon, properties);
  }

  private beginFeature(): void {
    this.cursorX = 0;
    this.cursorY = 0;
  }

  private pushPoint(x: number, y: number): void {
    this.geometry.push(zigzag(x - this.cursorX), zigzag(y - this.cursorY));
    this.cursorX = x;
    this.cursorY = y;
  }

  private pushPath(points: FlatPoints, close: boolean): void {
    const n = points.length >> 1;
    this.geometry.push(command(CMD_MOVE_TO, 1));
    this.pushPoint(points[0], points[1]);
    this.geometry.push(command(CMD_LINE_TO, n - 1));
    for (let i = 1; i < n; i++) this.pushPoint(points[2 * i], points[2 * i + 1]);
    if (close) this.geometry.push(command(CMD_CLOSE_PATH, 1));
  }

  private endFeature(id: number, type: MvtGeometryType, properties: MvtProperties): void {
    for (const key in properties) {
      const value = properties[key];
      if (value === null || value === undefined) continue;
      this.tags.push(this.keyOf(key), this.valueOf(value));
    }
    this.ids.push(id);
    this.types.push(type);
    this.tagEnds.push(this.tags.length);
    this.geomEnds.push(this.geometry.length);
  }

  private keyOf(key: string): number {
    let k = this.keyIndex.get(key);
    if (k === undefined) {
      k = this.keys.length;
      this.keys.push(key);
      this.keyIndex.set(key, k);
    }
    return k;
  }

  private valueOf(value: MvtValue): number {
    const index: Map<MvtValue, number> =
      typeof value === 'string'
        ? (this.stringIndex as Map<MvtValue, number>)
        : typeof value === 'number'
          ? (this.numberIndex as Map<MvtValue, number>)
          : (this.boolIndex as Map<MvtValue, number>);
    let v = index.get(value);
    if (v === undefined) {
      v = this.values.length;
      this.values.push(value);
      index.set(value, v);
    }
    return v;
  }

  /** Writes this layer's message body (called by encodeMvt). */
  writeTo(pbf: PbfWriter): void {
    pbf.writeVarintField(15, MVT_VERSION);
    pbf.writeStringField(1, this.name);
    for (let f = 0; f < this.ids.length; f++) {
      this.writing = f;
      pbf.writeTag(2, 2);
      pbf.writeRawMessage(this.writeFeature, null);
    }
    for (const key of this.keys) pbf.writeStringField(3, key);
    for (const value of this.values) pbf.writeMessage(4, writeValue, value);
    pbf.writeVarintField(5, this.extent);
  }

  private readonly writeFeature = (_: null, pbf: PbfWriter): void => {
    const f = this.writing;
    pbf.writeVarintField(1, this.ids[f]);
    const tagStart = f > 0 ? this.tagEnds[f - 1] : 0;
    if (this.tagEnds[f] > tagStart) {
      pbf.writeTag(2, 2);
      pbf.writeRawMessage(writeVarints, { arr: this.tags, start: tagStart, end: this.tagEnds[f] });
    }
    pbf.writeVarintField(3, this.types[f]);
    pbf.writeTag(4, 2);
    const geomStart = f > 0 ? this.geomEnds[f - 1] : 0;
    pbf.writeRawMessage(writeVarints, { arr: this.geometry, start: geomStart, end: this.geomEnds[f] });
  };
}

/** Writes arr[start..end) as varints (the body of a packed field). */
function writeVarints(range: { arr: number[]; start: number; end: number }, pbf: PbfWriter): void {
  for (let i = range.start; i < range.end; i++) pbf.writeVarint(range.arr[i]);
}

function writeValue(value: MvtValue, pbf: PbfWriter): void {
  if (typeof value === 'string') pbf.writeStringField(1, value);
  else if (typeof value === 'boolean') pbf.writeBooleanField(7, value);
  else if (Number.isSafeInteger(value)) {
    if (value >= 0) pbf.writeVarintField(5, value);
    else pbf.writeSVarintField(6, value);
  } else pbf.writeDoubleField(3, value);
}

/** Encodes layers as one MVT tile; layers without features are left out (no layers: 0 bytes). */
export function encodeMvt(layers: readonly MvtLayerWriter[]): Uint8Array {
  const pbf = new PbfWriter();
  for (const layer of layers) {
    if (layer.size > 0) pbf.writeMessage(3, (l: MvtLayerWriter, p: PbfWriter) => l.writeTo(p), layer);
  }
  return pbf.finish();
}
