/**
 * Content hash of a GridModel: SHA-256 over the metadata and every table's ids, columns and
 * shapes in TABLE_SPECS order. Same seed and scale must give the same hash.
 */
import { createHash } from 'node:crypto';
import { TABLE_SPECS, type GridModel } from './grid-model.ts';
import type { ColumnArray } from './columns.ts';

function feedColumn(hash: ReturnType<typeof createHash>, col: ColumnArray): void {
  if (Array.isArray(col)) {
    for (const s of col) hash.update(s).update('\u0000');
    return;
  }
  hash.update(new Uint8Array(col.buffer, col.byteOffset, col.byteLength));
}

export function modelContentHash(model: GridModel): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(model.meta));
  for (const spec of TABLE_SPECS) {
    const table = model.tables[spec.name];
    hash.update(`\u0001${spec.name}:${table.size}\u0001`);
    feedColumn(hash, table.ids);
    for (const name of Object.keys(spec.columns)) {
      hash.update(`\u0002${name}`);
      feedColumn(hash, (table.cols as Record<string, ColumnArray>)[name]);
    }
    if (table.shapes) {
      feedColumn(hash, table.shapes.offsets as unknown as Int32Array);
      feedColumn(hash, table.shapes.coords);
    }
  }
  return hash.digest('hex');
}
