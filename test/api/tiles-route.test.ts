import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTile } from '../tiles/decode.ts';
import { sampleApp } from './api-fixture.ts';

let fx: Awaited<ReturnType<typeof sampleApp>>;
beforeAll(async () => {
  fx = await sampleApp();
});
afterAll(async () => fx.app.close());

/** Tile x/y containing lon/lat at zoom z. */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [x, y];
}

describe('GET /tiles/{layer}/{z}/{x}/{y}.mvt', () => {
  it('serves a gzipped vector tile with the substation in it, and revalidates by ETag', async () => {
    const t = fx.model.tables.substations;
    const [x, y] = tileOf(t.cols.lon[0], t.cols.lat[0], 15);
    const url = `/tiles/substations/15/${x}/${y}.mvt`;
    const r = await fx.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(r.headers['content-encoding']).toBe('gzip');
    const layer = decodeTile(gunzipSync(r.rawPayload)).substations;
    const ids = layer.features.map((f) => f.properties.id);
    expect(ids).toContain(t.ids[0]);

    const again = await fx.app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': String(r.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    const plain = await fx.app.inject({ method: 'GET', url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(gunzipSync(r.rawPayload))).toBe(true);
  });

  it('rejects bad tile requests with a message', async () => {
    const cases: [string, number, RegExp][] = [
      ['/tiles/unicorns/10/100/200.mvt', 404, /unknown layer/],
      ['/tiles/substations/25/0/0.mvt', 400, /z/],
      ['/tiles/substations/3/8/0.mvt', 400, /x|y|range/],
      ['/tiles/substations/3/0/99.mvt', 400, /x|y|range/],
      ['/tiles/substations/abc/0/0.mvt', 400, /z/],
    ];
    for (const [url, status, message] of cases) {
      const r = await fx.app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(status);
      expect(r.json().message, url).toMatch(message);
    }
  });
});
