/** The invariant checks catch each kind of broken grid they exist for. */
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../src/analytics/invariants.ts';
import { checkTpl001 } from '../../src/analytics/tpl001-check.ts';
import { generateGrid } from '../../src/generator/generate.ts';
import type { GridModel } from '../../src/model/grid-model.ts';

const fresh = (): GridModel => generateGrid({ scale: 'sample', seed: 9 });
const failing = (model: GridModel) =>
  checkInvariants(model)
    .checks.filter((c) => !c.ok)
    .map((c) => c.name);

describe('invariant checks', () => {
  it('pass on a generated grid', () => {
    expect(failing(fresh())).toEqual([]);
  });

  it('catch a dangling reference', () => {
    const m = fresh();
    m.tables.meters.cols.transformer[3] = m.tables.transformers.size + 5;
    expect(failing(m)).toContain('references');
  });

  it('catch a loop: a section feeding a node that already has a feed', () => {
    const m = fresh();
    const sec = m.tables.line_sections.cols;
    sec.to_node[10] = sec.to_node[11];
    expect(failing(m)).toContain('radial_feeders');
  });

  it('catch a meter whose path does not reach a substation', () => {
    const m = fresh();
    // Cut the feeder head's getaway: everything below is unreachable.
    const head = m.tables.feeders.cols.head_node[0];
    const sec = m.tables.line_sections.cols;
    const getaway = sec.from_node.indexOf(head);
    sec.from_node[getaway] = sec.to_node[getaway];
    expect(failing(m)).toEqual(expect.arrayContaining(['radial_feeders', 'meters_reach_substation']));
  });

  it('catch an orphan transformer with no meters', () => {
    const m = fresh();
    const t0 = m.tables.meters.cols.transformer[0];
    for (let i = 0; i < m.tables.meters.size; i++) {
      if (m.tables.meters.cols.transformer[i] === t0)
        m.tables.meters.cols.transformer[i] = (t0 + 1) % m.tables.transformers.size;
    }
    expect(failing(m)).toContain('no_orphans');
  });

  it('catch a coordinate outside the region', () => {
    const m = fresh();
    m.tables.poles.cols.lon[0] = m.meta.region[2] + 0.5;
    expect(failing(m)).toContain('coordinates_in_region');
  });

  it('catch an overload in the base case', () => {
    const m = fresh();
    m.tables.transformers.cols.kva[0] = 0.5;
    const report = checkInvariants(m);
    expect(report.checks.find((c) => c.name === 'base_case_secure')!.detail).toMatch(/transformers \d+/);
    expect(report.ok).toBe(false);
  });

  it('catch transmission that is not TPL-001 P1 secure at the design peak', () => {
    const m = fresh();
    // Cut the rating of the branch the worst single contingency loads most: that outage overloads it.
    const worst = checkTpl001(m).p1_worst!;
    const l = m.tables.transmission_lines.ids.indexOf(worst.worst_branch!);
    m.tables.transmission_lines.cols.rating_mva[l] *= (0.9 * worst.worst_loading_pct) / 100;
    const check = checkInvariants(m).checks.find((c) => c.name === 'tpl001_p1')!;
    expect(check.ok).toBe(false);
    expect(check.detail).toContain(worst.worst_branch!);
  });
});
