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
import { editDistance } from '../edit-distance.ts';

const MIN_TYPO_LENGTH = 5;
const TWO_TYPOS_LENGTH = 8;
const MAX_ALTERNATIVES = 5;
const HAN_RUN = /\p{Script=Han}{2,}/gu;

/** What the vocabulary compares against, read from the index (in a worker: the term scan takes seconds at a million records). */
export interface VocabularyLists {
  terms: string[];
  words: string[];
}

export function readVocabulary(db: Database.Database): VocabularyLists {
  return {
    terms: db.prepare<[], string>("SELECT term FROM search_vocab WHERE term GLOB '[a-z][a-z][a-z][a-z]*' AND term NOT GLOB '*[^a-z]*'").pluck().all(),
    words: db.prepare<[], string>('SELECT word FROM search_words').pluck().all(),
  };
}

export class TypoVocabulary {
  /** Lower-case Latin terms of the index: Porter stems, as SQLite's porter tokenizer wrote them. */
  readonly #terms: string[];
  /** The records' Latin words as written (search_words), lower case, without accents. */
  readonly #words: string[];
  /** The archive's Chinese names (search_words): titles, places, keywords, periods, admin areas. */
  readonly hanWords: string[];

  constructor({ terms, words }: VocabularyLists) {
    this.#terms = terms;
    this.#words = words.filter((word) => /^[a-z]{3,}$/.test(word));
    this.hanWords = [...new Set(words.flatMap((word) => word.match(HAN_RUN) ?? []))];
  }

  /** The records' Latin words as written, for "did you mean". */
  get latinWords(): readonly string[] {
    return this.#words;
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
