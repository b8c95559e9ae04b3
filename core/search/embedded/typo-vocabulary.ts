/**
 * Typo tolerance for Latin words, which FTS5 lacks: a word of 5+ letters that matches nothing
 * also searches the archive's words within one edit (two from 8 letters), counting a swap of
 * neighbours as one edit, as Meilisearch does (Yujashan → yujiashan, guangij → guangji). Edits are
 * measured against the words as written as well as against the index's stems: a slip can change
 * how a word stems (`tempel` stems to itself, `temple` to `templ`), so only the surface word shows
 * it is one letter away.
 */
import type Database from 'better-sqlite3';
import { stemmer } from 'stemmer';

const MIN_TYPO_LENGTH = 5;
const TWO_TYPOS_LENGTH = 8;
const MAX_ALTERNATIVES = 5;

export class TypoVocabulary {
  /** Lower-case Latin terms of the index: Porter stems, as SQLite's porter tokenizer wrote them. */
  readonly #terms: string[];
  /** The records' Latin words as written (search_words), lower case, without accents. */
  readonly #words: string[];

  constructor(db: Database.Database) {
    this.#terms = db
      .prepare<[], string>("SELECT term FROM search_vocab WHERE term GLOB '[a-z][a-z][a-z][a-z]*' AND term NOT GLOB '*[^a-z]*'")
      .pluck()
      .all();
    this.#words = db.prepare<[], string>("SELECT word FROM search_words WHERE word GLOB '[a-z][a-z][a-z][a-z]*'").pluck().all();
  }

  /** Index terms and archive words close to `word`, nearest first; empty for short words. */
  corrections(word: string): string[] {
    if (word.length < MIN_TYPO_LENGTH || !/^[a-z]+$/.test(word)) return [];
    const allowed = word.length >= TWO_TYPOS_LENGTH ? 2 : 1;
    // Stems against stems (granery → graneri is one edit from granari), words against words
    // (tempel is one edit from temple). FTS5 stems a surface word given as a query term itself.
    const near = [...nearest(this.#terms, stemmer(word), allowed), ...nearest(this.#words, word, allowed)];
    const byTerm = new Map<string, number>();
    for (const { term, edits } of near) byTerm.set(term, Math.min(edits, byTerm.get(term) ?? edits));
    return [...byTerm]
      .sort(([a, editsA], [b, editsB]) => editsA - editsB || (a < b ? -1 : 1))
      .slice(0, MAX_ALTERNATIVES)
      .map(([term]) => term);
  }
}

/** Members of `candidates` within `allowed` edits of `word` (but not `word` itself). */
function nearest(candidates: readonly string[], word: string, allowed: number): { term: string; edits: number }[] {
  return candidates
    .filter((term) => Math.abs(term.length - word.length) <= allowed)
    .map((term) => ({ term, edits: editDistance(term, word, allowed) }))
    .filter(({ edits }) => edits > 0 && edits <= allowed);
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of adjacent
 * letters), giving up past `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}
