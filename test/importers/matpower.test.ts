/** MATPOWER version-2 case files: reading the format, and clear errors for malformed input. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatpowerFormatError } from '../../src/importers/matpower/matpower-error.ts';
import { parseMatpowerCase } from '../../src/importers/matpower/parse-case.ts';
import { readMatpowerCase } from '../../src/importers/matpower/read-case.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'matpower');
const fixture = (name: string) => join(fixtures, name);

/** A minimal valid case; `edit` rewrites its text before parsing. */
const MINIMAL = `function mpc = tiny
mpc.version = '2';
mpc.baseMVA = 100;
mpc.bus = [
  1 3 0 0 0 0 1 1 0 230 1 1.1 0.9;
  2 1 50 0 0 0 1 1 0 230 1 1.1 0.9;
];
mpc.gen = [
  1 50 0 10 -10 1 100 1 100 0;
];
mpc.branch = [
  1 2 0 0.1 0 0 0 0 0 0 1 -360 360;
];
`;

function parseError(text: string): MatpowerFormatError {
  try {
    parseMatpowerCase(text, 'inline.m');
  } catch (e) {
    expect(e).toBeInstanceOf(MatpowerFormatError);
    return e as MatpowerFormatError;
  }
  throw new Error('expected a MatpowerFormatError');
}

describe('parseMatpowerCase: well-formed files', () => {
  it('reads case3_named: comments, tabs, Inf, 1e1, gencost (ignored) and a bus_name block', () => {
    const mpc = readMatpowerCase(fixture('case3_named.m'));
    expect(mpc.name).toBe('case3_named');
    expect(mpc.baseMva).toBe(100);
    expect(mpc.bus.count).toBe(3);
    expect(Array.from(mpc.bus.bus_i)).toEqual([10, 20, 30]);
    expect(Array.from(mpc.bus.type)).toEqual([1, 3, 2]);
    expect(Array.from(mpc.bus.pd_mw)).toEqual([60, 0, 100]);
    expect(mpc.bus.qd_mvar[2]).toBe(10); // written 1e1
    expect(mpc.bus.va_deg[1]).toBe(5);
    expect(mpc.gen.qmax_mvar[0]).toBe(Infinity);
    expect(mpc.gen.qmin_mvar[0]).toBe(-Infinity);
    expect(Array.from(mpc.gen.busIndex)).toEqual([1, 2]);
    expect(Array.from(mpc.branch.fromIndex)).toEqual([0, 1, 0]);
    expect(Array.from(mpc.branch.toIndex)).toEqual([1, 2, 2]);
    expect(Array.from(mpc.branch.rate_a_mva)).toEqual([120, 120, 60]);
    expect(mpc.busName).toEqual(['North', "Plant 'A'", 'South']);
    expect(mpc.busIndexOf.get(30)).toBe(2);
  });

  it('reads case5_shift: tap, phase shift, statuses, 21-column gen and 17-column branch rows', () => {
    const mpc = readMatpowerCase(fixture('case5_shift.m'));
    expect(mpc.bus.count).toBe(5);
    expect(mpc.gen.count).toBe(3);
    expect(mpc.branch.count).toBe(6);
    expect(mpc.branch.tap[1]).toBe(1.25);
    expect(mpc.branch.shift_deg[2]).toBe(3);
    expect(Array.from(mpc.branch.status)).toEqual([1, 1, 1, 1, 0, 1]);
    expect(Array.from(mpc.gen.status)).toEqual([1, 1, 0]);
    expect(mpc.bus.gs_mw[2]).toBe(10);
    expect(mpc.busName).toBeUndefined();
  });

  it('accepts commas, rows on one line, continuations, block comments and no trailing semicolons', () => {
    const text = `%{
a block comment
mpc.bus = [ this is not read ];
%}
function mpc = odd
mpc.version = "2";
mpc.baseMVA = 100
mpc.bus = [1, 3, 0, 0, 0, 0, 1, 1, 0, 230, 1, 1.1, 0.9; 2, 1, 5e+1, 0, 0, 0, 1, 1, ...  continued
  0, 230, 1, 1.1, 0.9]
mpc.gen = [1 50 0 10 -10 1 100 1 +Inf 0]
mpc.branch = [ 1	2	0	.1	0	0	0	0	0	0	1 ]   % 11 columns: ANGMIN/ANGMAX default
mpc.bus_name = {'one', 'two'}
`;
    const mpc = parseMatpowerCase(text, 'odd.m');
    expect(Array.from(mpc.bus.pd_mw)).toEqual([0, 50]);
    expect(mpc.gen.pmax_mw[0]).toBe(Infinity);
    expect(mpc.branch.x_pu[0]).toBe(0.1);
    expect(mpc.branch.angmin_deg[0]).toBe(-360);
    expect(mpc.branch.angmax_deg[0]).toBe(360);
    expect(mpc.busName).toEqual(['one', 'two']);
  });

  it('allows an in-service branch with x = 0 only if it is out of service', () => {
    const out = MINIMAL.replace('1 2 0 0.1 0 0 0 0 0 0 1 -360 360', '1 2 0 0 0 0 0 0 0 0 0 -360 360');
    expect(parseMatpowerCase(out).branch.status[0]).toBe(0);
  });
});

describe('parseMatpowerCase: malformed files name the file and line', () => {
  const cases: [file: string, line: number | undefined, message: RegExp][] = [
    ['bad_number.m', 6, /bad number '5O' in mpc\.bus/],
    ['ragged_row.m', 6, /mpc\.bus row 2 has 12 columns, row 1 has 13/],
    ['missing_bus.m', undefined, /no mpc\.bus matrix/],
    ['missing_gen.m', undefined, /no mpc\.gen matrix/],
    ['missing_branch.m', undefined, /no mpc\.branch matrix/],
    ['unknown_bus_branch.m', 12, /mpc\.branch row 1: T_BUS 7 is not a bus/],
    ['unknown_bus_gen.m', 9, /mpc\.gen row 1: GEN_BUS 9 is not a bus/],
    ['version1.m', 1, /version-1 case/],
    ['version_field_1.m', 2, /version '1' is not supported/],
    ['duplicate_bus.m', 6, /duplicate bus number 1 \(first on line 5\)/],
    ['zero_reactance.m', 12, /in service with zero reactance/],
    ['no_reference.m', 4, /no reference bus/],
    ['unterminated_matrix.m', 11, /unterminated matrix for mpc\.branch/],
    ['bus_name_count.m', 14, /mpc\.bus_name has 3 names for 2 buses/],
  ];
  for (const [file, line, message] of cases) {
    it(`${file}`, () => {
      const path = fixture(join('malformed', file));
      let error: MatpowerFormatError | undefined;
      try {
        readMatpowerCase(path);
      } catch (e) {
        error = e as MatpowerFormatError;
      }
      expect(error).toBeInstanceOf(MatpowerFormatError);
      expect(error!.line).toBe(line);
      expect(error!.message).toMatch(message);
      expect(error!.message.startsWith(line === undefined ? `${path}: ` : `${path}:${line}: `)).toBe(true);
      expect(error!.message).not.toContain('\n');
    });
  }

  it('a missing file is one clear error', () => {
    expect(() => readMatpowerCase(fixture('nope.m'))).toThrow(
      /nope\.m: cannot read the case file: no such file/,
    );
  });

  it('rejects what it does not understand rather than guessing', () => {
    expect(
      parseError(MINIMAL.replace('mpc.baseMVA = 100;', 'mpc.baseMVA = 100;\nx = mpc.bus(1, 2);')).line,
    ).toBe(4);
    expect(parseError(MINIMAL.replace('];\nmpc.gen', "]';\nmpc.gen")).message).toMatch(/transpose/);
    expect(parseError(MINIMAL.replace("'2'", "'2")).message).toMatch(/:2: unterminated string/);
    expect(parseError(MINIMAL.replace('1 50 0 10', '1 NaN 0 10')).message).toMatch(/:9: bad number 'NaN'/);
    expect(parseError(MINIMAL.replace('0 230 1 1.1 0.9;\n  2', '0 230 1 1.1 0.9;\n  2.5')).message).toMatch(
      /:6: mpc\.bus row 2: BUS_I is 2\.5, must be a whole number/,
    );
    expect(parseError(MINIMAL.replace('2 1 50', '2 7 50')).message).toMatch(/:6: .*BUS_TYPE 7/);
    expect(parseError(MINIMAL.replace('1 2 0 0.1 0', '1 2 0 Inf 0')).message).toMatch(
      /:12: .*BR_X is Inf, must be finite/,
    );
    expect(parseError(MINIMAL.replace("mpc.version = '2';\n", '')).message).toMatch(
      /^inline\.m: no mpc\.version/,
    );
    expect(parseError(MINIMAL.replace('mpc.baseMVA = 100', 'mpc.baseMVA = -1')).line).toBe(3);
    expect(
      parseError(MINIMAL.replace('1 50 0 10 -10 1 100 1 100 0;', '1 50 0 10 -10 1 100 1;')).message,
    ).toMatch(/mpc\.gen has 8 columns, needs at least 10 \(no PMAX\)/);
  });
});
