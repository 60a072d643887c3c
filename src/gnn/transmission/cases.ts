/**
 * The networks of the transmission-outcome task: a MATPOWER case as the cascade sees it, and a
 * generated grid's transmission network exported through gridToMatpowerCase (nominal ratings:
 * the task derates them itself per condition, by each branch's kind).
 */
import { buildCascadeContext } from '../../cascade/cascade-context.ts';
import { evaluate } from '../../cascade/cascade-evaluation.ts';
import { CascadeState } from '../../cascade/cascade-state.ts';
import { scenario } from '../../cascade/scenarios.ts';
import { matpowerTransmissionNetwork } from '../../cascade/transmission/matpower-cascade.ts';
import type { MatpowerCase } from '../../importers/matpower/case-format.ts';
import { gridToMatpowerCase } from '../../importers/matpower/from-grid.ts';
import type { GridModel } from '../../model/grid-model.ts';
import { RATING_REFERENCE_AMBIENT_C } from '../../model/thermal.ts';
import type { TransmissionCase } from './operating-state.ts';

/**
 * A MATPOWER case (RATE_A as nominal ratings; every branch derated as a line).
 *
 * @example
 * const c = matpowerTransmissionCase(readMatpowerCase('case3_cascade.m'));
 */
export function matpowerTransmissionCase(mpc: MatpowerCase, name = mpc.name): TransmissionCase {
  const net = matpowerTransmissionNetwork(mpc);
  return { name, source: 'matpower', net, branchKind: new Uint8Array(mpc.branch.count) };
}

/**
 * A generated grid's transmission network under the demand of a scenario's normal state (no
 * outage), with nominal ratings (exported at the 25 °C rating reference) and the branch kinds.
 *
 * @example
 * const c = gridTransmissionCase(generateGrid({ scale: 'city', seed: 3 }));
 */
export function gridTransmissionCase(model: GridModel, scenarioName = 'base'): TransmissionCase {
  const sc = scenario(scenarioName);
  const ev = evaluate(buildCascadeContext(model, sc), new CascadeState(model));
  const mpc = gridToMatpowerCase(model, ev.substation_mw, {
    ...sc.conditions,
    temperature_c: RATING_REFERENCE_AMBIENT_C,
  });
  const c = matpowerTransmissionCase(mpc);
  return { ...c, source: 'grid', branchKind: Uint8Array.from(model.tables.transmission_lines.cols.kind) };
}
