/** Branch derating by kind: conductors by IEEE 738, autotransformers by the transformer rule. */
import { describe, expect, it } from 'vitest';
import {
  BRANCH_AUTOTRANSFORMER,
  BRANCH_LINE,
  branchRatingFactor,
  derateBranches,
} from '../../src/model/branch-rating.ts';

describe('branch derating', () => {
  it('derates a line as a conductor and an autotransformer as a transformer at 41 °C', () => {
    // sqrt((75 − 41) / (75 − 25)) = 0.8246; 1 − 0.01 · (41 − 30) = 0.89.
    expect(branchRatingFactor(BRANCH_LINE, 41)).toBeCloseTo(Math.sqrt(34 / 50), 12);
    expect(branchRatingFactor(BRANCH_AUTOTRANSFORMER, 41)).toBeCloseTo(0.89, 12);
    const derated = derateBranches(Float64Array.of(330, 600), Uint8Array.of(0, 1), 41);
    expect(derated[0]).toBeCloseTo(330 * Math.sqrt(34 / 50), 9);
    expect(derated[1]).toBeCloseTo(534, 9);
  });

  it('leaves both at their nominal rating at 25 °C', () => {
    expect(Array.from(derateBranches(Float64Array.of(330, 600), Uint8Array.of(0, 1), 25))).toEqual([
      330, 600,
    ]);
  });
});
