/**
 * Replacing a dataset file so readers see either the old file or the whole new one: build it
 * under a temporary name in the same directory, fsync it, rename it over the target, fsync the
 * directory. Temp names carry the writer's pid so a later writer can tell stale ones apart.
 */
import fs from 'node:fs';
import path from 'node:path';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Temp files this process is writing now; never stale. */
const inFlight = new Set<string>();
let sequence = 0;

/** A fresh temp name for `file`: `<file>.tmp-<pid>-<n>`. Call releaseTemp when done. */
export function claimTempPath(file: string): string {
  const temp = `${file}.tmp-${process.pid}-${++sequence}`;
  inFlight.add(path.basename(temp));
  return temp;
}

export function releaseTemp(temp: string): void {
  inFlight.delete(path.basename(temp));
}

function pidAlive(pid: number): boolean {
  // Our own temps are live while in flight (checked by the caller); others of our pid are left
  // over from an earlier process that had the same pid.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a file and its SQLite side files, ignoring ones that do not exist. */
export function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) fs.rmSync(file + suffix, { force: true });
}

/** Deletes temp files (and their side files) of `file` left by writers that are no longer running. */
export function removeStaleTemps(file: string): string[] {
  const dir = path.dirname(file);
  const pattern = new RegExp(
    `^(${escapeRegExp(path.basename(file))}\\.tmp-(\\d+)(?:-\\d+)?)(-wal|-shm|-journal)?$`,
  );
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = pattern.exec(name);
    if (!m || inFlight.has(m[1]) || pidAlive(Number(m[2]))) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function fsyncPath(p: string): void {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Moves the finished, closed temp file over `file` durably. The old file's -wal/-shm go first:
 * left in place, SQLite would pair them with the new file. Our datasets are always fully
 * checkpointed and readers never write, so those files hold no data the old file needs.
 */
export function replaceFile(temp: string, file: string): void {
  fsyncPath(temp);
  fs.rmSync(`${file}-wal`, { force: true });
  fs.rmSync(`${file}-shm`, { force: true });
  fs.renameSync(temp, file);
  fsyncPath(path.dirname(file));
}
