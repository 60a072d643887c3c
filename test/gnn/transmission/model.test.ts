import { describe, expect, it } from 'vitest';
import { syntheticMatpowerCase } from '../../../src/importers/matpower/index.ts';
import { auroc } from '../../../src/gnn/metrics/index.ts';
import {
  caseSamples,
  matpowerTransmissionCase,
  outcomeDataset,
  outcomeReport,
  predictOutcomes,
  shedClass,
  trainOutcomeModel,
  validationThreshold,
  type OutcomeModelKind,
} from '../../../src/gnn/transmission/index.ts';

const sets = [1, 2].map((seed) =>
  caseSamples(
    matpowerTransmissionCase(syntheticMatpowerCase({ nBus: 30, seed })),
    [
      { load_factor: 1.2, temperature_c: 25 },
      { load_factor: 1.45, temperature_c: 35 },
    ],
    { pairsPerCondition: 30 },
  ),
);
const data = outcomeDataset(sets);

describe('gnn/transmission model', () => {
  it.each(['gine', 'gcn', 'mlp'] as OutcomeModelKind[])('%s fits a small labelled set', (kind) => {
    const truth = shedClass(data);
    expect(truth.some((v) => v === 1) && truth.some((v) => v === 0)).toBe(true);
    const trained = trainOutcomeModel(data, data, { kind, epochs: 8, hidden: 16, layers: 2, batchSize: 16 });
    const first = trained.history[0].train_loss;
    const last = trained.history[trained.history.length - 1].train_loss;
    expect(last).toBeLessThan(first);
    const p = predictOutcomes(trained, data);
    expect(auroc(truth, p.p_shed)!).toBeGreaterThan(0.9);
  });
});

describe('gnn/transmission evaluation', () => {
  it('returns the known metrics of hand-made predictions', () => {
    const truth = Float64Array.of(0, 5, 0, 9, 0, 2);
    const score = Float64Array.of(0.1, 0.8, 0.3, 0.9, 0.6, 0.5);
    const r = outcomeReport(truth, { score, shed_mw: Float64Array.of(0, 4, 0, 10, 1, 2) }, 0.5);
    expect(r.n).toBe(6);
    expect(r.positives).toBe(3);
    // At 0.5: positives 0.8, 0.9, 0.5 caught; negative 0.6 is a false alarm: (1 + 2/3) / 2.
    expect(r.balanced_accuracy).toBeCloseTo(5 / 6, 12);
    // Pairs (positive, negative) ranked right: 0.8 > all 3; 0.9 > all 3; 0.5 > 0.1, 0.3: 8 of 9.
    expect(r.auroc).toBeCloseTo(8 / 9, 12);
    // MW on the three shedding examples: errors 1, 1, 0; ranks agree.
    expect(r.mw.n).toBe(3);
    expect(r.mw.mae_mw).toBeCloseTo(2 / 3, 12);
    expect(r.mw.spearman).toBeCloseTo(1, 12);
    // The validation threshold is the best balanced accuracy's (the highest on ties).
    expect(validationThreshold([0, 1, 0, 1], [0.1, 0.8, 0.3, 0.9])).toBe(0.8);
  });
});
