/**
 * MATPOWER version-2 case files: read, check, write, synthesize, export a grid's transmission
 * network, and run MATPOWER's DC power flow.
 */
export {
  BRANCH_COLUMNS,
  BUS_COLUMNS,
  BUS_TYPE,
  GEN_COLUMNS,
  type MatpowerBranchTable,
  type MatpowerBusTable,
  type MatpowerCase,
  type MatpowerColumn,
  type MatpowerGenTable,
} from './case-format.ts';
export { buildCase, type CaseRows } from './case-builder.ts';
export { gridToMatpowerCase, type TransmissionGrid } from './from-grid.ts';
export { buildMatpowerDcNetwork, type MatpowerDcNetwork } from './dc-network.ts';
export { MatpowerFormatError } from './matpower-error.ts';
export { parseMatpowerCase } from './parse-case.ts';
export { readMatpowerCase } from './read-case.ts';
export {
  matpowerReferenceBuses,
  runMatpowerDcPowerFlow,
  type MatpowerDcPowerFlowResult,
} from './run-dc-power-flow.ts';
export {
  SYNTHETIC_CASE_DEFAULTS,
  syntheticMatpowerCase,
  type SyntheticCaseOptions,
} from './synthetic-case.ts';
export { formatMatlabNumber, writeMatpowerCase } from './write-case.ts';
