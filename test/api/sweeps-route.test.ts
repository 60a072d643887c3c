/**
 * /api/cascade/sweeps on a real server over a stored sample grid: start a sweep, follow it over
 * server-sent events to the end, read the ranking; one sweep at a time; clear 4xx errors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { buildGridContext } from '../../src/api/services/grid-context.ts';
import { loadDataset } from '../../src/cli/commands/info.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import { modelContentHash } from '../../src/model/hash.ts';
import { writeDataset } from '../../src/storage/index.ts';
import { TileService } from '../../src/tiles/tile-service.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flux-sweep-api-'));
let app: Awaited<ReturnType<typeof buildApp>>;
let base = '';

beforeAll(async () => {
  const model = generateGrid({ scale: 'sample', seed: 5 });
  await writeDataset(dir, model, { content_hash: modelContentHash(model) });
  const loaded = await loadDataset(dir);
  const context = buildGridContext(loaded.model, loaded.meta);
  const tiles = new TileService(context.model, {
    energization: context.energization,
    loading: context.loading,
  });
  app = await buildApp({ context, tiles, dataDir: dir });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, body?: unknown) =>
  fetch(`${base}${url}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Reads a server-sent event stream to its end: [event, data] pairs. */
async function readEvents(url: string): Promise<[string, Record<string, unknown>][]> {
  const res = await fetch(`${base}${url}`);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('event:'))
    .map((block) => {
      const [event, data] = block.split('\n');
      return [event.slice('event: '.length), JSON.parse(data.slice('data: '.length))];
    });
}

describe('sweep jobs API', () => {
  it('runs a sweep with progress over SSE and serves its ranking', async () => {
    const started = await post('/api/cascade/sweeps', {
      scenario: 'base',
      tables: ['transformers', 'substations'],
    });
    expect(started.status).toBe(202);
    const { sweep } = await started.json();
    expect(sweep).toMatchObject({ status: 'running', total: 225, scenario: 'base', restoration: true });

    // A second sweep while one runs: 409 naming the running one.
    const busy = await post('/api/cascade/sweeps', { scenario: 'storm' });
    expect(busy.status).toBe(409);
    expect((await busy.json()).message).toMatch(new RegExp(`sweep ${sweep.id} is running`));

    const events = await readEvents(`/api/cascade/sweeps/${sweep.id}/events`);
    expect(events.at(-1)![0]).toBe('end');
    expect(events.at(-1)![1]).toMatchObject({ id: sweep.id, status: 'complete', done: 225 });
    const dones = events.map(([, d]) => d.done as number);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));

    const one = await (await fetch(`${base}/api/cascade/sweeps/${sweep.id}`)).json();
    expect(one.sweep).toMatchObject({ status: 'complete', done: 225, rate_per_s: null });
    // Under 'base' nothing fails without a patient zero.
    expect(one.sweep).toMatchObject({ scenario_customers_lost: 0, scenario_mw_shed: 0 });
    const list = await (await fetch(`${base}/api/cascade/sweeps`)).json();
    expect(list.sweeps.map((s: { id: number }) => s.id)).toContain(sweep.id);

    const ranked = await (
      await fetch(`${base}/api/cascade/sweeps/${sweep.id}/results?order=mw_shed&table=transformers&limit=5`)
    ).json();
    expect(ranked.results).toHaveLength(5);
    expect(ranked.results.every((r: { table: string }) => r.table === 'transformers')).toBe(true);
    const mw = ranked.results.map((r: { mw_shed: number }) => r.mw_shed);
    expect(mw).toEqual([...mw].sort((a, b) => b - a));

    // The stream of a finished sweep: its state, then the end.
    const again = await readEvents(`/api/cascade/sweeps/${sweep.id}/events`);
    expect(again.map(([e]) => e)).toEqual(['progress', 'end']);
  });

  it('cancels a running sweep, which resumes when started again', async () => {
    const body = { scenario: 'summer_peak', tables: ['line_sections', 'transformers'] };
    const { sweep } = await (await post('/api/cascade/sweeps', body)).json();
    const cancelled = await post(`/api/cascade/sweeps/${sweep.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).sweep.status).toBe('cancelled');
    expect((await post(`/api/cascade/sweeps/${sweep.id}/cancel`)).status).toBe(409);
    const resumed = await (await post('/api/cascade/sweeps', body)).json();
    expect(resumed.sweep.id).toBe(sweep.id);
    const events = await readEvents(`/api/cascade/sweeps/${sweep.id}/events`);
    expect(events.at(-1)![1]).toMatchObject({ status: 'complete' });
  });

  it('sweeps under conditions changed from a preset, kept apart from the preset itself', async () => {
    const body = { scenario: 'summer_peak', tables: ['substations'], conditions: { load_factor: 1.3 } };
    const { sweep } = await (await post('/api/cascade/sweeps', body)).json();
    expect(sweep.conditions).toMatchObject({ load_factor: 1.3, temperature_c: 41, hour: 16 });
    const events = await readEvents(`/api/cascade/sweeps/${sweep.id}/events`);
    expect(events.at(-1)![1]).toMatchObject({ status: 'complete' });
    const plain = await (
      await post('/api/cascade/sweeps', { scenario: 'summer_peak', tables: ['substations'] })
    ).json();
    expect(plain.sweep.id).not.toBe(sweep.id);
    expect(plain.sweep.conditions.load_factor).toBe(1);
    await readEvents(`/api/cascade/sweeps/${plain.sweep.id}/events`);
    const again = await (await post('/api/cascade/sweeps', body)).json();
    expect(again.sweep).toMatchObject({ id: sweep.id, status: 'complete' });
  });

  it('answers bad requests with 4xx and a message', async () => {
    const cases: [Promise<Response>, number, RegExp][] = [
      [post('/api/cascade/sweeps', { scenario: 'tornado' }), 400, /scenario/],
      [post('/api/cascade/sweeps', { tables: ['buildings'] }), 400, /tables/],
      [
        post('/api/cascade/sweeps', { conditions: { temperature_c: 60 } }),
        400,
        /temperature_c must be from -20 to 50, got 60/,
      ],
      [
        post('/api/cascade/sweeps', { conditions: { wind_sustained_ms: 9, wind_gust_ms: 5 } }),
        400,
        /wind_gust_ms/,
      ],
      [post('/api/cascade/sweeps', { asset_ids: ['XFMR-9999999'] }), 400, /no asset 'XFMR-9999999'/],
      [fetch(`${base}/api/cascade/sweeps/9999`), 404, /no sweep 9999/],
      [fetch(`${base}/api/cascade/sweeps/abc`), 400, /id/],
      [fetch(`${base}/api/cascade/sweeps/1/results?order=name`), 400, /order/],
    ];
    for (const [request, status, message] of cases) {
      const res = await request;
      expect(res.status).toBe(status);
      expect((await res.json()).message).toMatch(message);
    }
  });

  it('says sweeps need a stored dataset when the server has none', async () => {
    const model = generateGrid({ scale: 'sample', seed: 5 });
    const context = buildGridContext(model, { ...model.meta, schema_version: 1, content_hash: 'x' });
    const bare = await buildApp({ context, tiles: new TileService(model, {}) });
    const res = await bare.inject({ method: 'GET', url: '/api/cascade/sweeps' });
    expect(res.statusCode).toBe(503);
    expect(res.json().message).toMatch(/stored dataset/);
    await bare.close();
  });
});
