/**
 * The index's terms a Latin prefix covers, so a match can name them instead of the prefix. FTS5
 * answers a prefix (`"tangqi"*`) by merging the whole document list of every term it covers,
 * positions included, before the first row comes out; most of those terms are pinyin spellings
 * (tangqiguzhen) that a synonym's column filter then throws away. Named terms are read like one
 * term: at a million records `{title names body} : "tangqi"` reads in half the time of its prefix,
 * and a title match of 临平 read a page at a time no longer waits for a merge of every record.
 *
 * The terms are the index's own, for the columns the prefix may match in, read from FTS5's
 * vocabulary in one state of the index and used only in that state (as prefix-terms.ts does). A
 * Latin word is stemmed by the index's tokenizer first (bridge* is bridg*), so the words are run
 * through that tokenizer, in a TEMP table of this connection: the stem is its own, and a term
 * written out is used only if the tokenizer reads it back as itself.
 */
import type Database from 'better-sqlite3';
import { IndexStateMap } from './index-changes.ts';

/** The phrases (space-separated terms) to OR in place of `text`'s prefix match in `columns` (undefined: every column), or undefined to keep the prefix. */
export type LatinPrefixLookup = (text: string, columns?: readonly string[]) => readonly string[] | undefined;

/** More terms than this keep the prefix: FTS5 steps an OR by looking at every branch (see prefix-terms.ts). */
export const MAX_LATIN_TERMS = 32;

/** The index's text columns (title, names, body, pinyin): the most vocabulary rows one term has. */
const COLUMNS = 4;
const AFTER_EVERY_CHARACTER = String.fromCodePoint(0x10ffff);
/** What the index was created with (migrations.ts), should its table's SQL not say. */
const DEFAULT_TOKENIZE = 'porter unicode61 remove_diacritics 2';

export class LatinPrefixTerms {
  readonly #db: Database.Database;
  readonly #statements;
  readonly #phrases: IndexStateMap<readonly string[] | undefined>;

  /** @param followed the generation the reader's snapshot has been brought to: phrases are read again when it moves (index-changes.ts) */
  constructor(db: Database.Database, followed?: () => number | undefined) {
    this.#db = db;
    this.#phrases = new IndexStateMap(followed);
    const sql = db.prepare<[], string>("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").pluck().get() ?? '';
    const tokenize = /tokenize\s*=\s*'([^']*)'/i.exec(sql)?.[1] ?? DEFAULT_TOKENIZE;
    // TEMP: this connection's own, never in the catalog file. The probe table holds one text at a time.
    db.exec(`
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.latin_probe USING fts5(text, tokenize = '${tokenize.replaceAll("'", "''")}');
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.latin_probe_tokens USING fts5vocab(temp, latin_probe, 'instance');
    `);
    createColumnVocabulary(db);
    this.#statements = {
      clear: db.prepare('DELETE FROM temp.latin_probe'),
      insert: db.prepare<[string]>('INSERT INTO temp.latin_probe (rowid, text) VALUES (1, ?)'),
      tokens: db.prepare<[], string>('SELECT term FROM temp.latin_probe_tokens ORDER BY offset').pluck(),
      terms: db.prepare<[string, string, number], string>('SELECT term FROM search_vocab WHERE term >= ? AND term < ? LIMIT ?').pluck(),
      termColumns: db.prepare<[string, string, number], [string, string]>('SELECT term, col FROM temp.search_vocab_columns WHERE term >= ? AND term < ? LIMIT ?').raw(),
    };
  }

  /** A lookup for the index as it is now; call it within the read transaction the expression runs in. */
  lookup(): LatinPrefixLookup {
    this.#phrases.follow(this.#db);
    return (text, columns) => {
      const key = JSON.stringify([text, columns ?? null]);
      if (!this.#phrases.has(key)) this.#phrases.set(key, this.#read(text, columns));
      return this.#phrases.get(key);
    };
  }

  #read(text: string, columns?: readonly string[]): readonly string[] | undefined {
    const tokens = this.tokens(text);
    const stem = tokens.at(-1);
    if (stem === undefined) return undefined;
    const upTo = stem + AFTER_EVERY_CHARACTER;
    const terms = columns ? this.#termsIn(stem, upTo, columns) : this.#statements.terms.all(stem, upTo, MAX_LATIN_TERMS + 1);
    // One more than the most taken was read: a list that long keeps the prefix, whatever its length.
    if (terms === undefined || terms.length === 0 || terms.length > MAX_LATIN_TERMS) return undefined;
    const phrases = terms.map((term) => [...tokens.slice(0, -1), term]);
    // A term is written as text the tokenizer reads again: a stem it would stem further cannot be named.
    if (!phrases.every((phrase) => sameTokens(this.tokens(phrase.join(' ')), phrase))) return undefined;
    return phrases.map((phrase) => phrase.join(' '));
  }

  /**
   * The terms in [stem, upTo) found in any of `columns`. Terms found only in other columns (the
   * pinyin spellings) are left out: the column filter would drop their matches anyway. Read up to
   * a row per column of one more term than the most written out: undefined past it.
   */
  #termsIn(stem: string, upTo: string, columns: readonly string[]): string[] | undefined {
    const limit = (MAX_LATIN_TERMS + 1) * COLUMNS;
    const rows = this.#statements.termColumns.all(stem, upTo, limit);
    if (rows.length === limit) return undefined;
    const wanted = new Set(columns);
    return [...new Set(rows.filter(([, column]) => wanted.has(column)).map(([term]) => term))];
  }

  /** `text` as the index's tokenizer cuts it, in order. */
  tokens(text: string): string[] {
    const { clear, insert, tokens } = this.#statements;
    clear.run();
    insert.run(text);
    const read = tokens.all();
    clear.run();
    return read;
  }
}

/** FTS5's vocabulary per column (term, col, doc, cnt) as `temp.search_vocab_columns`: this connection's own, nothing in the catalog file. */
export function createColumnVocabulary(db: Database.Database): void {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab_columns USING fts5vocab(main, search_fts, 'col')");
}

function sameTokens(read: readonly string[], wanted: readonly string[]): boolean {
  return read.length === wanted.length && read.every((token, i) => token === wanted[i]);
}
