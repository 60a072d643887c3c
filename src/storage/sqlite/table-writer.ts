/** Bulk insert of one model table and its R*Tree, in chunked transactions with progress. */
import type Database from 'better-sqlite3';
import type { TableName } from '../../model/grid-model.ts';
import type { Table } from '../../model/table.ts';
import type { ProgressFn } from '../grid-repository.ts';
import { columnNames, hasGeometry, hasShapes, quoteIdent, rtreeName, storedColumns } from './ddl.ts';
import { quantizeShapeCoords, shapeBlob, unitsToDeg } from './geometry-blob.ts';
import { packRtree } from './rtree-pack.ts';

export const PROGRESS_ROWS = 50_000;

/** Lets timers (progress bars) and signals run between chunks. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function writeTable(
  db: Database.Database,
  table: Table,
  onProgress?: ProgressFn,
): Promise<void> {
  const { spec, size, ids } = table;
  const name = spec.name as TableName;
  const cols = columnNames(spec).map((c) => (table.cols as Record<string, ArrayLike<number | string>>)[c]);
  const stored = storedColumns(spec);
  const insert = db.prepare(
    `INSERT INTO ${quoteIdent(spec.name)} (${stored.map(quoteIdent).join(', ')}) VALUES (${stored.map(() => '?').join(', ')})`,
  );
  const shapes = hasShapes(spec) ? table.shapes! : undefined;
  const quantized = shapes ? quantizeShapeCoords(shapes.coords, spec.name) : undefined;
  const lonCol = spec.geometry === 'point' ? (table.cols as Record<string, Float64Array>).lon : undefined;
  const latCol = spec.geometry === 'point' ? (table.cols as Record<string, Float64Array>).lat : undefined;
  // R*Tree entries: [minx, maxx, miny, maxy] per row that has a finite location.
  const boxes = new Float64Array(hasGeometry(spec) ? 4 * size : 0);
  const rowids = new Int32Array(hasGeometry(spec) ? size : 0);
  let entries = 0;

  const args: (number | string | Buffer)[] = new Array(stored.length);
  for (let start = 0; start < size || start === 0; start += PROGRESS_ROWS) {
    const end = Math.min(size, start + PROGRESS_ROWS);
    db.exec('BEGIN');
    for (let i = start; i < end; i++) {
      args[0] = i;
      args[1] = ids[i];
      for (let c = 0; c < cols.length; c++) args[2 + c] = cols[c][i];
      if (quantized && shapes) {
        let minx = Infinity,
          maxx = -Infinity,
          miny = Infinity,
          maxy = -Infinity;
        for (let p = 2 * shapes.offsets[i]; p < 2 * shapes.offsets[i + 1]; p += 2) {
          const x = quantized[p];
          const y = quantized[p + 1];
          if (x < minx) minx = x;
          if (x > maxx) maxx = x;
          if (y < miny) miny = y;
          if (y > maxy) maxy = y;
        }
        const k = 2 + cols.length;
        args[k] = shapeBlob(quantized, shapes.offsets, i);
        args[k + 1] = boxes[4 * entries] = unitsToDeg(minx);
        args[k + 2] = boxes[4 * entries + 2] = unitsToDeg(miny);
        args[k + 3] = boxes[4 * entries + 1] = unitsToDeg(maxx);
        args[k + 4] = boxes[4 * entries + 3] = unitsToDeg(maxy);
        rowids[entries++] = i;
      } else if (lonCol && latCol && Number.isFinite(lonCol[i]) && Number.isFinite(latCol[i])) {
        boxes[4 * entries] = boxes[4 * entries + 1] = lonCol[i];
        boxes[4 * entries + 2] = boxes[4 * entries + 3] = latCol[i];
        rowids[entries++] = i;
      }
      insert.run(args);
    }
    db.exec('COMMIT');
    onProgress?.(name, end, size);
    await yieldToEventLoop();
    if (size === 0) break;
  }
  if (hasGeometry(spec)) {
    db.transaction(() => packRtree(db, rtreeName(spec), boxes, rowids, entries))();
  }
}
