/** The distribution planning checks `flux info` reports, on a planned grid and on broken copies. */
import { describe, expect, it } from 'vitest';
import {
  checkDistributionDesignPeak,
  checkDistributionPlanning,
} from '../../src/analytics/distribution-planning-check.ts';
import { buildDatasetReport } from '../../src/analytics/dataset-report.ts';
import { generateGrid } from '../../src/generator/generate.ts';

describe('distribution planning checks', () => {
  it('pass on a generated grid and are part of the dataset report', () => {
    const model = generateGrid({ scale: 'sample', seed: 3 });
    const [p0, ties] = checkDistributionPlanning(model);
    expect(p0).toMatchObject({ name: 'distribution_design_peak', ok: true });
    expect(p0.detail).toMatch(
      /^no distribution equipment above its derated rating at 14–19 h at 41 °C \(max /,
    );
    expect(ties).toMatchObject({ name: 'distribution_tie_transfer', ok: true });
    expect(ties.detail).toMatch(
      /: 0 of 50 feeder-head outages leave tied load dark, 100\.0 % of their tied customers/,
    );
    const report = buildDatasetReport(model);
    expect(report.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(['distribution_design_peak', 'distribution_tie_transfer']),
    );
    expect(report.invariants).toBe('ok');
  });

  it('names the overloaded service transformer and its hour when P0 fails, and the report fails', () => {
    const model = generateGrid({ scale: 'sample', seed: 3 });
    const kva = model.tables.transformers.cols.kva;
    const x = kva.indexOf(Math.max(...kva));
    kva[x] = 1;
    const p0 = checkDistributionDesignPeak(model);
    expect(p0.ok).toBe(false);
    expect(p0.detail).toMatch(
      new RegExp(
        `^above the derated rating at 14–19 h at 41 °C: ${model.tables.transformers.ids[x]} \\d+\\.\\d % at 1\\d:00$`,
      ),
    );
    expect(buildDatasetReport(model).invariants).toBe('failed');
  });
});
