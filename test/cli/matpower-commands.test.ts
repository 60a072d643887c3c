/** `flux powerflow` and `flux cascade` on MATPOWER cases, end to end: real processes, real files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cascadeReport, runMatpowerCascade } from '../../src/cascade/transmission/matpower-cascade.ts';
import { outageBranchFlag } from '../../src/cli/commands/cascade.ts';
import { syntheticMatpowerCase } from '../../src/importers/matpower/synthetic-case.ts';
import { writeMatpowerCase } from '../../src/importers/matpower/write-case.ts';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'matpower');
const work = mkdtempSync(join(tmpdir(), 'flux-matpower-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function flux(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'flux.js'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneLineError(r: ReturnType<typeof flux>, code: number, message: RegExp): void {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^flux: error: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('flux powerflow', () => {
  it('--json prints every bus angle and every branch flow of case5_shift (hand-checked)', () => {
    const r = flux('powerflow', '--matpower', join(fixtures, 'case5_shift.m'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['buses', 'branches']);
    // See test/importers/matpower-dc-power-flow.test.ts for the derivation.
    const deg = 180 / Math.PI;
    const s = (1000 * Math.PI) / 180;
    const va = [0, -0.02 * deg - 1, -0.08 * deg - 2, -0.12 * deg - 2, -0.07 * deg - 1];
    const p = [20 + s, 60 + s, 80 - s, 40, 0, 20];
    expect(out.buses.map((b: { id: number }) => b.id)).toEqual([1, 2, 3, 4, 5]);
    out.buses.forEach((b: { va_deg: number }, i: number) =>
      expect(Math.abs(b.va_deg - va[i])).toBeLessThan(1e-9),
    );
    expect(
      out.branches.map((b: { index: number; from: number; to: number }) => [b.index, b.from, b.to]),
    ).toEqual([
      [1, 1, 2],
      [2, 2, 3],
      [3, 1, 3],
      [4, 3, 4],
      [5, 4, 5],
      [6, 2, 5],
    ]);
    out.branches.forEach((b: { p_mw: number }, l: number) =>
      expect(Math.abs(b.p_mw - p[l])).toBeLessThan(1e-9),
    );
  });

  it('prints a readable table without --json', () => {
    const r = flux('powerflow', '--matpower', join(fixtures, 'case3_named.m'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^case3_named: DC power flow, 3 buses, 3 branches, base 100 MVA$/m);
    expect(r.stdout).toMatch(/^reference bus: 20$/m);
    expect(r.stdout).toMatch(/^\s+10\s+1\.9920$/m);
    expect(r.stdout).toMatch(/^\s+1\s+10\s+20\s+-52\.500\s+120\.0\s+in$/m);
  });

  it('reports usage errors with exit 2 and bad files with exit 1, in one line', () => {
    expectOneLineError(flux('powerflow'), 2, /--matpower FILE is required/);
    expectOneLineError(flux('powerflow', '--matpower'), 2, /powerflow: /);
    expectOneLineError(
      flux('powerflow', '--matpower', join(fixtures, 'case3_named.m'), '--bogus'),
      2,
      /bogus/,
    );
    expectOneLineError(
      flux('powerflow', '--matpower', join(work, 'missing.m')),
      1,
      /missing\.m: cannot read the case file/,
    );
    const bad = join(fixtures, 'malformed', 'ragged_row.m');
    expectOneLineError(
      flux('powerflow', '--matpower', bad),
      1,
      /ragged_row\.m:6: mpc\.bus row 2 has 12 columns/,
    );
  });
});

describe('flux cascade', () => {
  it('--json prints the waves and the MW shed first (the triangle: [[3], [1, 2]], 100 MW)', () => {
    const r = flux(
      'cascade',
      '--matpower',
      join(fixtures, 'case3_cascade.m'),
      '--outage-branch',
      '3',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).slice(0, 2)).toEqual(['waves', 'shed_mw']);
    expect(out.waves).toEqual([[3], [1, 2]]);
    expect(out.shed_mw).toBe(100);
    expect(out.tripped.map((t: { loading_pct: number }) => t.loading_pct)).toEqual([200, 200]);
    expect(out.islands).toHaveLength(3);
  });

  it('takes several initial outages, comma-separated', () => {
    const r = flux(
      'cascade',
      '--matpower',
      join(fixtures, 'case3_relief.m'),
      '--outage-branch',
      '3,1',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ waves: [[1, 3]], shed_mw: 50 });
  });

  it('prints the waves with each trip loading without --json', () => {
    const r = flux('cascade', '--matpower', join(fixtures, 'case3_cascade.m'), '--outage-branch', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wave 1: 1 \(1–2\) — initial outage$/m);
    expect(r.stdout).toMatch(/^wave 2: 3 \(1–3, 125\.0 %\)$/m);
    expect(r.stdout).toMatch(/^load: 100\.0 MW before, 0\.0 MW served, 100\.0 MW shed$/m);
  });

  it('names a bad --outage-branch in one line, exit 2', () => {
    const file = join(fixtures, 'case3_cascade.m');
    for (const k of ['0', '4', 'x', '1,,2']) {
      const bad = k === '1,,2' ? '' : k;
      expectOneLineError(
        flux('cascade', '--matpower', file, `--outage-branch=${k}`),
        2,
        new RegExp(
          `--outage-branch '${bad.replace('.', '\\.')}' is not a branch row of case3_cascade \\(1\\.\\.3\\)`,
        ),
      );
    }
    expectOneLineError(flux('cascade', '--matpower', file), 2, /--outage-branch K\[,K2,\.\.\.\] is required/);
    expectOneLineError(flux('cascade', '--outage-branch', '1'), 2, /--matpower FILE is required/);
  });

  it('parses K lists strictly (in process)', () => {
    const mpc = syntheticMatpowerCase({ nBus: 20, seed: 1 });
    expect(outageBranchFlag('3, 1,7', mpc)).toEqual([3, 1, 7]);
    for (const k of ['-1', '2.5', '1e1', '0x3', ' ', `${mpc.branch.count + 1}`]) {
      expect(() => outageBranchFlag(k, mpc), k).toThrow(/is not a branch row of synthetic20_s1/);
    }
  });

  it('agrees with the library on a written synthetic case', () => {
    const mpc = syntheticMatpowerCase({ nBus: 300, seed: 2 });
    const file = join(work, 'synthetic300.m');
    writeFileSync(file, writeMatpowerCase(mpc));
    for (const k of [5, 120]) {
      const r = flux('cascade', '--matpower', file, '--outage-branch', String(k), '--json');
      expect(r.code).toBe(0);
      const expected = cascadeReport(runMatpowerCascade(mpc, [k]));
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });
});
