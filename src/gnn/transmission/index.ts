/** Issue 9 (b), the transmission outcome: does an initial outage shed load, and how much. */
export { gridTransmissionCase, matpowerTransmissionCase } from './cases.ts';
export {
  balancedDcFlow,
  operatingState,
  type BalancedFlow,
  type OperatingState,
  type TransmissionCase,
  type TransmissionCondition,
} from './operating-state.ts';
export { caseLodf, outageFlows, type OutageFlows } from './outage-flows.ts';
export {
  caseSamples,
  classBalance,
  enumerateOutages,
  sampleTransmissionConditions,
  SHED_TOLERANCE_MW,
  type CaseSamples,
  type OutageSample,
  type SampleOptions,
} from './samples.ts';
export {
  caseGraph,
  EDGE_FEATURES,
  exampleInputs,
  GRAPH_FEATURES,
  NODE_FEATURES,
  type CaseGraph,
  type ExampleInputs,
} from './inputs.ts';
export { DEFICIT_SCORE, lodfScreen, type ScreenResult } from './lodf-screen.ts';
export { buildBatch, type InputScalers, type OutcomeBatch } from './batch.ts';
export {
  datasetBatch,
  fitInputScalers,
  itemInputs,
  outcomeDataset,
  shedClass,
  shedTruth,
  type OutcomeDataset,
} from './dataset.ts';
export {
  OUTCOME_MODEL_DEFAULTS,
  OUTCOME_MODEL_KINDS,
  OUTCOME_OUTPUTS,
  OutcomeModel,
  type OutcomeModelConfig,
  type OutcomeModelKind,
} from './outcome-model.ts';
export {
  OUTCOME_TRAIN_DEFAULTS,
  predictOutcomes,
  trainOutcomeModel,
  type OutcomeEpochReport,
  type OutcomeTrainOptions,
  type TrainedOutcomeModel,
} from './train.ts';
export {
  outcomeReport,
  screenPredictions,
  screenRuleReport,
  validationThreshold,
  type OutcomePredictions,
  type OutcomeReport,
} from './evaluate.ts';
