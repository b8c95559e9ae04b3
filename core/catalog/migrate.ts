import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';
import { DATA_COLUMNS, sqlTypeOf } from './record-columns.ts';

/** Applies pending migrations, then adds a column for any record field the table lacks. */
export function migrate(db: Database.Database): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  db.transaction(() => {
    MIGRATIONS.slice(current).forEach((sql, index) => {
      db.exec(sql);
      db.pragma(`user_version = ${current + index + 1}`);
    });
    syncRecordColumns(db);
  }).immediate();
}

/** Schema fields are added as columns (never dropped: old data stays readable). */
function syncRecordColumns(db: Database.Database): void {
  const existing = new Set(db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('records')").all().map((c) => c.name));
  for (const name of DATA_COLUMNS) {
    if (!existing.has(name)) db.exec(`ALTER TABLE records ADD COLUMN ${name} ${sqlTypeOf(name)}`);
  }
}
