/**
 * Search over asset ids, names, addresses and meter/customer numbers: an inverted index of
 * lower-cased tokens with prefix matching on the last word of the query. Results rank exact id
 * hits first, then by how central the asset type is to operators.
 */
import type { GridModel, TableName } from '../model/grid-model.ts';
import { AssetLocator } from './asset-locator.ts';

export interface SearchHit {
  table: TableName;
  index: number;
}

/** Tables whose name-like columns are indexed, in ranking order. */
const INDEXED: readonly { table: TableName; columns: string[] }[] = [
  { table: 'substations', columns: ['name'] },
  { table: 'feeders', columns: ['name'] },
  { table: 'generators', columns: ['name'] },
  { table: 'transmission_lines', columns: ['name'] },
  { table: 'customers', columns: ['name', 'address'] },
  { table: 'roads', columns: ['name'] },
  { table: 'water_bodies', columns: ['name'] },
];

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export class SearchIndex {
  private readonly postings = new Map<string, number[]>();
  private sortedTokens: string[] = [];
  private readonly entryTable: number[] = [];
  private readonly entryIndex: number[] = [];

  constructor(
    private readonly model: GridModel,
    private readonly locator: AssetLocator,
  ) {
    INDEXED.forEach(({ table, columns }, rank) => {
      const t = model.tables[table];
      const cols = columns.map((c) => (t.cols as unknown as Record<string, string[]>)[c]);
      const seenNames = new Set<string>();
      for (let i = 0; i < t.size; i++) {
        const text = cols.map((c) => c[i]).join(' ');
        if (!text.trim()) continue;
        // Roads and bayous repeat their names along many pieces: index each name once.
        if ((table === 'roads' || table === 'water_bodies') && seenNames.has(text)) continue;
        seenNames.add(text);
        const entry = this.entryTable.length;
        this.entryTable.push(rank);
        this.entryIndex.push(i);
        for (const tok of new Set(tokens(text))) {
          let list = this.postings.get(tok);
          if (!list) this.postings.set(tok, (list = []));
          list.push(entry);
        }
      }
    });
    this.sortedTokens = [...this.postings.keys()].sort();
  }

  private entriesWithPrefix(prefix: string, cap: number): number[] {
    let lo = 0;
    let hi = this.sortedTokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sortedTokens[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = lo; k < this.sortedTokens.length && this.sortedTokens[k].startsWith(prefix); k++) {
      for (const e of this.postings.get(this.sortedTokens[k])!) {
        out.push(e);
        if (out.length >= cap) return out;
      }
    }
    return out;
  }

  search(query: string, limit = 10): SearchHit[] {
    const q = query.trim();
    if (!q) return [];
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    const push = (table: TableName, index: number) => {
      const key = `${table}:${index}`;
      if (!seen.has(key) && hits.length < limit) {
        seen.add(key);
        hits.push({ table, index });
      }
    };
    // 1. An exact id, in any case.
    const exact = this.locator.locate(q.toUpperCase());
    if (exact) push(exact.table, exact.index);
    // 2. A bare number: meter and customer numbers.
    if (/^\d{1,9}$/.test(q)) {
      for (const prefix of ['MTR', 'CUST', 'XFMR', 'POLE']) {
        const ref = this.locator.locate(
          `${prefix}-${q.padStart(prefix === 'MTR' || prefix === 'CUST' ? 7 : 6, '0')}`,
        );
        if (ref) push(ref.table, ref.index);
      }
    }
    // 3. Words: every word must match; the last may be a prefix.
    const words = tokens(q);
    if (words.length && hits.length < limit) {
      const last = words[words.length - 1];
      let candidates: number[] | undefined;
      for (const w of words.slice(0, -1)) {
        const list = this.postings.get(w) ?? [];
        candidates = candidates ? intersect(candidates, list) : list.slice();
      }
      const lastList = this.entriesWithPrefix(last, 200_000).sort((a, b) => a - b);
      candidates = candidates ? intersect(candidates, lastList) : lastList;
      candidates.sort((a, b) => this.entryTable[a] - this.entryTable[b] || a - b);
      for (const e of candidates) {
        if (hits.length >= limit) break;
        push(INDEXED[this.entryTable[e]].table, this.entryIndex[e]);
      }
    }
    return hits;
  }
}

function intersect(a: number[], b: number[]): number[] {
  const sb = new Set(b);
  return a.filter((x) => sb.has(x));
}
