/** The one error type for datasets that cannot be opened or read; its message is one line. */

export type DatasetErrorCode =
  /** The dataset directory does not exist or is not a directory. */
  | 'dir_missing'
  /** The directory holds no grid.sqlite. */
  | 'no_dataset'
  /** The file is not SQLite, is truncated or corrupt. */
  | 'invalid'
  /** The file lacks the meta table or its `grid` entry. */
  | 'missing_meta'
  /** The file was written by a newer Flux (higher schema version). */
  | 'too_new';

export class DatasetError extends Error {
  override readonly name = 'DatasetError';

  constructor(
    readonly code: DatasetErrorCode,
    /** The directory or file the problem is about. */
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message.replace(/\s*\n\s*/g, ' '), options);
  }
}
