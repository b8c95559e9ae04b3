/**
 * Chinese-aware tokens for full-text search.
 *
 * Indexing: each run of Han characters becomes its jieba words (with the archive's own names in
 * the dictionary, so 临平, 塘栖, 玉架山 are words) followed by the run's character bigrams and its
 * last character. Bigrams are the recall guarantee: any Chinese substring of 2+ characters is a
 * phrase of consecutive bigrams, and any single character starts a bigram or ends a run.
 * Latin text passes through; SQLite's unicode61 tokenizer case-folds it and strips diacritics.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;
/** Single characters too common to be worth requiring when a query has other terms. */
const HAN_STOP_CHARACTERS = new Set('的了和与及在是之或等也于其'.split(''));
/** High enough that a name from the archive beats the general dictionary's segmentation. */
const ARCHIVE_WORD_FREQUENCY = 200_000;
const MAX_ARCHIVE_WORD_LENGTH = 12;

export type QueryTerm = { kind: 'han'; text: string } | { kind: 'latin'; text: string };

let sharedJieba: Jieba | undefined;

/**
 * Loading jieba's general dictionary takes ~200 ms, so one segmenter serves the whole process.
 * A process serves one archive; only tests open several, and there a name learned from one
 * archive can at most change how another's text is cut, never what it finds (bigrams decide that).
 */
function segmenter(): Jieba {
  sharedJieba ??= Jieba.withDict(dict);
  return sharedJieba;
}

export class ArchiveTokenizer {
  readonly #jieba = segmenter();
  readonly #archiveWords = new Set<string>();

  /** Adds names (titles, places, keywords …) to the segmentation dictionary; returns the new ones. */
  addWords(candidates: Iterable<string>): string[] {
    const fresh: string[] = [];
    for (const candidate of candidates) {
      for (const word of candidate.normalize('NFKC').match(HAN_RUN) ?? []) {
        if (word.length < 2 || word.length > MAX_ARCHIVE_WORD_LENGTH || this.#archiveWords.has(word)) continue;
        this.#archiveWords.add(word);
        fresh.push(word);
      }
    }
    if (fresh.length > 0) this.#jieba.loadDict(Buffer.from(fresh.map((word) => `${word} ${ARCHIVE_WORD_FREQUENCY}`).join('\n')));
    return fresh;
  }

  /** The text to store in a full-text column. */
  indexText(text: string): string {
    return text.normalize('NFKC').replace(HAN_RUN, (run) => ` ${this.#hanTokens(run).join(' ')} `);
  }

  /** The terms of a user's query; every term must match (AND). */
  queryTerms(text: string): QueryTerm[] {
    const terms: QueryTerm[] = [];
    const normalized = text.normalize('NFKC').toLowerCase();
    for (const run of normalized.match(HAN_RUN) ?? []) {
      for (const word of this.#jieba.cut(run, false)) terms.push({ kind: 'han', text: word });
    }
    for (const word of normalized.replace(HAN_RUN, ' ').match(LATIN_WORD) ?? []) terms.push({ kind: 'latin', text: word });
    const meaningful = terms.filter((term) => !(term.kind === 'han' && HAN_STOP_CHARACTERS.has(term.text)));
    return dedupe(meaningful.length > 0 ? meaningful : terms);
  }

  #hanTokens(run: string): string[] {
    const chars = [...run];
    if (chars.length === 1) return chars;
    // Two-character words are already bigrams; longer words add a whole-word token for ranking.
    const words = this.#jieba.cut(run, false).filter((word) => [...word].length > 2);
    return [...words, ...bigrams(run), chars.at(-1)!];
  }
}

/** Consecutive character pairs: 塘栖古镇 → 塘栖 栖古 古镇. */
export function bigrams(run: string): string[] {
  const chars = [...run];
  return chars.slice(0, -1).map((char, index) => char + chars[index + 1]);
}

function dedupe(terms: QueryTerm[]): QueryTerm[] {
  const byKey = new Map(terms.map((term) => [`${term.kind}:${term.text}`, term]));
  return [...byKey.values()];
}
