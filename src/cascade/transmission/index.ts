/** The quasi-steady-state DC overload cascade on transmission networks and MATPOWER cases. */
export { balanceIsland, dispatchInProportion, type IslandMembers } from './dispatch.ts';
export {
  cascadeReport,
  matpowerTransmissionNetwork,
  outageRowsToIndices,
  runMatpowerCascade,
  type MatpowerCascadeReport,
  type MatpowerCascadeRun,
  type MatpowerIsland,
  type MatpowerTrip,
} from './matpower-cascade.ts';
export {
  runTransmissionCascade,
  type CascadeWaveState,
  type OverloadTrip,
  type TransmissionCascadeOptions,
  type TransmissionCascadeResult,
  type TransmissionNetwork,
} from './transmission-cascade.ts';
