/**
 * Migration 1: the meta table and every model table from TABLE_SPECS, with R*Trees.
 * It reads the current TABLE_SPECS, so a new dataset gets the latest layout here; a change to
 * the specs comes with a later migration that adds only what an older dataset lacks (see 002).
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
