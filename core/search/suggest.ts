/**
 * Search-as-you-type: the archive's names (titles, places, keywords) reachable by any prefix of
 * their Chinese (simplified or traditional), their pinyin (`tangq` → 塘栖古镇) or their English
 * words. Read from the suggestion tables the writers keep in step with the catalog
 * (`suggest/suggestion-index.ts`), so it is the same whichever engine searches, holds nothing in
 * memory, and a change in the archive never makes a reader rebuild anything.
 */
import Database from 'better-sqlite3';
import type { Catalog } from '../catalog/catalog.ts';
import type { Lang } from '../i18n/translate.ts';
import { isChinese, normalizeKey } from './suggest/suggestion-keys.ts';

export interface Suggestion {
  /** What to show and what to search for. */
  text: string;
  /** The record it names, when it is a title. */
  recordId?: string;
}

interface Shape {
  script: number;
  rank: number;
  length: number;
}

interface Row {
  key: string;
  text: string;
  record_id: string;
}

export const MAX_SUGGESTIONS = 8;
/** Above every character a key can hold: `key < prefix + END` bounds the keys starting with prefix. */
const END = '\u{10FFFF}';

export class Suggester {
  readonly #db: Database.Database;
  readonly #next: Database.Statement<[Record<string, string | number>], Row>;
  readonly #shapesQuery: Database.Statement<[], Shape>;
  /** Shapes in ranking order for a reader who prefers Chinese (index 1) or Latin text (index 0). */
  #orders: [Shape[], Shape[]] = [[], []];
  #shapesVersion = -1;

  /** Reads on a connection of its own to `catalog`'s file. */
  constructor(catalog: Catalog) {
    this.#db = new Database(catalog.file, { readonly: true, fileMustExist: true });
    // The next visible entry of one shape after (key, text), in either table: a seek in each,
    // skipping other records' copies of a text.
    const next = (table: string) =>
      `SELECT * FROM (SELECT key, text, record_id FROM ${table}
       WHERE script = @script AND rank = @rank AND length = @length AND (key, text) > (@key, @text) AND key < @end AND visible_from <= @now
       ORDER BY key, text, record_id LIMIT 1)`;
    this.#next = this.#db.prepare(`${next('suggest_entries')} UNION ALL ${next('suggest_recent')} ORDER BY key, text, record_id LIMIT 1`);
    this.#shapesQuery = this.#db.prepare('SELECT script, rank, length FROM suggest_shapes');
  }

  /**
   * Up to `limit` names with a key starting with `prefix`, best first: in the reader's script
   * (Chinese for `zh` or a Chinese prefix), then titles before other names and whole names before
   * later words, then shorter texts. Each text once; nothing from hidden or embargoed records.
   */
  suggest(prefix: string, lang: Lang, limit = MAX_SUGGESTIONS): Suggestion[] {
    const key = normalizeKey(prefix);
    if (key.length === 0) return [];
    // `tang qi` is also looked up as `tangqi`, the form pinyin keys are stored in.
    const wanted = [...new Set([key, key.replaceAll(' ', '')])];
    const now = Date.now() / 1000;
    const found = new Map<string, Suggestion>();
    for (const { script, rank, length } of this.#shapesInOrder(lang === 'zh' || isChinese(prefix))) {
      for (const start of wanted) {
        let after = { key: start, text: '' };
        for (;;) {
          const row = this.#next.get({ script, rank, length, key: after.key, text: after.text, end: start + END, now });
          if (!row) break;
          if (!found.has(row.text)) found.set(row.text, row.record_id ? { text: row.text, recordId: row.record_id } : { text: row.text });
          if (found.size >= limit) return [...found.values()];
          after = row;
        }
      }
    }
    return [...found.values()];
  }

  close(): void {
    this.#db.close();
  }

  /** Re-read when another connection committed (`data_version` counts exactly those). */
  #shapesInOrder(prefersChinese: boolean): Shape[] {
    const version = Number(this.#db.pragma('data_version', { simple: true }));
    if (version !== this.#shapesVersion) {
      const shapes = this.#shapesQuery.all();
      const order = (script: number) =>
        shapes.toSorted((a, b) => Number(b.script === script) - Number(a.script === script) || a.rank - b.rank || a.length - b.length);
      this.#orders = [order(0), order(1)];
      this.#shapesVersion = version;
    }
    return this.#orders[prefersChinese ? 1 : 0];
  }
}
