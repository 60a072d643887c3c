/**
 * Bus sections of every transmission bus. A bus with enough terminals is split into two
 * sections joined by a bus-tie breaker (the breaker-and-a-half and split-bus layouts utilities
 * build at busy stations); a fault on one section (TPL-001 P2) trips only the lines,
 * transformers and units on it. Terminals are spread so each section keeps a supply: branches
 * balanced between the sections, the circuits of one corridor (a double circuit) and the
 * parallel autotransformers of a hub on different sections, then transformers and units.
 */

/** A bus with at least this many terminals (lines, transformers, units) gets two sections. */
export const SPLIT_BUS_MIN_TERMINALS = 4;

export interface BusSectionLayout {
  /** Bus of each section, and its number there (1 or 2). */
  sectionBus: number[];
  sectionNumber: number[];
  branchFromSection: number[];
  branchToSection: number[];
  /** Section of each substation transformer (by its bus) and each generating unit. */
  transformerSection: number[];
  unitSection: number[];
}

/**
 * @param transformerBus the high-side bus of every substation transformer
 * @param unitBus the bus of every generating unit
 *
 * @example
 * // Two lines and two transformers at bus 0: one line and one transformer per section.
 * layOutBusSections(3, [0, 0], [1, 2], [0, 0], []);
 */
export function layOutBusSections(
  nBus: number,
  branchFrom: readonly number[],
  branchTo: readonly number[],
  transformerBus: ArrayLike<number>,
  unitBus: readonly number[],
): BusSectionLayout {
  const branchEnds = new Int32Array(nBus);
  const terminals = new Int32Array(nBus);
  const count = (b: number, branch: boolean) => {
    if (b < 0 || b >= nBus) throw new Error(`bus-section-layout: bus ${b} outside [0, ${nBus})`);
    terminals[b]++;
    if (branch) branchEnds[b]++;
  };
  branchFrom.forEach((a, l) => {
    count(a, true);
    count(branchTo[l], true);
  });
  for (let k = 0; k < transformerBus.length; k++) count(transformerBus[k], false);
  unitBus.forEach((b) => count(b, false));

  const firstSection = new Int32Array(nBus);
  const split = new Uint8Array(nBus);
  const sectionBus: number[] = [];
  const sectionNumber: number[] = [];
  for (let b = 0; b < nBus; b++) {
    firstSection[b] = sectionBus.length;
    split[b] = terminals[b] >= SPLIT_BUS_MIN_TERMINALS && branchEnds[b] >= 2 ? 1 : 0;
    for (let n = 1; n <= 1 + split[b]; n++) {
      sectionBus.push(b);
      sectionNumber.push(n);
    }
  }

  // Per bus and side: branches and other terminals placed so far.
  const onBranches = new Int32Array(2 * nBus);
  const onOthers = new Int32Array(2 * nBus);
  const lastOfFamily = new Map<string, number>();
  const placeBranch = (b: number, other: number): number => {
    if (!split[b]) return firstSection[b];
    // Parallel branches between the same buses alternate sections; others go where fewer are.
    const family = `${b}:${other}`;
    const previous = lastOfFamily.get(family);
    const side = previous !== undefined ? 1 - previous : onBranches[2 * b + 1] < onBranches[2 * b] ? 1 : 0;
    lastOfFamily.set(family, side);
    onBranches[2 * b + side]++;
    return firstSection[b] + side;
  };
  const placeOther = (b: number, sameKind: Int32Array): number => {
    if (!split[b]) return firstSection[b];
    const load = (s: number) => onOthers[2 * b + s] + onBranches[2 * b + s];
    const side =
      sameKind[2 * b + 1] < sameKind[2 * b] || (sameKind[2 * b + 1] === sameKind[2 * b] && load(1) < load(0))
        ? 1
        : 0;
    sameKind[2 * b + side]++;
    onOthers[2 * b + side]++;
    return firstSection[b] + side;
  };

  const branchFromSection = branchFrom.map((a, l) => placeBranch(a, branchTo[l]));
  const branchToSection = branchTo.map((b, l) => placeBranch(b, branchFrom[l]));
  const transformersOn = new Int32Array(2 * nBus);
  const transformerSection = Array.from({ length: transformerBus.length }, (_, k) =>
    placeOther(transformerBus[k], transformersOn),
  );
  const unitsOn = new Int32Array(2 * nBus);
  const unitSection = unitBus.map((b) => placeOther(b, unitsOn));
  return { sectionBus, sectionNumber, branchFromSection, branchToSection, transformerSection, unitSection };
}
