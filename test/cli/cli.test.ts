/** The `flux` command end to end, as a user runs it: real processes, real files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'flux-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function flux(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'flux.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, FLUX_DATA: join(work, 'unused') },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('flux CLI', () => {
  it('prints help', () => {
    const r = flux('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/usage: flux <command>/);
    expect(r.stdout).toMatch(/generate/);
  });

  it('generates the sample grid and reports the reference counts with invariants ok', () => {
    const dir = join(work, 's');
    const gen = flux('generate', '--scale', 'sample', '--seed', '1', '--data', dir, '--quiet');
    expect(gen.stderr).toBe('');
    expect(gen.code).toBe(0);
    const info = flux('info', '--data', dir, '--json');
    expect(info.code).toBe(0);
    const report = JSON.parse(info.stdout);
    expect(report.counts).toMatchObject({ substations: 25, feeders: 50, transformers: 200, meters: 500 });
    expect(report.invariants).toBe('ok');
    expect(report.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
    expect(report.dataset.content_hash).toMatch(/^[0-9a-f]{64}$/);
    const text = flux('info', '--data', dir);
    expect(text.stdout).toMatch(/^invariants: ok$/m);
  });

  it('runs a cascade on the generated grid from any asset', () => {
    const dir = join(work, 's');
    const r = flux(
      'cascade',
      '--data',
      dir,
      '--asset',
      'SUB-0002',
      '--scenario',
      'base',
      '--no-restoration',
      '--json',
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.waves[0].failed[0]).toMatchObject({ id: 'SUB-0002', cause: 'initial' });
    expect(result.customers_lost).toBe(result.waves[0].failed[0].customers);
    const bad = flux('cascade', '--data', dir, '--asset', 'SUB-9999');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^flux: error: cascade: no asset 'SUB-9999'/);
  });

  it('runs stochastic cascades with --runs and prints their distribution', () => {
    const dir = join(work, 's');
    const r = flux('cascade', '--data', dir, '--scenario', 'storm', '--runs', '12', '--seed', '4', '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ runs: 12, seed: 4, initial: [], scenario: 'storm' });
    expect(result.weather_failures.mean).toBeGreaterThan(0);
    const text = flux('cascade', '--data', dir, '--asset', 'SUB-0002', '--scenario', 'storm', '--runs', '5');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /5 stochastic cascades from SUB-0002 under 'storm' \(load ×1\.00, 30 °C at 18:00, .*; seeds 1\.\.5\)/,
    );
    expect(text.stdout).toMatch(/customers lost/);
  });

  it('takes operating conditions as JSON and as flags over a preset; flags win', () => {
    const dir = join(work, 's');
    const run = (...extra: string[]) => {
      const r = flux('cascade', '--data', dir, '--asset', 'SUB-0002', '--json', ...extra);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const json = run(
      '--scenario',
      'summer_peak',
      '--conditions',
      '{"load_factor":1.2,"temperature_c":43,"wind_gust_ms":25}',
    );
    expect(json.scenario).toBe('summer_peak');
    expect(json.conditions).toMatchObject({
      load_factor: 1.2,
      temperature_c: 43,
      wind_gust_ms: 25,
      hour: 16,
    });
    const flags = run(
      '--conditions',
      '{"load_factor":1.2}',
      '--load-factor',
      '1.3',
      '--temperature',
      '43',
      '--gust',
      '25',
    );
    expect(flags.conditions).toMatchObject({
      load_factor: 1.3,
      temperature_c: 43,
      wind_gust_ms: 25,
      hour: 17,
    });
    const text = flux(
      'cascade',
      '--data',
      dir,
      '--asset',
      'SUB-0002',
      '--hours-out',
      '4',
      '--date',
      '2024-07-06',
    );
    expect(text.stdout).toMatch(/35 °C at 17:00 on 2024-07-06, .*restoration after 4 h\)/);
  });

  it('runs N-2 (several assets), N-1-1 (--then) and common-mode contingencies', () => {
    const dir = join(work, 's');
    const run = (...extra: string[]) => {
      const r = flux('cascade', '--data', dir, '--json', ...extra);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const n2 = run('--asset', 'TL-0001,TL-0002');
    expect(n2.initial).toEqual(['TL-0001', 'TL-0002']);
    const n11 = run('--asset', 'TL-0001', '--then', 'TL-0002');
    expect(n11).toMatchObject({ initial: ['TL-0001'], then: [['TL-0002']] });
    expect(n11.waves.flatMap((w: { failed: { id: string }[] }) => w.failed.map((f) => f.id))).toContain(
      'TL-0002',
    );
    // Lines on towers of their own: common mode adds nothing.
    expect(run('--asset', 'TL-0001', '--common-mode').initial).toEqual(['TL-0001']);
    const text = flux('cascade', '--data', dir, '--asset', 'TL-0001', '--then', 'TL-0002');
    expect(text.stdout).toMatch(/^cascade from TL-0001, then TL-0002 under 'base'/);
  });

  it('prints cascade statistics over a grid of conditions', () => {
    const dir = join(work, 's');
    const r = flux(
      'stats',
      '--data',
      dir,
      '--sample',
      '25',
      '--load-factors',
      '1,1.3',
      '--temperatures',
      '45',
      '--gusts',
      '0',
      '--json',
      '--workers',
      '1',
    );
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ sample: 25, seed: 1 });
    expect(
      result.points.map((p: { conditions: { load_factor: number } }) => p.conditions.load_factor),
    ).toEqual([1, 1.3]);
    for (const p of result.points) expect(p.beyond_zone_share).toBeGreaterThanOrEqual(0);
    const text = flux(
      'stats',
      '--data',
      dir,
      '--sample',
      '10',
      '--load-factors',
      '1',
      '--temperatures',
      '35',
      '--gusts',
      '0',
      '--quiet',
      '--workers',
      '1',
    );
    expect(text.stdout).toMatch(/10 patient zeros \(seed 1\)/);
    expect(text.stdout).toMatch(/^ 1\.00 {4}35 {5}0 /m);
    const bad = flux('stats', '--data', dir, '--load-factors', '1,x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--load-factors must be numbers separated by commas/);
    const range = flux('stats', '--data', dir, '--temperatures', '80');
    expect(range.stderr).toMatch(/temperature_c must be a number from -20 to 50/);
  });

  it('names the condition field and its range when one is out of range', () => {
    const dir = join(work, 's');
    for (const [args, message] of [
      [['--load-factor', '3'], /cascade: conditions: load_factor must be a number from 0.2 to 2 × .*got 3/],
      [['--temperature', 'hot'], /cascade: --temperature must be a number, got 'hot'/],
      [['--conditions', '{"wind_gust_ms": 200}'], /wind_gust_ms must be a number from 0 to 110 m\/s/],
      [['--conditions', '{"load_factor": 1.2'], /--conditions is not valid JSON/],
      [['--conditions', '{"loadfactor": 1.2}'], /unknown field 'loadfactor'/],
    ] as const) {
      const r = flux('cascade', '--data', dir, '--asset', 'SUB-0002', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it('rejects bad flags with one line, exit 2 and no stack trace', () => {
    for (const args of [
      ['generate', '--scale', 'galaxy'],
      ['generate', '--seed', 'abc'],
      ['generate', '--bogus'],
      ['generate', '--center', '200,5'],
      ['cascade', '--data', join(work, 's'), '--asset', 'SUB-0001', '--scenario', 'zombies'],
      ['cascade', '--data', join(work, 's'), '--runs', '0'],
      ['frobnicate'],
    ]) {
      const r = flux(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^flux: error: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('reports a missing or corrupt data dir in one line with exit 1', () => {
    const missing = flux('info', '--data', join(work, 'nope'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^flux: error: .*nope/);

    const corrupt = join(work, 'corrupt');
    mkdirSync(corrupt);
    writeFileSync(join(corrupt, 'grid.sqlite'), 'this is not a database, just text '.repeat(200));
    const r = flux('info', '--data', corrupt);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not a valid Flux dataset/);
  });
});
