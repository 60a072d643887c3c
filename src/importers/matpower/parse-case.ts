/**
 * Parses a MATPOWER version-2 case file (the `.m` format) into a MatpowerCase. Every problem is
 * a MatpowerFormatError naming the file and, where there is one, the line. Pure: takes the
 * text; readMatpowerCase() does the file I/O.
 */
import { assembleCase, type ErrorFactory } from './case-builder.ts';
import type { MatpowerCase } from './case-format.ts';
import { scanMatlab, type Assignment, type MatrixRow } from './matlab-scanner.ts';
import { MatpowerFormatError } from './matpower-error.ts';

/**
 * Parses the text of a MATPOWER version-2 case. `file` labels error messages. `mpc.gencost`
 * and other fields are read (they must be well formed) but not kept.
 *
 * @example
 * const mpc = parseMatpowerCase(readFileSync('case5.m', 'utf8'), 'case5.m');
 * mpc.bus.pd_mw[2]; // PD of the third bus row, in MW
 */
export function parseMatpowerCase(text: string, file = '<input>'): MatpowerCase {
  const scanned = scanMatlab(text, file);
  const err: ErrorFactory = (detail, line) => new MatpowerFormatError(detail, file, line);
  if (scanned.versionOneLine !== undefined) {
    throw err(
      'version-1 case (function returns [baseMVA, bus, gen, ...]); only MATPOWER version-2 cases are supported',
      scanned.versionOneLine,
    );
  }
  const fields = new Map<string, Assignment>();
  for (const a of scanned.assignments) {
    const dot = a.target.indexOf('.');
    if (dot < 0) continue; // a local variable: not part of the case
    if (scanned.outputName !== undefined && a.target.slice(0, dot) !== scanned.outputName) continue;
    fields.set(a.target.slice(dot + 1), a);
  }

  const version = fields.get('version');
  if (!version) throw err("no mpc.version (only version-2 cases are supported: mpc.version = '2';)");
  const v = version.value;
  const versionText = v.kind === 'string' ? v.text : v.kind === 'number' ? String(v.value) : '?';
  if (versionText !== '2') {
    throw err(`MATPOWER case version '${versionText}' is not supported (version 2 only)`, version.line);
  }
  const base = fields.get('baseMVA');
  if (!base) throw err('no mpc.baseMVA');
  if (base.value.kind !== 'number' || !(base.value.value > 0) || !Number.isFinite(base.value.value)) {
    throw err('mpc.baseMVA must be a positive number', base.line);
  }

  const matrix = (name: string): { rows: MatrixRow[]; line: number } => {
    const a = fields.get(name);
    if (!a) throw err(`no mpc.${name} matrix`);
    if (a.value.kind !== 'matrix') throw err(`mpc.${name} must be a numeric matrix [ ... ]`, a.line);
    return { rows: a.value.rows, line: a.line };
  };
  const bus = matrix('bus');
  const gen = matrix('gen');
  const branch = matrix('branch');

  let busName: { names: string[]; line: number } | undefined;
  const names = fields.get('bus_name');
  if (names) {
    if (names.value.kind !== 'cell')
      throw err('mpc.bus_name must be a cell array of strings { ... }', names.line);
    busName = { names: names.value.items.map((item) => item.text), line: names.line };
  }
  const name = scanned.functionName ?? file.replace(/^.*[\\/]/, '').replace(/\.m$/, '');
  return assembleCase({ name, baseMva: base.value.value, bus, gen, branch, busName }, err);
}
