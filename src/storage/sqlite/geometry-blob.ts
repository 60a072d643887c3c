/**
 * Shape geometry as stored: a BLOB of little-endian Int32 lon/lat pairs in 1e-7 degree units
 * (see ../coords.ts). Typed-array views keep encoding and decoding free of per-value calls.
 */
import { endianness } from 'node:os';
import { COORD_LIMIT_DEG, COORD_SCALE } from '../coords.ts';

// Int32Array views use the host byte order; the file format is little-endian.
if (endianness() !== 'LE') throw new Error('storage: big-endian hosts are not supported');

/** Stored rows that break the format (as opposed to SQLite-level corruption). */
export class StoredDataError extends Error {}

/** Quantizes a table's flat coordinates; throws on NaN or values outside ±180 degrees. */
export function quantizeShapeCoords(coords: Float64Array, table: string): Int32Array {
  const out = new Int32Array(coords.length);
  for (let i = 0; i < coords.length; i++) {
    const deg = coords[i];
    if (!(Math.abs(deg) <= COORD_LIMIT_DEG)) {
      throw new Error(`${table}: shape coordinate ${deg} at ${i} is not a lon/lat in degrees`);
    }
    out[i] = Math.round(deg * COORD_SCALE);
  }
  return out;
}

/** The blob of shape `i`: a view over the table's quantized coordinates (better-sqlite3 copies it). */
export function shapeBlob(quantized: Int32Array, offsets: Uint32Array, i: number): Buffer {
  const from = offsets[i] * 2;
  const to = offsets[i + 1] * 2;
  return Buffer.from(quantized.buffer, quantized.byteOffset + from * 4, (to - from) * 4);
}

/** Int32 lon/lat values of a stored blob (copied when the buffer is not 4-byte aligned). */
export function decodeShapeBlob(blob: Uint8Array): Int32Array {
  if (blob.byteLength % 8 !== 0)
    throw new StoredDataError(`geometry blob of ${blob.byteLength} bytes is not whole lon/lat pairs`);
  if (blob.byteOffset % 4 === 0) return new Int32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);
  return new Int32Array(new Uint8Array(blob).buffer);
}

/** Degrees from stored units; the same expression as quantizeCoord so values match exactly. */
export function unitsToDeg(units: number): number {
  return units / COORD_SCALE;
}
