/** Bounding-box queries over the in-memory model (a linear scan of one table's coordinates). */
import type { Bbox, TableName } from '../../model/grid-model.ts';
import { shapeBounds } from '../../model/table.ts';
import { HttpError } from '../plugins/errors.ts';
import type { GridContext } from './grid-context.ts';

/** Largest bbox a list query may cover, in square degrees (about 55 km × 55 km at Houston). */
export const MAX_BBOX_DEG2 = 0.25;

export function parseBbox(text: string): Bbox {
  const v = text.split(',').map(Number);
  if (v.length !== 4 || v.some((x) => !Number.isFinite(x)))
    throw new HttpError(400, `bbox must be west,south,east,north, got '${text}'`);
  const [w, s, e, n] = v;
  if (w < -180 || e > 180 || s < -90 || n > 90) throw new HttpError(400, 'bbox is outside the world');
  if (w >= e || s >= n) throw new HttpError(400, 'bbox must have west < east and south < north');
  if ((e - w) * (n - s) > MAX_BBOX_DEG2) {
    throw new HttpError(
      400,
      `bbox too large: ${((e - w) * (n - s)).toFixed(3)} square degrees (at most ${MAX_BBOX_DEG2}); use the tiles for overviews`,
    );
  }
  return [w, s, e, n];
}

export function queryAssetsInBbox(
  ctx: GridContext,
  tableName: TableName,
  [w, s, e, n]: Bbox,
  limit: number,
  offset: number,
): { total: number; rows: number[] } {
  const table = ctx.model.tables[tableName];
  const cols = table.cols as Record<string, ArrayLike<number>>;
  const rows: number[] = [];
  let total = 0;
  for (let i = 0; i < table.size; i++) {
    let inside: boolean;
    if ('lon' in cols) {
      const x = cols.lon[i];
      const y = cols.lat[i];
      inside = x >= w && x <= e && y >= s && y <= n;
    } else {
      const [bw, bs, be, bn] = shapeBounds(table.shapes!, i);
      inside = bw <= e && be >= w && bs <= n && bn >= s;
    }
    if (!inside) continue;
    if (total >= offset && rows.length < limit) rows.push(i);
    total++;
  }
  return { total, rows };
}
