/** Public API of the storage module. */
export type {
  AssetRecord,
  BboxQueryOptions,
  DatasetMeta,
  DatasetWriter,
  ExtraMeta,
  GridRepository,
  ProgressFn,
  ReadOptions,
  WriteOptions,
  WriteResult,
} from './grid-repository.ts';
export { DatasetError, type DatasetErrorCode } from './dataset-error.ts';
export { COORD_SCALE, quantizeCoord, quantizeCoordsInPlace } from './coords.ts';
export { MIGRATIONS, SCHEMA_VERSION, migrate, type Migration } from './migrations/index.ts';
export { DATASET_FILE } from './sqlite/ddl.ts';
export { openDataset, type OpenOptions } from './sqlite/open.ts';
export { SqliteGridRepository } from './sqlite/repository.ts';
export { sqliteDatasetWriter, writeDataset } from './sqlite/writer.ts';
