/**
 * Contingencies beyond a single asset: common-mode outages (circuits on shared structures fail
 * together), N-2 (two assets at once) and N-1-1 (a second outage after the system has settled
 * from the first), as the items a cascade or a sweep runs. An item is a list of stages; each
 * stage fails once the cascade before it has settled.
 */
import type { GridModel } from '../model/grid-model.ts';
import type { AssetRef } from '../search/asset-locator.ts';

/** What naming and grouping items needs: asset ids, and the shared-structure number of each line. */
export interface ContingencyNames {
  id(ref: AssetRef): string;
  /** transmission_lines.structure */
  structure: ArrayLike<number>;
}

/** The names of a loaded model. */
export function modelNames(model: GridModel): ContingencyNames {
  return {
    id: (ref) => model.tables[ref.table].ids[ref.index],
    structure: model.tables.transmission_lines.cols.structure,
  };
}

export const CONTINGENCY_KINDS = ['single', 'common_mode', 'n-2', 'n-1-1'] as const;
export type ContingencyKind = (typeof CONTINGENCY_KINDS)[number];

export interface ContingencyItem {
  /** Stage 0 fails at the start; each later stage once the cascade has settled. */
  stages: AssetRef[][];
  /** "TL-0001" (single), "TL-0001+TL-0002" (together), "TL-0001>TL-0002" (one after the other). */
  label: string;
}

/** Most items a sweep may ask for (pairs grow as n²). */
export const MAX_CONTINGENCY_ITEMS = 250_000;

/** The asset and everything that fails with it in a common-mode outage (the other circuits on its towers). */
export function commonModeGroup(names: Pick<ContingencyNames, 'structure'>, ref: AssetRef): AssetRef[] {
  if (ref.table !== 'transmission_lines') return [ref];
  const structure = names.structure;
  const s = structure[ref.index];
  if (s < 0) return [ref];
  const out: AssetRef[] = [];
  for (let l = 0; l < structure.length; l++)
    if (structure[l] === s) out.push({ table: 'transmission_lines', index: l });
  return out;
}

/** `refs` with every line's other circuits on shared towers added (each asset once). */
export function withCommonMode(model: GridModel, refs: readonly AssetRef[]): AssetRef[] {
  const names = modelNames(model);
  const seen = new Set<string>();
  const out: AssetRef[] = [];
  for (const r of refs)
    for (const g of commonModeGroup(names, r)) {
      const key = `${g.table}:${g.index}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(g);
      }
    }
  return out;
}

/**
 * The items of a sweep over `refs`: each alone; each with its common-mode group (once per
 * group, only groups of two or more); every unordered pair at once; every ordered pair one after
 * the other. Throws a RangeError when the count exceeds MAX_CONTINGENCY_ITEMS.
 */
export function contingencyItems(
  names: ContingencyNames,
  kind: ContingencyKind,
  refs: readonly AssetRef[],
): ContingencyItem[] {
  const idOf = (ref: AssetRef) => names.id(ref);
  const label = (stage: AssetRef[]) => stage.map(idOf).join('+');
  const count =
    kind === 'n-2'
      ? (refs.length * (refs.length - 1)) / 2
      : kind === 'n-1-1'
        ? refs.length * (refs.length - 1)
        : 0;
  if (count > MAX_CONTINGENCY_ITEMS)
    throw new RangeError(
      `contingencies: ${kind} over ${refs.length} assets is ${count.toLocaleString('en-US')} cascades ` +
        `(at most ${MAX_CONTINGENCY_ITEMS.toLocaleString('en-US')}); choose fewer assets`,
    );
  switch (kind) {
    case 'single':
      return refs.map((r) => ({ stages: [[r]], label: idOf(r) }));
    case 'common_mode': {
      const seen = new Set<string>();
      const out: ContingencyItem[] = [];
      for (const r of refs) {
        const group = commonModeGroup(names, r);
        const key = label(group);
        if (group.length < 2 || seen.has(key)) continue;
        seen.add(key);
        out.push({ stages: [group], label: key });
      }
      return out;
    }
    case 'n-2': {
      const out: ContingencyItem[] = [];
      for (let i = 0; i < refs.length; i++)
        for (let j = i + 1; j < refs.length; j++)
          out.push({ stages: [[refs[i], refs[j]]], label: label([refs[i], refs[j]]) });
      return out;
    }
    case 'n-1-1': {
      const out: ContingencyItem[] = [];
      for (let i = 0; i < refs.length; i++)
        for (let j = 0; j < refs.length; j++)
          if (i !== j)
            out.push({ stages: [[refs[i]], [refs[j]]], label: `${idOf(refs[i])}>${idOf(refs[j])}` });
      return out;
    }
  }
}
