/** Centrality metrics over CSR graphs (src/topology/build-graph.ts); each result is a Float64Array indexed by node. */
export {
  betweennessCentrality,
  sampleSources,
  BETWEENNESS_DEFAULTS,
  type BetweennessOptions,
} from './betweenness.ts';
export {
  closenessCentrality,
  harmonicCentrality,
  CLOSENESS_DEFAULTS,
  HARMONIC_DEFAULTS,
  type ClosenessOptions,
  type HarmonicOptions,
} from './closeness.ts';
export { degreeCentrality, DEGREE_DEFAULTS, type DegreeOptions } from './degree.ts';
export { eigenvectorCentrality, EIGENVECTOR_DEFAULTS, type EigenvectorOptions } from './eigenvector.ts';
export { pagerank, PAGERANK_DEFAULTS, type PagerankOptions } from './pagerank.ts';
