import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tableCounts, type GridModel } from '../../src/model/grid-model.ts';
import { openDataset, writeDataset } from '../../src/storage/index.ts';
import { buildSampleModel } from './sample-model.ts';
import { useTempDirs } from './temp-dir.ts';

const tempDir = useTempDirs();
const here = path.dirname(fileURLToPath(import.meta.url));

/** Files in `dir` other than the dataset and the side files readers create. */
function strayFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => !/^grid\.sqlite(-wal|-shm)?$/.test(f));
}

async function countsOf(dir: string): Promise<Record<string, number>> {
  const repo = openDataset(dir);
  try {
    return await repo.counts();
  } finally {
    await repo.close();
  }
}

async function withOldDataset(): Promise<{ dir: string; old: GridModel }> {
  const dir = tempDir();
  const old = buildSampleModel(3);
  await writeDataset(dir, old);
  return { dir, old };
}

describe('atomic dataset writes', () => {
  it('keeps the previous dataset when a write throws mid-way', async () => {
    const { dir, old } = await withOldDataset();
    const failing = writeDataset(
      dir,
      buildSampleModel(9),
      {},
      {
        onProgress(table) {
          if (table === 'meters') throw new Error('disk on fire');
        },
      },
    );
    await expect(failing).rejects.toThrow('disk on fire');
    expect(await countsOf(dir)).toEqual(tableCounts(old));
    expect(strayFiles(dir)).toEqual([]);
  });

  it('keeps the previous dataset when the model is malformed', async () => {
    const { dir, old } = await withOldDataset();
    const bad = buildSampleModel(5);
    (bad.tables.meters.cols as { lon: Float64Array }).lon = new Float64Array(4);
    await expect(writeDataset(dir, bad)).rejects.toThrow('meters.lon: 4 values for 5 rows');
    const dupes = buildSampleModel(5);
    dupes.tables.trees.ids[1] = dupes.tables.trees.ids[0];
    await expect(writeDataset(dir, dupes)).rejects.toThrow(/UNIQUE/);
    expect(await countsOf(dir)).toEqual(tableCounts(old));
    expect(strayFiles(dir)).toEqual([]);
  });

  it('replaces the dataset while a reader has the old one open', async () => {
    const { dir, old } = await withOldDataset();
    const reader = openDataset(dir);
    const next = buildSampleModel(8);
    await writeDataset(dir, next);
    // The open reader keeps its snapshot of the old file; new readers see the new one.
    expect(await reader.counts()).toEqual(tableCounts(old));
    await reader.close();
    expect(await countsOf(dir)).toEqual(tableCounts(next));
  });

  it('removes stale temp files of dead writers but not of live ones', async () => {
    const { dir } = await withOldDataset();
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max default, so never running
    fs.writeFileSync(path.join(dir, `grid.sqlite.tmp-${deadPid}`), 'partial');
    fs.writeFileSync(path.join(dir, `grid.sqlite.tmp-${deadPid}-3-wal`), 'partial');
    fs.writeFileSync(
      path.join(dir, `grid.sqlite.tmp-${process.pid}-999`),
      'left by an earlier process with our pid',
    );
    fs.writeFileSync(path.join(dir, `grid.sqlite.tmp-${process.ppid}`), 'someone else writing');
    await writeDataset(dir, buildSampleModel(2));
    expect(strayFiles(dir)).toEqual([`grid.sqlite.tmp-${process.ppid}`]);
  });

  it('lets two writes to one directory run at once; the last to finish wins', async () => {
    const { dir } = await withOldDataset();
    const slow = writeDataset(dir, buildSampleModel(7, { buildings: 60_000 }));
    const fast = writeDataset(dir, buildSampleModel(5));
    await Promise.all([slow, fast]);
    expect((await countsOf(dir)).buildings).toBe(60_000);
    expect(strayFiles(dir)).toEqual([]);
  });

  it('survives a writer killed with SIGKILL mid-write', async () => {
    const { dir, old } = await withOldDataset();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'fixtures/write-model.ts'), dir, 'small', '--stall'],
      {
        cwd: path.resolve(here, '../..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('stalled') && resolve());
      child.on('exit', () => reject(new Error(`writer exited before stalling: ${stderr}`)));
    });
    const temp = `grid.sqlite.tmp-${child.pid}-1`;
    expect(fs.existsSync(path.join(dir, temp))).toBe(true);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(await countsOf(dir)).toEqual(tableCounts(old));
    const repo = openDataset(dir);
    const back = await repo.readModel();
    await repo.close();
    expect(back.tables.buildings.ids).toEqual(old.tables.buildings.ids);
    // The next write clears the dead writer's temp file.
    await writeDataset(dir, buildSampleModel(4));
    expect(strayFiles(dir)).toEqual([]);
    expect((await countsOf(dir)).buildings).toBe(4);
  });
});
