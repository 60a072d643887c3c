/**
 * Migration 1: the meta table and every model table from TABLE_SPECS, with R*Trees.
 * It reads the current TABLE_SPECS: once datasets are shared, a change to the specs must come
 * with a new migration (ALTER TABLE ...) and this one must keep producing the version-1 layout.
 */
import type Database from 'better-sqlite3';
import { TABLE_SPECS } from '../../model/grid-model.ts';
import { CREATE_META_SQL, createTableSql } from '../sqlite/ddl.ts';
import type { Migration } from './index.ts';

export const initialMigration: Migration = {
  version: 1,
  name: 'initial',
  up(db: Database.Database): void {
    db.exec(CREATE_META_SQL);
    for (const spec of TABLE_SPECS) {
      for (const sql of createTableSql(spec)) db.exec(sql);
    }
  },
};
