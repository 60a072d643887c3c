/**
 * Writes a MatpowerCase as a MATPOWER version-2 case file that parseMatpowerCase() reads back
 * to the same values (numbers are printed in their shortest exact form; ±Inf as MATLAB's Inf).
 * The gen matrix gets MATPOWER's 21 columns (PC1 … APF as 0), so MATPOWER itself loads the file.
 */
import {
  BRANCH_COLUMNS,
  BUS_COLUMNS,
  GEN_COLUMNS,
  type MatpowerCase,
  type MatpowerColumn,
} from './case-format.ts';

/** Columns 11–21 of mpc.gen (PC1 PC2 QC1MIN QC1MAX QC2MIN QC2MAX RAMP_AGC RAMP_10 RAMP_30 RAMP_Q APF). */
const GEN_TRAILING_ZEROS = 11;

/** A number as MATLAB reads it back exactly. */
export function formatMatlabNumber(v: number): string {
  if (v === Infinity) return 'Inf';
  if (v === -Infinity) return '-Inf';
  if (Number.isNaN(v)) throw new RangeError('write-case: NaN cannot be written to a case file');
  return Object.is(v, -0) ? '-0' : String(v);
}

function matrix(
  name: string,
  columns: readonly MatpowerColumn[],
  table: Record<string, unknown> & { count: number },
  trailingZeros = 0,
): string {
  const header = `%\t${columns.map((c) => c.matpower).join('\t')}`;
  const lines = [header, `mpc.${name} = [`];
  const cols = columns.map((c) => table[c.name] as Float64Array);
  const zeros = '\t0'.repeat(trailingZeros);
  for (let r = 0; r < table.count; r++) {
    lines.push(`\t${cols.map((values) => formatMatlabNumber(values[r])).join('\t')}${zeros};`);
  }
  lines.push('];');
  return lines.join('\n');
}

/**
 * The text of a MATPOWER version-2 case file.
 *
 * @example
 * writeFileSync('big.m', writeMatpowerCase(syntheticMatpowerCase({ nBus: 2000, seed: 1 })));
 */
export function writeMatpowerCase(mpc: MatpowerCase): string {
  const parts = [
    `function mpc = ${mpc.name.replace(/\W/g, '_').replace(/^(?![A-Za-z])/, 'case_')}`,
    `%${mpc.name.toUpperCase()}  MATPOWER case (version 2), written by Flux Ops Center.`,
    '',
    "mpc.version = '2';",
    '',
    '%% system MVA base',
    `mpc.baseMVA = ${formatMatlabNumber(mpc.baseMva)};`,
    '',
    '%% bus data',
    matrix('bus', BUS_COLUMNS, mpc.bus),
    '',
    '%% generator data',
    matrix('gen', GEN_COLUMNS, mpc.gen, GEN_TRAILING_ZEROS),
    '',
    '%% branch data',
    matrix('branch', BRANCH_COLUMNS, mpc.branch),
  ];
  if (mpc.busName) {
    const names = mpc.busName.map((s) => {
      if (/[\r\n]/.test(s)) throw new RangeError(`write-case: bus name ${JSON.stringify(s)} spans lines`);
      return `\t'${s.replace(/'/g, "''")}';`;
    });
    parts.push('', '%% bus names', 'mpc.bus_name = {', ...names, '};');
  }
  return parts.join('\n') + '\n';
}
