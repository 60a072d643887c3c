/**
 * Evaluation metrics for the GNN risk model and its baselines: pure functions over
 * ArrayLike<number> (number[], Float32Array, Float64Array), null where a metric is undefined.
 */
export { mae, rmse } from './errors.ts';
export { pearson } from './pearson.ts';
export { r2 } from './r2.ts';
export { averageRanks } from './ranks.ts';
export { argsort } from './sort.ts';
export { spearman } from './spearman.ts';
