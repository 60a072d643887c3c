import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { f32Down, f32Up, packRtree } from '../../src/storage/sqlite/rtree-pack.ts';

/** Deterministic boxes scattered over a metro-sized area. */
function randomBoxes(n: number): Float64Array {
  const boxes = new Float64Array(4 * n);
  let s = 42;
  const rnd = (): number => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let k = 0; k < n; k++) {
    const x = -95.7 + 0.7 * rnd();
    const y = 29.4 + 0.7 * rnd();
    const size = k % 3 === 0 ? 0 : 0.002 * rnd(); // a third are points
    boxes.set([x, x + size, y, y + size], 4 * k);
  }
  return boxes;
}

function packed(n: number): { db: Database.Database; boxes: Float64Array } {
  const db = new Database(':memory:');
  db.unsafeMode(true);
  db.exec('CREATE VIRTUAL TABLE rt USING rtree(id, minx, maxx, miny, maxy)');
  const boxes = randomBoxes(n);
  // Rowids with gaps, as when some rows have no location.
  const rowids = Int32Array.from({ length: n }, (_, k) => 3 * k + 1);
  db.transaction(() => packRtree(db, 'rt', boxes, rowids, n))();
  return { db, boxes };
}

describe('f32Down / f32Up', () => {
  it('bracket doubles by the nearest float32 values', () => {
    for (const x of [-95.36981234567, 29.7612345, 0, 1e-50, -1e-50, 180, -179.9999999]) {
      const lo = f32Down(x);
      const hi = f32Up(x);
      expect(Math.fround(lo)).toBe(lo);
      expect(Math.fround(hi)).toBe(hi);
      expect(lo).toBeLessThanOrEqual(x);
      expect(hi).toBeGreaterThanOrEqual(x);
      // Adjacent float32 values: at most one ulp (2^-23 relative) apart.
      expect(hi - lo).toBeLessThanOrEqual(Math.abs(x) * 2 ** -22 + 1e-44);
    }
  });
});

describe('packRtree', () => {
  it.each([1, 51, 52, 2601, 2602, 40_000])('builds a valid tree of %i boxes', (n) => {
    const { db } = packed(n);
    expect(db.prepare("SELECT rtreecheck('rt')").pluck().get()).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM rt').pluck().get()).toBe(n);
    db.close();
  });

  it('finds every box meeting a window, and only boxes near it', () => {
    const n = 40_000;
    const { db, boxes } = packed(n);
    const query = db
      .prepare('SELECT id FROM rt WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ? ORDER BY id')
      .pluck();
    for (const [w, s, e, north] of [
      [-95.5, 29.5, -95.45, 29.56],
      [-95.31, 29.7, -95.3, 29.71],
      [-96, 29, -95, 30],
    ]) {
      const got = new Set(query.all(e, w, north, s) as number[]);
      for (let k = 0; k < n; k++) {
        const hit =
          boxes[4 * k] <= e && boxes[4 * k + 1] >= w && boxes[4 * k + 2] <= north && boxes[4 * k + 3] >= s;
        if (hit) expect(got.has(3 * k + 1)).toBe(true);
        // Float32 rounding may add boxes within ~1e-5 degree of the window, never farther.
        else if (got.has(3 * k + 1)) {
          expect(boxes[4 * k] <= e + 1e-5 && boxes[4 * k + 1] >= w - 1e-5).toBe(true);
        }
      }
    }
    db.close();
  });

  it('leaves a tree SQLite can keep editing', () => {
    const { db } = packed(3000);
    db.prepare('INSERT INTO rt VALUES (?, ?, ?, ?, ?)').run(999_999, -95.3, -95.2, 29.7, 29.8);
    db.prepare('DELETE FROM rt WHERE id % 2 = 0').run();
    expect(db.prepare("SELECT rtreecheck('rt')").pluck().get()).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM rt WHERE id = 999999').pluck().get()).toBe(1);
    db.close();
  });
});
