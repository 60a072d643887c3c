/**
 * The MATPOWER version-2 case format (MATPOWER manual, appendix B "Data File Format" and
 * `caseformat`): the columns of mpc.bus, mpc.gen and mpc.branch that Flux reads, in order, with
 * units in the names, and the types of a parsed case. Every column is a Float64Array, as the
 * MATLAB matrix it comes from; integer columns (bus numbers, types) hold integral values.
 */

/** One column of a case matrix. */
export interface MatpowerColumn<Name extends string = string> {
  /** Field name in Flux, with its unit. */
  readonly name: Name;
  /** MATPOWER's name for the column (BUS_I, PD, ...). */
  readonly matpower: string;
  /** 'integer': a finite whole number; 'finite': any finite number; 'limit': ±Inf allowed too. */
  readonly kind: 'integer' | 'finite' | 'limit';
  /** Value when an optional trailing column is absent (only the last columns may be optional). */
  readonly missing?: number;
}

const col = <N extends string>(
  name: N,
  matpower: string,
  kind: MatpowerColumn['kind'],
  missing?: number,
): MatpowerColumn<N> => ({ name, matpower, kind, missing });

/** mpc.bus: BUS_I BUS_TYPE PD QD GS BS BUS_AREA VM VA BASE_KV ZONE VMAX VMIN. */
export const BUS_COLUMNS = [
  col('bus_i', 'BUS_I', 'integer'),
  col('type', 'BUS_TYPE', 'integer'),
  col('pd_mw', 'PD', 'finite'),
  col('qd_mvar', 'QD', 'finite'),
  col('gs_mw', 'GS', 'finite'),
  col('bs_mvar', 'BS', 'finite'),
  col('area', 'BUS_AREA', 'finite'),
  col('vm_pu', 'VM', 'finite'),
  col('va_deg', 'VA', 'finite'),
  col('base_kv', 'BASE_KV', 'finite'),
  col('zone', 'ZONE', 'finite'),
  col('vmax_pu', 'VMAX', 'limit'),
  col('vmin_pu', 'VMIN', 'limit'),
] as const;

/** mpc.gen: GEN_BUS PG QG QMAX QMIN VG MBASE GEN_STATUS PMAX PMIN (later columns are ignored). */
export const GEN_COLUMNS = [
  col('bus', 'GEN_BUS', 'integer'),
  col('pg_mw', 'PG', 'finite'),
  col('qg_mvar', 'QG', 'finite'),
  col('qmax_mvar', 'QMAX', 'limit'),
  col('qmin_mvar', 'QMIN', 'limit'),
  col('vg_pu', 'VG', 'finite'),
  col('mbase_mva', 'MBASE', 'finite'),
  col('status', 'GEN_STATUS', 'finite'),
  col('pmax_mw', 'PMAX', 'limit'),
  col('pmin_mw', 'PMIN', 'limit'),
] as const;

/**
 * mpc.branch: F_BUS T_BUS BR_R BR_X BR_B RATE_A RATE_B RATE_C TAP SHIFT BR_STATUS ANGMIN ANGMAX
 * (ANGMIN/ANGMAX may be absent, as in version-1 style tables: −360/360; later columns ignored).
 */
export const BRANCH_COLUMNS = [
  col('f_bus', 'F_BUS', 'integer'),
  col('t_bus', 'T_BUS', 'integer'),
  col('r_pu', 'BR_R', 'finite'),
  col('x_pu', 'BR_X', 'finite'),
  col('b_pu', 'BR_B', 'finite'),
  col('rate_a_mva', 'RATE_A', 'limit'),
  col('rate_b_mva', 'RATE_B', 'limit'),
  col('rate_c_mva', 'RATE_C', 'limit'),
  col('tap', 'TAP', 'finite'),
  col('shift_deg', 'SHIFT', 'finite'),
  col('status', 'BR_STATUS', 'finite'),
  col('angmin_deg', 'ANGMIN', 'limit', -360),
  col('angmax_deg', 'ANGMAX', 'limit', 360),
] as const;

type ColumnNames<C extends readonly MatpowerColumn[]> = C[number]['name'];

/** A case matrix as named columns; row r of the file is index r of every column. */
export type MatpowerTable<C extends readonly MatpowerColumn[]> = { readonly count: number } & {
  readonly [K in ColumnNames<C>]: Float64Array;
};

export type MatpowerBusTable = MatpowerTable<typeof BUS_COLUMNS>;

export type MatpowerGenTable = MatpowerTable<typeof GEN_COLUMNS> & {
  /** Row of mpc.bus of each generator's bus. */
  readonly busIndex: Int32Array;
};

export type MatpowerBranchTable = MatpowerTable<typeof BRANCH_COLUMNS> & {
  /** Row of mpc.bus of each branch's from bus. */
  readonly fromIndex: Int32Array;
  /** Row of mpc.bus of each branch's to bus. */
  readonly toIndex: Int32Array;
};

/** MATPOWER bus types. */
export const BUS_TYPE = { PQ: 1, PV: 2, REF: 3, NONE: 4 } as const;

/** A parsed MATPOWER version-2 case. Rows keep the file's order. */
export interface MatpowerCase {
  /** The case function's name (`function mpc = NAME`), or a label. */
  readonly name: string;
  /** System MVA base (mpc.baseMVA). */
  readonly baseMva: number;
  readonly bus: MatpowerBusTable;
  readonly gen: MatpowerGenTable;
  readonly branch: MatpowerBranchTable;
  /** mpc.bus_name, one per bus row, when the file has it. */
  readonly busName?: readonly string[];
  /** Bus number (BUS_I) → row of mpc.bus. */
  readonly busIndexOf: ReadonlyMap<number, number>;
}
