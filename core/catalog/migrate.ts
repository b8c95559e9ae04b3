import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';
import { DATA_COLUMNS, sqlTypeOf } from './record-columns.ts';

/**
 * Applies pending migrations in order, each recorded in `user_version`, then adds a column for
 * any record field the table lacks. One immediate transaction: two processes opening an old
 * catalog at once migrate it once.
 */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    const current = Number(db.pragma('user_version', { simple: true }));
    MIGRATIONS.slice(current).forEach((migration, index) => {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      db.pragma(`user_version = ${current + index + 1}`);
    });
    syncRecordColumns(db);
  }).immediate();
}

/** The schema version this code writes; a catalog beyond it was made by a newer release. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Schema fields are added as columns (never dropped: old data stays readable). */
function syncRecordColumns(db: Database.Database): void {
  const existing = new Set(db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('records')").all().map((c) => c.name));
  for (const name of DATA_COLUMNS) {
    if (!existing.has(name)) db.exec(`ALTER TABLE records ADD COLUMN ${name} ${sqlTypeOf(name)}`);
  }
}
