/**
 * Finds an asset's table and row from its id. Generated ids are `PREFIX-<zero-padded row+1>`,
 * so most tables resolve by arithmetic; tables with other ids (feeders, imported data) use a map.
 */
import { TABLE_SPECS, type GridModel, type TableName } from '../model/grid-model.ts';

export interface AssetRef {
  table: TableName;
  index: number;
}

/** Ids are upper-case letters, a dash, then letters, digits, dashes, dots or underscores. */
export const ASSET_ID_PATTERN = '^[A-Z]{1,8}-[A-Za-z0-9._-]{1,40}$';
const ID_RE = new RegExp(ASSET_ID_PATTERN);

export class AssetLocator {
  private readonly byPrefix = new Map<
    string,
    { table: TableName; width: number; map?: Map<string, number> }
  >();

  constructor(private readonly model: GridModel) {
    for (const spec of TABLE_SPECS) {
      const ids = model.tables[spec.name].ids;
      const width = ids.length ? ids[0].length - spec.idPrefix.length - 1 : 0;
      const arithmetic = ids.every((id, i) =>
        i % 997 !== 0 && i !== ids.length - 1
          ? true
          : id === `${spec.idPrefix}-${String(i + 1).padStart(width, '0')}`,
      );
      const entry: { table: TableName; width: number; map?: Map<string, number> } = {
        table: spec.name,
        width,
      };
      if (!arithmetic) entry.map = new Map(ids.map((id, i) => [id, i]));
      this.byPrefix.set(spec.idPrefix, entry);
    }
  }

  static isWellFormed(id: string): boolean {
    return ID_RE.test(id);
  }

  locate(id: string): AssetRef | undefined {
    const dash = id.indexOf('-');
    if (dash <= 0) return undefined;
    const entry = this.byPrefix.get(id.slice(0, dash));
    if (!entry) return undefined;
    const ids = this.model.tables[entry.table].ids;
    let index: number | undefined;
    if (entry.map) index = entry.map.get(id);
    else {
      const digits = id.slice(dash + 1);
      if (/^\d+$/.test(digits)) index = Number(digits) - 1;
    }
    if (index === undefined || index < 0 || index >= ids.length || ids[index] !== id) return undefined;
    return { table: entry.table, index };
  }
}
