/** The weather seed of the cascade panel as the API takes it: undefined for blank, an error message when not a whole number ≥ 0. */
export function parseSeed(text: string): number | undefined | string {
  const t = text.trim();
  if (t === '') return undefined;
  if (!/^\d{1,15}$/.test(t)) return 'The seed must be a whole number (0 or more).';
  return Number(t);
}
