/**
 * The index's terms that begin with one Chinese character, from FTS5's vocabulary, kept per state
 * of the index. A one-character query (桥) is a prefix on the bigrams (`"桥"*`, fts-query.ts), and
 * FTS5 answers a prefix by merging the whole document list of every term it covers before the
 * first row comes out: a page of title matches for 临 in a million records read two million
 * entries (30–300 ms) to return 256. The same terms written out as an OR are read lazily, a row at
 * a time (about 1 ms), and match the same records, as long as the list is the index's list now:
 * so a list is used only while the index is in the state it was read in.
 *
 * Chinese terms only: FTS5 writes them as the index's tokens are (bigrams, words, a run's last
 * character); a Latin prefix is stemmed by SQLite's tokenizer first, so its terms are not simply
 * those that begin with what was typed.
 */
import type Database from 'better-sqlite3';
import { IndexStateMap } from './index-changes.ts';

/** A character's terms, and the most documents any of them is in (what `UniversalClauses` asks). */
export interface CharacterTerms {
  terms: readonly string[];
  documents: number;
}

/** The terms a one-character prefix covers, or undefined where it is to stay a prefix. */
export type PrefixLookup = (character: string) => readonly string[] | undefined;

/**
 * More terms than this stay a prefix: FTS5 steps an OR by looking at every branch, so a character
 * that begins hundreds of terms (古 in a heritage archive) is cheaper merged once.
 */
export const MAX_EXPANDED_TERMS = 64;

/** Past the last code point: the upper bound of a prefix's range of terms. */
const AFTER_EVERY_CHARACTER = String.fromCodePoint(0x10ffff);

export class PrefixTerms {
  readonly #statement;
  readonly #db: Database.Database;
  /** The index state the lists were read in (its id and generation). */
  readonly #lists = new IndexStateMap<CharacterTerms>();

  constructor(db: Database.Database) {
    this.#db = db;
    this.#statement = db.prepare<[string, string], { term: string; doc: number }>('SELECT term, doc FROM search_vocab WHERE term >= ? AND term < ?');
  }

  /** The terms beginning with `character` in the index as it is now, read once per state of it. */
  of(character: string): CharacterTerms {
    // One read transaction: the list and the state it is kept under come from one state of the file.
    return this.#db.transaction(() => {
      this.#lists.follow(this.#db);
      let list = this.#lists.get(character);
      if (!list) {
        const rows = this.#statement.all(character, character + AFTER_EVERY_CHARACTER);
        list = { terms: rows.map((row) => row.term), documents: rows.reduce((most, row) => Math.max(most, row.doc), 0) };
        this.#lists.set(character, list);
      }
      return list;
    })();
  }

  /** A lookup of the index's terms as it is now, for expressions run right away (see `MAX_EXPANDED_TERMS`). */
  lookup(): PrefixLookup {
    return (character) => expandable(this.of(character));
  }

  /**
   * A lookup of the lists already read in the index's state now, reading none: for a whole match,
   * where writing a prefix out saves a fifth to a third of FTS5's time at a million records, less
   * than a read of the list costs; the list is there when the universal check read it.
   */
  known(): PrefixLookup {
    this.#db.transaction(() => this.#lists.follow(this.#db))();
    return (character) => {
      const list = this.#lists.get(character);
      return list && expandable(list);
    };
  }
}

function expandable({ terms }: CharacterTerms): readonly string[] | undefined {
  return terms.length > 0 && terms.length <= MAX_EXPANDED_TERMS ? terms : undefined;
}
