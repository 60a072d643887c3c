/**
 * Migration 2: bus sections (a table), the branch kind (line or autotransformer), shared
 * structures of double-circuit lines, the bus sections lines, transformers and units connect
 * to, and the wood-pole class. Datasets written before get the table empty and the columns at
 * "unknown" (-1; kind line; class 0), which every reader treats as "not modelled".
 */
import type Database from 'better-sqlite3';
import { BUS_SECTIONS } from '../../model/schema.ts';
import { createTableSql, quoteIdent } from '../sqlite/ddl.ts';
import type { Migration } from './index.ts';

const ADDED_COLUMNS: readonly [table: string, column: string, fallback: number][] = [
  ['transmission_lines', 'kind', 0],
  ['transmission_lines', 'from_section', -1],
  ['transmission_lines', 'to_section', -1],
  ['transmission_lines', 'structure', -1],
  ['substation_transformers', 'bus_section', -1],
  ['generators', 'bus_section', -1],
  ['poles', 'class', 0],
];

export const busSectionsMigration: Migration = {
  version: 2,
  name: 'bus sections, branch kinds, shared structures, pole classes',
  up(db: Database.Database): void {
    // A new dataset gets this layout from migration 1 already (it reads the current specs).
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    if (!tables.has(BUS_SECTIONS.name)) for (const sql of createTableSql(BUS_SECTIONS)) db.exec(sql);
    for (const [table, column, fallback] of ADDED_COLUMNS) {
      const columns = (db.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      if (!columns.includes(column))
        db.exec(
          `ALTER TABLE ${quoteIdent(table)} ADD COLUMN ${quoteIdent(column)} INTEGER NOT NULL DEFAULT ${fallback}`,
        );
    }
  },
};
