/** Reads a MATPOWER case file from disk (the only file I/O of the importer). */
import { readFileSync } from 'node:fs';
import type { MatpowerCase } from './case-format.ts';
import { MatpowerFormatError } from './matpower-error.ts';
import { parseMatpowerCase } from './parse-case.ts';

/**
 * Reads and parses a MATPOWER version-2 case file.
 *
 * @example
 * const mpc = readMatpowerCase('test/fixtures/matpower/case5_shift.m');
 */
export function readMatpowerCase(path: string): MatpowerCase {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new MatpowerFormatError(`cannot read the case file: ${reason}`, path);
  }
  return parseMatpowerCase(text, path);
}
