import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '@readme/openapi-parser';
import { sampleApp } from './api-fixture.ts';
import { MAP_LAYERS } from '../../src/tiles/layer-catalogue.ts';

let fx: Awaited<ReturnType<typeof sampleApp>>;
beforeAll(async () => {
  fx = await sampleApp();
});
afterAll(async () => fx.app.close());

const get = async (url: string) => {
  const r = await fx.app.inject({ method: 'GET', url });
  return {
    status: r.statusCode,
    body: r.headers['content-type']?.toString().includes('json') ? r.json() : r.body,
  };
};

describe('system and dataset', () => {
  it('reports health and readiness', async () => {
    expect(await get('/api/health')).toEqual({ status: 200, body: { status: 'ok' } });
    expect((await get('/api/ready')).body).toMatchObject({ ready: true, dataset: fx.model.meta.name });
  });

  it('summarizes the dataset with counts from the model', async () => {
    const { status, body } = await get('/api/dataset');
    expect(status).toBe(200);
    expect(body.counts.meters).toBe(fx.model.tables.meters.size);
    expect(body.counts.substations).toBe(25);
    expect(body.region).toEqual(fx.model.meta.region);
    expect(body.content_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists every map layer with its tile URL', async () => {
    const { body } = await get('/api/layers');
    expect(body.layers.map((l: { id: string }) => l.id)).toEqual(MAP_LAYERS.map((l) => l.id));
    for (const l of body.layers) expect(l.tiles).toBe(`/tiles/${l.id}/{z}/{x}/{y}.mvt`);
  });

  it('answers unknown routes with a 404 message', async () => {
    const { status, body } = await get('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.message).toMatch(/no route/);
  });
});

describe('assets', () => {
  it('describes a substation with its computed downstream customers', async () => {
    const t = fx.model.tables;
    const { status, body } = await get('/api/assets/SUB-0001');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'SUB-0001',
      table: 'substations',
      title: 'Substation',
      energized: true,
    });
    // Independent count: customers whose transformer's feeder belongs to substation 0.
    let expected = 0;
    for (let c = 0; c < t.customers.size; c++) {
      const x = t.meters.cols.transformer[t.customers.cols.meter[c]];
      if (t.feeders.cols.substation[t.transformers.cols.feeder[x]] === 0) expected++;
    }
    expect(body.downstream.customers).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    expect(body.loading_pct).toBeGreaterThan(0);
  });

  it('describes a meter with its feeder and substation', async () => {
    const { body } = await get('/api/assets/MTR-0000001');
    expect(body.feeder.id).toMatch(/^FDR-/);
    expect(body.substation.id).toMatch(/^SUB-/);
    expect(body.downstream.customers).toBe(1);
  });

  it('rejects malformed ids with 400 and unknown ids with 404', async () => {
    expect((await get('/api/assets/not%20an%20id')).status).toBe(400);
    expect((await get('/api/assets/sub-0001')).status).toBe(400);
    const missing = await get('/api/assets/XFMR-999999');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('no asset XFMR-999999');
  });

  it('lists assets in a bbox, exactly those inside, with paging', async () => {
    const t = fx.model.tables.transformers;
    const [w, s, e, n] = fx.model.meta.region;
    const bbox = [w, s, (w + e) / 2, (s + n) / 2];
    let inside = 0;
    for (let i = 0; i < t.size; i++) {
      if (
        t.cols.lon[i] >= bbox[0] &&
        t.cols.lon[i] <= bbox[2] &&
        t.cols.lat[i] >= bbox[1] &&
        t.cols.lat[i] <= bbox[3]
      )
        inside++;
    }
    const page1 = await get(`/api/assets?layer=transformers&bbox=${bbox.join(',')}&limit=10`);
    expect(page1.status).toBe(200);
    expect(page1.body.total).toBe(inside);
    expect(page1.body.items).toHaveLength(Math.min(10, inside));
    const page2 = await get(`/api/assets?layer=transformers&bbox=${bbox.join(',')}&limit=10&offset=10`);
    expect(page2.body.items[0]?.id).not.toBe(page1.body.items[0].id);
  });

  it('rejects bad list queries with a message', async () => {
    const cases: [string, RegExp][] = [
      ['/api/assets?layer=transformers&bbox=-96,29,-94,31', /bbox too large/],
      ['/api/assets?layer=transformers&bbox=-95,30,-96,29', /west < east/],
      ['/api/assets?layer=unicorns&bbox=-95.4,29.7,-95.3,29.8', /unknown asset type/],
      ['/api/assets?layer=feeders&bbox=-95.4,29.7,-95.3,29.8', /no geometry/],
      ['/api/assets?layer=transformers&bbox=-95.4,29.7,-95.3,29.8&limit=5000', /limit/],
      ['/api/assets?layer=transformers', /bbox/],
    ];
    for (const [url, message] of cases) {
      const r = await get(url);
      expect(r.status, url).toBe(400);
      expect(r.body.message, url).toMatch(message);
    }
  });
});

describe('search', () => {
  it('finds by id, meter number, address and name', async () => {
    const t = fx.model.tables;
    expect((await get('/api/search?q=sub-0003')).body.results[0].id).toBe('SUB-0003');
    expect((await get('/api/search?q=42')).body.results.map((r: { id: string }) => r.id)).toContain(
      'MTR-0000042',
    );
    const address = t.customers.cols.address[7];
    const byAddress = await get(`/api/search?q=${encodeURIComponent(address)}&limit=50`);
    expect(byAddress.body.results.map((r: { id: string }) => r.id)).toContain(t.customers.ids[7]);
    const subName = t.substations.cols.name[4];
    expect((await get(`/api/search?q=${encodeURIComponent(subName)}`)).body.results[0].label).toContain(
      subName,
    );
  });

  it('rejects an empty query', async () => {
    expect((await get('/api/search?q=')).status).toBe(400);
  });
});

describe('trace', () => {
  it('traces a meter up its feeder to the breaker and substation', async () => {
    const { status, body } = await get('/api/trace/MTR-0000005');
    expect(status).toBe(200);
    expect(body.upstream.breaker).toMatch(/^PD-/);
    const meter = (await get('/api/assets/MTR-0000005')).body;
    expect(body.upstream.substation.id).toBe(meter.substation.id);
    expect(body.upstream.lines.length).toBeGreaterThan(1);
    // Consecutive upstream sections join end to start (after the service drop).
    const lines = body.upstream.lines.slice(1);
    for (let k = 1; k < lines.length; k++) expect(lines[k][1]).toEqual(lines[k - 1][0]);
  });

  it('counts a feeder’s downstream customers like its asset view', async () => {
    const feederId = fx.model.tables.feeders.ids[3];
    const trace = (await get(`/api/trace/${feederId}`)).body;
    const asset = (await get(`/api/assets/${feederId}`)).body;
    expect(trace.downstream.customers).toBe(asset.downstream.customers);
    expect(trace.downstream.lines.length).toBeGreaterThan(0);
  });
});

describe('kpis', () => {
  it('computes KPIs from the data', async () => {
    const { body } = await get('/api/kpis');
    const t = fx.model.tables;
    expect(body.customers_served).toBe(t.customers.size);
    expect(body.peak_load_mw).toBe(Math.max(...body.load_profile_mw));
    expect(body.load_profile_mw).toHaveLength(24);
    const capacity = t.substation_transformers.cols.rating_mva.reduce((s, v) => s + v, 0);
    expect(body.capacity_mva).toBeCloseTo(capacity, 1);
    expect(body.substations).toHaveLength(25);
    expect(body.substations.reduce((s: number, x: { customers: number }) => s + x.customers, 0)).toBe(
      t.customers.size,
    );
    expect(body.assets_by_state.de_energized).toBe(0);
    expect(body.reliability).toMatchObject({ saidi_min: null, saifi: null, caidi_min: null });
    expect(body.reliability.reason).toMatch(/outage history/);
  });
});

describe('analytics', () => {
  it('ranks the most central buses and grid nodes', async () => {
    const { status, body } = await get('/api/analytics/centrality?metric=pagerank&level=grid&limit=5');
    expect(status).toBe(200);
    expect(body.results.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    const values = body.results.map((r: { value: number }) => r.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(body.nodes).toBe(fx.model.tables.buses.size + fx.model.tables.dist_nodes.size);
    const tx = await get('/api/analytics/centrality?level=transmission&offset=2&limit=3');
    expect(tx.body).toMatchObject({ metric: 'betweenness', level: 'transmission' });
    expect(tx.body.results[0].rank).toBe(3);
    expect(tx.body.results[0].id).toMatch(/^BUS-/);
  });

  it('rejects unknown metrics and levels', async () => {
    expect((await get('/api/analytics/centrality?metric=fame')).status).toBe(400);
    expect((await get('/api/analytics/centrality?level=galaxy')).status).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('publishes a valid OpenAPI 3 document covering every route', async () => {
    const { status, body } = await get('/openapi.json');
    expect(status).toBe(200);
    const result = await validate(structuredClone(body));
    expect(result.valid, JSON.stringify(result)).toBe(true);
    for (const path of [
      '/api/health',
      '/api/dataset',
      '/api/layers',
      '/api/assets/{id}',
      '/api/assets',
      '/api/search',
      '/api/trace/{id}',
      '/api/kpis',
      '/api/analytics/centrality',
      '/api/cascade/simulate',
      '/api/cascade/stochastic',
      '/api/cascade/sweeps',
      '/api/cascade/sweeps/{id}/events',
      '/api/cascade/sweeps/{id}/results',
      '/tiles/{layer}/{z}/{x}/{y}.mvt',
    ]) {
      expect(body.paths[path], path).toBeDefined();
    }
  });

  it('serves Swagger UI at /docs', async () => {
    const r = await fx.app.inject({ method: 'GET', url: '/docs/' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toMatch(/swagger/i);
  });
});

describe('cascade', () => {
  const post = async (payload: unknown) => {
    const r = await fx.app.inject({
      method: 'POST',
      url: '/api/cascade/simulate',
      payload: payload as object,
    });
    return { status: r.statusCode, body: r.json() };
  };

  it('simulates a substation failure wave by wave', async () => {
    const { status, body } = await post({ asset_ids: ['SUB-0002'], scenario: 'base', restoration: false });
    expect(status).toBe(200);
    expect(body.waves[0].failed[0]).toMatchObject({ id: 'SUB-0002', cause: 'initial', wave: 0 });
    const asset = (await get('/api/assets/SUB-0002')).body;
    expect(body.customers_lost).toBe(asset.downstream.customers);
  });

  it('rejects unknown scenarios, unknown assets and assets that cannot fail', async () => {
    expect((await post({ asset_ids: ['SUB-0002'], scenario: 'zombies' })).status).toBe(400);
    expect((await post({ asset_ids: ['SUB-9999'] })).status).toBe(404);
    const building = await post({ asset_ids: ['BLDG-0000001'] });
    expect(building.status).toBe(400);
    expect(building.body.message).toMatch(/cannot fail/);
    expect((await post({ asset_ids: [] })).status).toBe(400);
  });

  it('runs under operating conditions given field by field over a preset', async () => {
    const over = { load_factor: 1.2, temperature_c: 43, wind_gust_ms: 25 };
    const { status, body } = await post({
      asset_ids: ['SUB-0002'],
      scenario: 'summer_peak',
      conditions: over,
    });
    expect(status).toBe(200);
    expect(body.scenario).toBe('summer_peak');
    expect(body.conditions).toMatchObject({ ...over, hour: 16, hours_since_interruption: 1 });
    // A preset and the same conditions spelled out over another preset are the same input.
    const named = await post({ asset_ids: ['SUB-0002'], scenario: 'summer_peak' });
    const spelled = await post({
      asset_ids: ['SUB-0002'],
      scenario: 'base',
      conditions: named.body.conditions,
    });
    expect({ ...spelled.body, scenario: 'summer_peak' }).toEqual(named.body);
  });

  it('answers 400 naming the field and its range for bad conditions', async () => {
    const bad = async (conditions: unknown, message: RegExp) => {
      const r = await post({ asset_ids: ['SUB-0002'], conditions });
      expect(r.status, JSON.stringify(conditions)).toBe(400);
      expect(r.body.message).toMatch(message);
    };
    await bad({ load_factor: 2.5 }, /body\/conditions\/load_factor must be from 0.2 to 2, got 2.5/);
    await bad({ temperature_c: -40 }, /temperature_c must be from -20 to 50, got -40/);
    await bad({ wind_gust_ms: 'strong' }, /wind_gust_ms must be number/);
    await bad({ loadfactor: 1 }, /unknown field 'loadfactor'/);
    await bad({ wind_field: { kind: 'tornado' } }, /wind_field\/kind/);
    await bad({ wind_sustained_ms: 40, wind_gust_ms: 30 }, /wind_gust_ms \(30 m\/s\) must be at least/);
    await bad({ date: '2024-13-01' }, /date must be a calendar date/);
  });
});

describe('stochastic cascades', () => {
  const post = async (payload: unknown) => {
    const r = await fx.app.inject({
      method: 'POST',
      url: '/api/cascade/stochastic',
      payload: payload as object,
    });
    return { status: r.statusCode, body: r.json() };
  };

  it('gives the distribution over seeded runs, the worst one replayable', async () => {
    const { status, body } = await post({ asset_ids: ['SUB-0002'], scenario: 'storm', runs: 20, seed: 3 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ runs: 20, seed: 3, scenario: 'storm', initial: ['SUB-0002'] });
    const { customers_lost: c } = body;
    expect(c.min).toBeLessThanOrEqual(c.p05);
    expect(c.p05).toBeLessThanOrEqual(c.p50);
    expect(c.p50).toBeLessThanOrEqual(c.p95);
    expect(c.p95).toBeLessThanOrEqual(c.max);
    const worst = await fx.app.inject({
      method: 'POST',
      url: '/api/cascade/simulate',
      payload: { asset_ids: ['SUB-0002'], scenario: 'storm', stochastic_seed: body.worst_run_seed },
    });
    expect(worst.json().customers_lost).toBe(c.max);
    // The weather alone, with defaults (100 runs, seed 1).
    const alone = await post({ scenario: 'hurricane' });
    expect(alone.status).toBe(200);
    expect(alone.body).toMatchObject({ runs: 100, seed: 1, initial: [] });
  });

  it('rejects bad runs, seeds and assets with 4xx', async () => {
    expect((await post({ runs: 0 })).status).toBe(400);
    expect((await post({ runs: 5000 })).status).toBe(400);
    expect((await post({ seed: -1 })).status).toBe(400);
    expect((await post({ asset_ids: ['SUB-9999'] })).status).toBe(404);
    expect((await post({ asset_ids: ['BLDG-0000001'] })).body.message).toMatch(/cannot fail/);
  });
});

describe('cascade scenarios', () => {
  it('lists the scenarios the simulator accepts', async () => {
    const { status, body } = await get('/api/cascade/scenarios');
    expect(status).toBe(200);
    expect(body.scenarios.map((s: { name: string }) => s.name)).toEqual([
      'base',
      'summer_peak',
      'storm',
      'derecho',
      'hurricane',
    ]);
    const hurricane = body.scenarios.find((s: { name: string }) => s.name === 'hurricane');
    expect(hurricane).toMatchObject({
      title: 'Hurricane Beryl (8 July 2024)',
      conditions: { wind_gust_ms: 40, wind_field: { kind: 'hurricane', width_km: 30 } },
    });
    expect(body.ranges.load_factor).toMatchObject({ min: 0.2, max: 2 });
    expect(body.ranges['wind_field.cells']).toMatchObject({ min: 1, integer: true });
  });
});
