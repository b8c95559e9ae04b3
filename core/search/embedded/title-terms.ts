/**
 * Whether a text can match any title at all, from FTS5's vocabulary per column: a phrase is in a
 * title only if each of its terms is in some title. A broad text whose terms are in no title
 * (保存较为完好, from descriptions) ranks its matches title first by reading title matches a page
 * at a time (title-first.ts), and finding none read every one of its records' position lists; a
 * "no" from the vocabulary gives the same (empty) answer without that read.
 *
 * Verdicts hold for one state of the index (its id and generation), as prefix-terms.ts's lists do.
 * What the check cannot decide (a one-character prefix, pinyin, a Latin prefix kept as one) may match.
 */
import type Database from 'better-sqlite3';
import { bigrams, type QueryClause, type QueryTerm } from '../tokenizer.ts';
import { createColumnVocabulary, type LatinPrefixLookup } from './latin-prefix-terms.ts';
import { latinColumnsOf } from './fts-query.ts';
import { IndexStateMap } from './index-changes.ts';

/** Whether the index term `term` is in some record's title. */
export type InTitles = (term: string) => boolean;

export class TitleTerms {
  readonly #db: Database.Database;
  readonly #statement;
  readonly #held: IndexStateMap<boolean>;

  /** @param followed the generation the reader's snapshot has been brought to: verdicts are read again when it moves (index-changes.ts) */
  constructor(db: Database.Database, followed?: () => number | undefined) {
    this.#db = db;
    this.#held = new IndexStateMap(followed);
    createColumnVocabulary(db);
    this.#statement = db.prepare<[string], number>("SELECT 1 FROM temp.search_vocab_columns WHERE term = ? AND col = 'title' LIMIT 1").pluck();
  }

  /** A lookup for the index as it is now; call it within the read transaction the title read runs in. */
  lookup(): InTitles {
    this.#held.follow(this.#db);
    return (term) => {
      let held = this.#held.get(term);
      if (held === undefined) this.#held.set(term, (held = this.#statement.get(term) !== undefined));
      return held;
    };
  }
}

/** False when no title can match `clauses` (every clause must, by one of its terms); true when one may. */
export function mayMatchTitles(clauses: readonly QueryClause[], inTitles: InTitles, latinPrefixes?: LatinPrefixLookup): boolean {
  return clauses.every((clause) => clause.some((term) => termMayMatch(term, inTitles, latinPrefixes)));
}

function termMayMatch(term: QueryTerm, inTitles: InTitles, latinPrefixes?: LatinPrefixLookup): boolean {
  // Two characters or more are the phrase of their bigrams (fts-query.ts); one is a prefix.
  if (term.kind === 'han') return [...term.text].length < 2 || bigrams(term.text).every(inTitles);
  if (term.kind === 'latin' && !term.whole) {
    const phrases = latinPrefixes?.(term.text, latinColumnsOf(term));
    return phrases === undefined || phrases.some((phrase) => phrase.split(' ').every(inTitles));
  }
  return true;
}
