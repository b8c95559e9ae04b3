/**
 * The suggestion index's tables (created by the catalog's migrations) live in the catalog file
 * beside the records they derive from, so every process sees the same suggestions the moment a
 * write commits, and no process holds them in memory:
 * - `suggest_entries`: one row per way a text is found, clustered in the order suggestions are
 *   ranked (script, rank, text length, key), so the best few for any prefix are a few seeks;
 *   `visible_from` is when the public may see it (a title: its record's; a shared name: the
 *   earliest of the records holding it).
 * - `suggest_recent`: entries added since the last merge, the same way. Writing a thousand
 *   records' entries into a B-tree of millions would dirty a page per entry; into this small one
 *   they touch a few, and they join `suggest_entries` in bulk, in key order (`mergeRecent`).
 * - `suggest_staged`: an import's titles' entries, in the order written, merged at its end
 *   (`mergeStaged`); readers do not see them before.
 * - `suggest_shapes`: the (script, rank, length) groups that occur, walked in that order.
 * - `suggest_sources`: what each record contributed, to take it back when the record changes.
 * - `suggest_names`: how many records hold each shared name (place, keyword), by visibility.
 */
import type Database from 'better-sqlite3';

const BUILT_KEY = 'suggest_built';
const BUILT_VERSION = '1';

/** True once the tables hold every record's suggestions (a rebuild ran, or they started with an empty catalog: see migrations.ts). */
export function isBuilt(db: Database.Database): boolean {
  return db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck().get(BUILT_KEY) === BUILT_VERSION;
}

/** Empties every table (inside the caller's transaction, before a rebuild). */
export function clearSuggestionTables(db: Database.Database): void {
  db.exec('DELETE FROM suggest_entries; DELETE FROM suggest_recent; DELETE FROM suggest_staged; DELETE FROM suggest_shapes; DELETE FROM suggest_sources; DELETE FROM suggest_names;');
}

/** Marks the tables as complete (inside the rebuild's transaction). */
export function markBuilt(db: Database.Database): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(BUILT_KEY, BUILT_VERSION);
}

/** Moves the recent entries into the main table, in key order (inside the caller's transaction). */
export function mergeRecent(db: Database.Database): void {
  db.exec('INSERT OR REPLACE INTO suggest_entries SELECT * FROM suggest_recent; DELETE FROM suggest_recent;');
}

/**
 * Moves the staged entries into the main table, in key order (inside the caller's transaction).
 * A staged title was taken out of the other tables when its record changed (`#replace`), so no
 * key is in two tables.
 */
export function mergeStaged(db: Database.Database): void {
  db.exec(`INSERT OR REPLACE INTO suggest_entries (script, rank, length, key, text, record_id, visible_from)
    SELECT script, rank, length, key, text, record_id, visible_from FROM suggest_staged ORDER BY script, rank, length, key, text, record_id, rowid;
    DELETE FROM suggest_staged;`);
}
