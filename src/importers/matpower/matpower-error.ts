/** The error every MATPOWER reading step throws: names the file and, when known, the line. */
export class MatpowerFormatError extends Error {
  constructor(
    /** What is wrong, without the location. */
    readonly detail: string,
    /** The file (or source label) being read. */
    readonly file: string,
    /** 1-based line number, when the problem has one place. */
    readonly line?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${detail}`);
    this.name = 'MatpowerFormatError';
  }
}
