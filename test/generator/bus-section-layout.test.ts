/** Bus sections: which buses split and where each line, transformer and unit lands. */
import { describe, expect, it } from 'vitest';
import { layOutBusSections } from '../../src/generator/bus-section-layout.ts';

describe('layOutBusSections', () => {
  it('splits a bus of two lines and two transformers: one of each per section', () => {
    const s = layOutBusSections(3, [0, 0], [1, 2], [0, 0], []);
    // Bus 0 has sections 0 and 1; buses 1 and 2 (one terminal each) one section each.
    expect(s.sectionBus).toEqual([0, 0, 1, 2]);
    expect(s.sectionNumber).toEqual([1, 2, 1, 1]);
    expect(s.branchFromSection).toEqual([0, 1]);
    expect(s.branchToSection).toEqual([2, 3]);
    expect(s.transformerSection).toEqual([0, 1]);
  });

  it('keeps a bus of three terminals whole', () => {
    const s = layOutBusSections(3, [0, 0], [1, 2], [0], []);
    expect(s.sectionBus).toEqual([0, 1, 2]);
    expect(s.transformerSection).toEqual([0]);
  });

  it('puts the two circuits of a double circuit on different sections at both ends', () => {
    // Buses 0 and 1 joined by two circuits, each bus also on a line to bus 2 and with a transformer.
    const s = layOutBusSections(3, [0, 0, 0, 1], [1, 1, 2, 2], [0, 1], []);
    expect(s.branchFromSection[0]).not.toBe(s.branchFromSection[1]);
    expect(s.branchToSection[0]).not.toBe(s.branchToSection[1]);
  });

  it('spreads a plant’s units over its switchyard sections', () => {
    const s = layOutBusSections(3, [0, 0], [1, 2], [], [0, 0, 0, 0]);
    expect(s.unitSection.filter((x) => x === 0)).toHaveLength(2);
    expect(s.unitSection.filter((x) => x === 1)).toHaveLength(2);
  });

  it('names a terminal on a bus that does not exist', () => {
    expect(() => layOutBusSections(2, [0], [1], [5], [])).toThrow(/bus 5 outside/);
  });
});
