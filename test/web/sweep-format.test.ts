/** How the sweep panel names a sweep's selection, including contingency sweeps. */
import { describe, expect, it } from 'vitest';
import { selectionTitle, tablesOfSelection } from '../../web/src/panels/sweep/sweep-format.ts';

describe('sweep selection titles', () => {
  it('names tables, chosen assets and contingency kinds', () => {
    expect(selectionTitle('tables=substations,transformers')).toBe('Substations, Transformers');
    expect(tablesOfSelection('tables=transmission_lines;contingency=n-2')).toEqual(['transmission_lines']);
    expect(selectionTitle('tables=transmission_lines;contingency=common_mode')).toBe(
      'Transmission lines · common-mode (shared structures)',
    );
    expect(selectionTitle('assets=0123456789abcdef;contingency=n-1-1')).toBe(
      'Chosen assets (0123456789abcdef) · N-1-1 ordered pairs',
    );
    expect(tablesOfSelection('assets=0123456789abcdef')).toBeNull();
  });
});
