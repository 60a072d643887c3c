/**
 * Least-recently-used cache of encoded tiles with a byte budget: the oldest entries are evicted
 * once the bodies held exceed it. Keys are `layer/z/x/y`.
 */

/** Bytes charged per entry besides its body (key, object, map slot). */
const ENTRY_OVERHEAD_BYTES = 128;

export interface TileCacheStats {
  entries: number;
  bytes: number;
  budgetBytes: number;
  hits: number;
  misses: number;
  evictions: number;
}

export class TileCache<T extends { body: Uint8Array }> {
  private readonly entries = new Map<string, T>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(readonly budgetBytes: number) {
    if (!(budgetBytes >= 0)) throw new Error(`tiles: cache budget must be ≥ 0 bytes, got ${budgetBytes}`);
  }

  /** The cached value, marked as most recently used; undefined on a miss. */
  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores `value`, evicting least recently used entries beyond the budget. */
  set(key: string, value: T): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.byteLength + ENTRY_OVERHEAD_BYTES;
    }
    const size = value.body.byteLength + ENTRY_OVERHEAD_BYTES;
    if (size > this.budgetBytes) return;
    this.entries.set(key, value);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.byteLength + ENTRY_OVERHEAD_BYTES;
      this.evictions++;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): TileCacheStats {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      budgetBytes: this.budgetBytes,
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
    };
  }
}
