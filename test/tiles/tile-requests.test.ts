import { describe, expect, it } from 'vitest';
import { generateGrid } from '../../src/generator/generate.ts';
import { TileCache } from '../../src/tiles/tile-cache.ts';
import { tileRange } from '../../src/tiles/tile-math.ts';
import { TileRequestError, TileService } from '../../src/tiles/tile-service.ts';

const model = generateGrid({ scale: 'sample', seed: 2 });
const tiles = new TileService(model);
const { x0: x, y0: y } = tileRange([-95.37, 29.76, -95.37, 29.76], 15);

function errorOf(fn: () => unknown): TileRequestError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(TileRequestError);
    return err as TileRequestError;
  }
  throw new Error('expected a TileRequestError');
}

describe('tile requests', () => {
  it('rejects an unknown layer with 404', () => {
    const err = errorOf(() => tiles.getTile('pipelines', 10, 0, 0));
    expect(err.code).toBe('unknown_layer');
    expect(err.statusCode).toBe(404);
    expect(err.message).toContain('pipelines');
  });

  it.each([
    [-1, 0, 0],
    [19, 0, 0],
    [1.5, 0, 0],
    [Number.NaN, 0, 0],
  ])('rejects zoom %s with 400', (z, tx, ty) => {
    const err = errorOf(() => tiles.getTile('roads', z, tx, ty));
    expect(err.code).toBe('bad_zoom');
    expect(err.statusCode).toBe(400);
  });

  it.each([
    [3, 8, 0],
    [3, 0, 8],
    [3, -1, 0],
    [3, 0, 2.5],
    [0, 1, 0],
  ])('rejects tile %i/%s/%s outside 0..2^z−1 with 400', (z, tx, ty) => {
    const err = errorOf(() => tiles.getTile('roads', z, tx, ty));
    expect(err.code).toBe('bad_tile');
    expect(err.statusCode).toBe(400);
  });

  it('accepts the corner tiles of every zoom', () => {
    expect(() => tiles.getTile('roads', 18, 2 ** 18 - 1, 2 ** 18 - 1)).not.toThrow();
    expect(() => tiles.getTile('roads', 0, 0, 0)).not.toThrow();
  });
});

describe('ETags and the cache', () => {
  it('gives the same tile the same bytes and ETag, from the cache or a new service', () => {
    const a = tiles.getTile('buildings', 15, x, y);
    const hitsBefore = tiles.cacheStats().hits;
    const b = tiles.getTile('buildings', 15, x, y);
    expect(b).toBe(a);
    expect(tiles.cacheStats().hits).toBe(hitsBefore + 1);
    const uncached = new TileService(model, { cacheBytes: 0 });
    const c = uncached.getTile('buildings', 15, x, y);
    expect(Buffer.compare(c.body, a.body)).toBe(0);
    expect(c.etag).toBe(a.etag);
    expect(a.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(uncached.cacheStats().entries).toBe(0);
  });

  it('gives different tiles different ETags', () => {
    const a = tiles.getTile('buildings', 15, x, y);
    const b = tiles.getTile('buildings', 15, x + 1, y);
    const c = tiles.getTile('meters', 15, x, y);
    expect(new Set([a.etag, b.etag, c.etag]).size).toBe(3);
  });

  it('pre-warms low zooms into the cache', () => {
    const service = new TileService(model);
    const { tiles: count } = service.prewarm(10);
    expect(count).toBeGreaterThan(0);
    expect(service.cacheStats().entries).toBe(count);
    const before = service.cacheStats().hits;
    const r = tileRange(model.meta.region, 10);
    service.getTile('meters', 10, r.x0, r.y0);
    expect(service.cacheStats().hits).toBe(before + 1);
  });
});

describe('TileCache', () => {
  const entry = (bytes: number): { body: Uint8Array } => ({ body: new Uint8Array(bytes) });

  it('evicts the least recently used entries beyond its byte budget', () => {
    const cache = new TileCache<{ body: Uint8Array }>(3 * (1000 + 128));
    cache.set('a', entry(1000));
    cache.set('b', entry(1000));
    cache.set('c', entry(1000));
    expect(cache.get('a')).toBeDefined(); // a is now the most recent
    cache.set('d', entry(1000));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.get('d')).toBeDefined();
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 3 * 1128, evictions: 1 });
  });

  it('does not keep an entry larger than the budget', () => {
    const cache = new TileCache<{ body: Uint8Array }>(100);
    cache.set('big', entry(1000));
    expect(cache.stats().entries).toBe(0);
  });
});
