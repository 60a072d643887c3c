/** Stable asset ids: a table prefix and a zero-padded 1-based number, e.g. `XFMR-000123`. */
export function makeId(prefix: string, n: number, width: number): string {
  return `${prefix}-${String(n).padStart(width, '0')}`;
}
