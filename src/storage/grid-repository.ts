/**
 * What every grid store offers: the embedded SQLite store (sqlite/) and, later, PostgreSQL.
 * Methods return promises so a networked store can implement the same interface.
 */
import type { Bbox, GridMeta, GridModel, GridTables, TableName } from '../model/grid-model.ts';

/** JSON-serialisable extra metadata saved beside the model's own (e.g. content_hash). */
export type ExtraMeta = Record<string, unknown>;

/** Dataset metadata: the model's GridMeta, the store's schema version and any extra entries. */
export type DatasetMeta = GridMeta & {
  schema_version: number;
  /** SHA-256 of the model (see model/hash.ts), when the writer was given one. */
  content_hash?: string;
} & ExtraMeta;

/** One asset as the API and assistant show it. */
export interface AssetRecord {
  table: TableName;
  /** Row index in its table (what `ref` columns hold). */
  index: number;
  id: string;
  /** Every model column except lon/lat; u8 code columns hold their stored number. */
  properties: Record<string, number | string>;
  /** Point tables only. */
  lon?: number;
  lat?: number;
  /** Path/polygon tables only: flat [lon, lat, ...] at the stored 1e-7 degree precision. */
  shape?: number[];
}

export interface BboxQueryOptions {
  /** Most rows to return (default 1000). */
  limit?: number;
  /** Rows to skip, in row-index order (default 0). */
  offset?: number;
}

/** Called about every 50K rows and at the end of each table (done === total). */
export type ProgressFn = (table: TableName, done: number, total: number) => void;

export interface WriteOptions {
  onProgress?: ProgressFn;
}

export interface ReadOptions {
  onProgress?: ProgressFn;
}

export interface WriteResult {
  /** The dataset file written. */
  path: string;
  bytes: number;
}

export interface GridRepository {
  /** Where the dataset lives (a file path or a connection string without secrets). */
  readonly location: string;
  readMeta(): Promise<DatasetMeta>;
  /** Row count of every table. */
  counts(): Promise<Record<TableName, number>>;
  /** The whole model, with arrays equal to those written (shapes at 1e-7 degree). */
  readModel(options?: ReadOptions): Promise<GridModel>;
  /** One table, as in readModel. */
  readTable<N extends TableName>(name: N, options?: ReadOptions): Promise<GridTables[N]>;
  getAsset(id: string): Promise<AssetRecord | undefined>;
  /**
   * Rows of `table` whose bounding box (for points: the point) meets `bbox` [west, south,
   * east, north], edges included, in row-index order. Throws for tables without geometry.
   */
  queryBbox(table: TableName, bbox: Bbox, options?: BboxQueryOptions): Promise<AssetRecord[]>;
  /** How many rows queryBbox would return without limit. */
  countBbox(table: TableName, bbox: Bbox): Promise<number>;
  close(): Promise<void>;
}

/** Writes a whole model as one dataset, replacing any previous one atomically. */
export interface DatasetWriter {
  writeDataset(
    target: string,
    model: GridModel,
    extraMeta?: ExtraMeta,
    options?: WriteOptions,
  ): Promise<WriteResult>;
}
