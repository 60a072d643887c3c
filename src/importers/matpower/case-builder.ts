/**
 * Builds a MatpowerCase from the rows of its matrices, with every check of the format: a
 * consistent, sufficient number of columns, the kind of every value, unique positive bus
 * numbers and valid bus types, a reference bus, generators and branches on known buses, no
 * in-service branch with zero reactance, one name per bus. Shared by the file parser (which
 * knows the line of each row) and by code that makes cases (synthetic-case.ts).
 */
import {
  BRANCH_COLUMNS,
  BUS_COLUMNS,
  BUS_TYPE,
  GEN_COLUMNS,
  type MatpowerCase,
  type MatpowerColumn,
  type MatpowerTable,
} from './case-format.ts';
import type { MatrixRow } from './matlab-scanner.ts';
import { MatpowerFormatError } from './matpower-error.ts';

/** Largest bus number accepted. */
const MAX_BUS_NUMBER = 2 ** 31 - 1;

/** Makes the error for a problem, with the line it is on when known. */
export type ErrorFactory = (detail: string, line?: number) => MatpowerFormatError;

/** The matrices of a case with where they are (`line`: of the assignment). */
export interface CaseMatrices {
  readonly name: string;
  readonly baseMva: number;
  readonly bus: { readonly rows: MatrixRow[]; readonly line?: number };
  readonly gen: { readonly rows: MatrixRow[]; readonly line?: number };
  readonly branch: { readonly rows: MatrixRow[]; readonly line?: number };
  readonly busName?: { readonly names: string[]; readonly line?: number };
}

/** A case as plain rows of numbers, in MATPOWER's column order. */
export interface CaseRows {
  name: string;
  baseMva: number;
  bus: number[][];
  gen: number[][];
  branch: number[][];
  busName?: string[];
}

/**
 * A case from rows of numbers; errors name the case and the row.
 *
 * @example
 * const mpc = buildCase({ name: 'two', baseMva: 100,
 *   bus: [[1, 3, 0, 0, 0, 0, 1, 1, 0, 230, 1, 1.1, 0.9], [2, 1, 50, 0, 0, 0, 1, 1, 0, 230, 1, 1.1, 0.9]],
 *   gen: [[1, 50, 0, 0, 0, 1, 100, 1, 100, 0]],
 *   branch: [[1, 2, 0, 0.1, 0, 100, 100, 100, 0, 0, 1, -360, 360]] });
 */
export function buildCase(rows: CaseRows): MatpowerCase {
  const toRows = (m: number[][]): MatrixRow[] => m.map((values) => ({ values, line: 0 }));
  const err: ErrorFactory = (detail) => new MatpowerFormatError(detail, rows.name);
  if (!(rows.baseMva > 0) || !Number.isFinite(rows.baseMva)) throw err('baseMVA must be a positive number');
  return assembleCase(
    {
      name: rows.name,
      baseMva: rows.baseMva,
      bus: { rows: toRows(rows.bus) },
      gen: { rows: toRows(rows.gen) },
      branch: { rows: toRows(rows.branch) },
      busName: rows.busName && { names: rows.busName },
    },
    err,
  );
}

/** Checks the matrices and builds the case (see the module comment for the checks). */
export function assembleCase(input: CaseMatrices, err: ErrorFactory): MatpowerCase {
  const lineOf = (rows: MatrixRow[], r: number) => (rows[r].line > 0 ? rows[r].line : undefined);
  if (input.bus.rows.length === 0) throw err('mpc.bus has no rows', input.bus.line);
  const bus = buildTable('bus', BUS_COLUMNS, input.bus.rows, err);
  const gen = buildTable('gen', GEN_COLUMNS, input.gen.rows, err);
  const branch = buildTable('branch', BRANCH_COLUMNS, input.branch.rows, err);

  const busIndexOf = new Map<number, number>();
  let hasReference = false;
  for (let r = 0; r < bus.count; r++) {
    const id = bus.bus_i[r];
    const line = lineOf(input.bus.rows, r);
    if (id < 1 || id > MAX_BUS_NUMBER)
      throw err(`mpc.bus row ${r + 1}: bus number ${id} is not a positive integer`, line);
    const first = busIndexOf.get(id);
    if (first !== undefined) {
      const where =
        lineOf(input.bus.rows, first) !== undefined
          ? `line ${lineOf(input.bus.rows, first)}`
          : `row ${first + 1}`;
      throw err(`mpc.bus row ${r + 1}: duplicate bus number ${id} (first on ${where})`, line);
    }
    busIndexOf.set(id, r);
    const type = bus.type[r];
    if (type < BUS_TYPE.PQ || type > BUS_TYPE.NONE) {
      throw err(
        `mpc.bus row ${r + 1}: bus ${id} has BUS_TYPE ${type} (expected 1 PQ, 2 PV, 3 ref or 4 isolated)`,
        line,
      );
    }
    if (type === BUS_TYPE.REF) hasReference = true;
  }
  if (!hasReference) throw err('no reference bus (no mpc.bus row has BUS_TYPE 3)', input.bus.line);

  const resolve = (
    table: string,
    r: number,
    column: string,
    id: number,
    line: number | undefined,
  ): number => {
    const index = busIndexOf.get(id);
    if (index === undefined)
      throw err(`mpc.${table} row ${r + 1}: ${column} ${id} is not a bus in mpc.bus`, line);
    return index;
  };
  const busIndex = new Int32Array(gen.count);
  for (let g = 0; g < gen.count; g++) {
    busIndex[g] = resolve('gen', g, 'GEN_BUS', gen.bus[g], lineOf(input.gen.rows, g));
  }
  const fromIndex = new Int32Array(branch.count);
  const toIndex = new Int32Array(branch.count);
  for (let l = 0; l < branch.count; l++) {
    const line = lineOf(input.branch.rows, l);
    fromIndex[l] = resolve('branch', l, 'F_BUS', branch.f_bus[l], line);
    toIndex[l] = resolve('branch', l, 'T_BUS', branch.t_bus[l], line);
    if (branch.status[l] !== 0 && branch.x_pu[l] === 0) {
      throw err(
        `mpc.branch row ${l + 1} (${branch.f_bus[l]}–${branch.t_bus[l]}) is in service with zero reactance BR_X`,
        line,
      );
    }
  }
  const names = input.busName;
  if (names && names.names.length !== bus.count) {
    throw err(`mpc.bus_name has ${names.names.length} names for ${bus.count} buses`, names.line);
  }
  return {
    name: input.name,
    baseMva: input.baseMva,
    bus,
    gen: { ...gen, busIndex },
    branch: { ...branch, fromIndex, toIndex },
    busName: names ? [...names.names] : undefined,
    busIndexOf,
  };
}

/** Named Float64Array columns from the rows, checking widths and each value's kind. */
function buildTable<C extends readonly MatpowerColumn[]>(
  name: string,
  columns: C,
  rows: MatrixRow[],
  err: ErrorFactory,
): MatpowerTable<C> {
  const count = rows.length;
  const at = (r: number) => (rows[r].line > 0 ? rows[r].line : undefined);
  if (count > 0) {
    const width = rows[0].values.length;
    for (let r = 1; r < count; r++) {
      const n = rows[r].values.length;
      if (n !== width)
        throw err(`mpc.${name} row ${r + 1} has ${n} columns, row 1 has ${width} (ragged matrix)`, at(r));
    }
    const required = columns.filter((c) => c.missing === undefined).length;
    if (width < required) {
      throw err(
        `mpc.${name} has ${width} columns, needs at least ${required} (no ${columns[width].matpower})`,
        at(0),
      );
    }
  }
  const table: Record<string, Float64Array | number> = { count };
  columns.forEach((column, c) => {
    const values = new Float64Array(count);
    for (let r = 0; r < count; r++) {
      const row = rows[r].values;
      const v = c < row.length ? row[c] : (column.missing as number);
      const ok =
        column.kind === 'limit'
          ? !Number.isNaN(v)
          : column.kind === 'finite'
            ? Number.isFinite(v)
            : Number.isInteger(v);
      if (!ok) {
        const want =
          column.kind === 'integer' ? 'a whole number' : column.kind === 'finite' ? 'finite' : 'a number';
        throw err(
          `mpc.${name} row ${r + 1}: ${column.matpower} is ${formatValue(v)}, must be ${want}`,
          at(r),
        );
      }
      values[r] = v;
    }
    table[column.name] = values;
  });
  return table as MatpowerTable<C>;
}

const formatValue = (v: number) => (v === Infinity ? 'Inf' : v === -Infinity ? '-Inf' : String(v));
