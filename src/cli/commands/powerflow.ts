/** `flux powerflow`: the DC power flow of a MATPOWER case, as MATPOWER's rundcpf computes it. */
import type { MatpowerCase } from '../../importers/matpower/case-format.ts';
import { readMatpowerCase } from '../../importers/matpower/read-case.ts';
import { runMatpowerDcPowerFlow } from '../../importers/matpower/run-dc-power-flow.ts';
import { parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';

const usage = `usage: flux powerflow --matpower FILE [--json]

Runs the DC power flow of a MATPOWER version-2 case file exactly as MATPOWER's rundcpf does:
the case's dispatch, out-of-service branches and generators and isolated buses left out, the
reference bus absorbing the mismatch. Prints every bus's voltage angle and every branch's flow
(out-of-service branches: 0 MW). With --json:
  {"buses": [{"id": BUS_I, "va_deg": x}, ...],
   "branches": [{"index": ROW, "from": F_BUS, "to": T_BUS, "p_mw": x}, ...]}`;

/** The case named by --matpower; a missing flag is a usage error (exit 2), a bad file exit 1. */
export function readCaseFlag(command: string, path: string | undefined): MatpowerCase {
  if (path === undefined || path === '') {
    throw new CliError(`${command}: --matpower FILE is required (see 'flux ${command} --help')`);
  }
  return readMatpowerCase(path);
}

const fixed = (v: number, digits: number, width: number) => v.toFixed(digits).padStart(width);

export const powerflowCommand = {
  summary: 'DC power flow of a MATPOWER case (as MATPOWER rundcpf)',
  usage,
  async run(argv: string[]): Promise<number> {
    const flags = parseFlags('powerflow', argv, { matpower: { type: 'string' }, json: { type: 'boolean' } });
    const mpc = readCaseFlag('powerflow', flags.matpower);
    const { va_deg, p_mw, pg_mw, referenceBuses } = runMatpowerDcPowerFlow(mpc);
    const { bus, branch, gen } = mpc;
    if (flags.json) {
      const out = {
        buses: Array.from(bus.bus_i, (id, i) => ({ id, va_deg: va_deg[i] })),
        branches: Array.from(branch.f_bus, (from, l) => ({
          index: l + 1,
          from,
          to: branch.t_bus[l],
          p_mw: p_mw[l],
        })),
      };
      console.log(JSON.stringify(out));
      return 0;
    }
    const lines = [
      `${mpc.name}: DC power flow, ${bus.count} buses, ${branch.count} branches, base ${mpc.baseMva} MVA`,
      `reference bus: ${Array.from(referenceBuses, (r) => bus.bus_i[r]).join(', ')}`,
      '',
      '     bus     va_deg',
      ...Array.from(bus.bus_i, (id, i) => `${String(id).padStart(8)} ${fixed(va_deg[i], 4, 10)}`),
      '',
      '  branch     from       to        p_mw   rateA_mva  status',
      ...Array.from(branch.f_bus, (from, l) =>
        [
          String(l + 1).padStart(8),
          String(from).padStart(8),
          String(branch.t_bus[l]).padStart(8),
          fixed(p_mw[l], 3, 11),
          fixed(branch.rate_a_mva[l], 1, 11),
          branch.status[l] !== 0 ? '  in' : '  out',
        ].join(' '),
      ),
      '',
      '     gen      bus      pg_mw  status',
      ...Array.from(gen.bus, (b, g) =>
        [
          String(g + 1).padStart(8),
          String(b).padStart(8),
          fixed(pg_mw[g], 3, 10),
          gen.status[g] > 0 ? '  in' : '  out',
        ].join(' '),
      ),
    ];
    console.log(lines.join('\n'));
    return 0;
  },
};
