/**
 * `flux sweep` as a user runs it: a real process on a generated dataset, killed hard in the
 * middle of a sweep and run again (it resumes and loses nothing), plus its errors.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_CASE } from '../../src/model/operating-conditions.ts';
import { SweepStore } from '../../src/storage/sqlite/sweep-store.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'flux-sweep-cli-'));
const data = join(work, 'grid');
const bin = join(root, 'bin', 'flux.js');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function flux(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let hash = '';
beforeAll(() => {
  const gen = flux('generate', '--scale', 'sample', '--seed', '3', '--data', data, '--quiet');
  expect(gen.code).toBe(0);
  hash = JSON.parse(flux('info', '--data', data, '--json').stdout).dataset.content_hash;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('flux sweep', () => {
  it('sweeps, prints the ranking as JSON, and reuses a complete sweep', () => {
    const r = flux('sweep', '--data', data, '--tables', 'substations,transformers', '--top', '3', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sweep).toMatchObject({ status: 'complete', total: 225, done: 225, scenario: 'base' });
    expect(out.top).toHaveLength(3);
    expect(out.top[0].customers_lost).toBeGreaterThanOrEqual(out.top[2].customers_lost);
    const text = flux('sweep', '--data', data, '--tables', 'transformers,substations', '--top', '2');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`sweep ${out.sweep.id} under 'base'`);
    expect(text.stdout).toMatch(/rank {2}asset/);
  });

  it('resumes after being killed mid-sweep and ends with every result once', async () => {
    const args = [
      'sweep',
      '--data',
      data,
      '--tables',
      'line_sections,transformers',
      '--workers',
      '1',
      '--quiet',
    ];
    const selection = 'tables=line_sections,transformers';
    const child = spawn(process.execPath, [bin, ...args], { stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    // Kill it hard as soon as some (not all) results are stored.
    let stored = 0;
    let total = 0;
    for (let i = 0; i < 600 && stored === 0; i++) {
      await sleep(50);
      try {
        const store = new SweepStore(data);
        const sweep = store.find({
          grid_hash: hash,
          scenario: 'base',
          conditions: BASE_CASE,
          restoration: true,
          selection,
        });
        store.close();
        if (sweep) ({ done: stored, total } = sweep);
      } catch {
        // the store may be mid-creation
      }
    }
    child.kill('SIGKILL');
    await exited;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(total);
    // Its process is gone: the stored record shows it interrupted, not running forever.
    const killed = new SweepStore(data);
    expect(
      killed.find({ grid_hash: hash, scenario: 'base', conditions: BASE_CASE, restoration: true, selection }),
    ).toMatchObject({
      status: 'cancelled',
      error: expect.stringMatching(/^interrupted: its process \(pid \d+\) exited$/),
    });
    killed.close();

    const r = flux(...args.slice(0, -1), '--json', '--top', '0');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sweep).toMatchObject({ status: 'complete', done: total, total });
    const store = new SweepStore(data);
    expect(store.results(out.sweep.id)).toHaveLength(total);
    store.close();
  });

  it('names what is wrong', () => {
    const cases: [string[], RegExp][] = [
      [['--scenario', 'tornado'], /unknown scenario 'tornado' \(expected one of: base, /],
      [['--tables', 'roads'], /'roads' is not a table whose assets can fail/],
      [['--asset', 'SUB-9999'], /no asset 'SUB-9999'/],
      [['--workers', 'x'], /--workers must be a non-negative integer/],
      [['--workers', '0'], /--workers must be at least 1/],
    ];
    for (const [extra, message] of cases) {
      const r = flux('sweep', '--data', data, ...extra);
      expect(r.code, extra.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(message);
    }
    const missing = flux('sweep', '--data', join(work, 'nothing'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/flux: error: sweep: .*nothing/);
  });
});
