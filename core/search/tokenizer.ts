/**
 * Chinese-aware tokens for full-text search.
 *
 * Indexing: text is folded to simplified characters (and variant forms, see han-variants/), then each run of Han characters becomes its
 * jieba words (with the archive's own names in the dictionary, so 临平, 塘栖, 玉架山 are words)
 * followed by the run's character bigrams and its last character. Bigrams are the recall
 * guarantee: any Chinese substring of 2+ characters is a phrase of consecutive bigrams, and any
 * single character starts a bigram or ends a run. Names also get pinyin tokens (`pinyinText`).
 * Latin text passes through; SQLite's tokenizer case-folds, strips accents and stems it.
 */
import { Jieba } from '@node-rs/jieba';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pinyinSyllables, stripDiacritics, toSimplified } from './chinese-text.ts';
import { foldHanVariants } from './han-variants/fold-han-variants.ts';
import { hanQueryPieces, isStopCharacter } from './han-query-terms.ts';
import { isPinyinSyllable, splitPinyin } from './pinyin-syllables.ts';
import { CHINESE_SYNONYMS, MAX_LATIN_SYNONYM_WORDS, synonymsOf } from './synonyms.ts';

const HAN_RUN = /\p{Script=Han}+/gu;
/** Han runs and runs of other letters and digits apart: 2021年度 is `2021` and 年度, not one token. */
const QUERY_TOKEN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const HAN = /\p{Script=Han}/u;
/** High enough that a name from the archive beats the general dictionary's segmentation. */
const ARCHIVE_WORD_FREQUENCY = 200_000;
const MAX_ARCHIVE_WORD_LENGTH = 12;

/**
 * A Chinese word, a Latin word or phrase (`grand canal`), or pinyin syllables (`tang qi`, matched
 * only against the pinyin of names). `synonym` marks a term added from a synonym group rather
 * than typed: a Latin synonym must not match pinyin, or 塘栖 would find its homophones via `tangqi`.
 */
export type QueryTerm = {
  kind: 'han' | 'latin' | 'pinyin';
  text: string;
  synonym?: true;
  /** Whole words only, and never in the pinyin column (the English reading of spaced pinyin). */
  whole?: true;
  /** The term as typed, when the search form differs from it (重簷 for 重檐): what notices show. */
  typed?: string;
  /** For a Chinese term cut from a longer typed run: that run (variant-folded), for ranking it verbatim first. */
  run?: string;
};
/** One required part of a query: it matches when any of its alternatives does (synonyms, spellings). */
export type QueryClause = QueryTerm[];

/**
 * The package's own general dictionary, read here rather than through its `dict.js`, which keeps
 * both the dictionary (5 MB) and the keyword-extraction IDF table (6 MB, unused) alive for the
 * process's life: jieba copies what it needs, so the file's bytes can go once it is built.
 */
const JIEBA_DICT = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');

let sharedJieba: Jieba | undefined;

/**
 * Loading jieba's general dictionary takes ~200 ms, so one segmenter serves the whole process.
 * A process serves one archive; only tests open several, and there a name learned from one
 * archive can at most change how another's text is cut, never what it finds (bigrams decide that).
 */
function segmenter(): Jieba {
  sharedJieba ??= Jieba.withDict(readFileSync(JIEBA_DICT));
  return sharedJieba;
}

/** Text in a full-text column's form, and the pinyin of its Chinese words. */
interface Tokenized {
  tokens: string;
  pinyin: string[];
}

/** Entries kept in each of a tokenizer's caches before it starts afresh. */
const MAX_CACHED = 10_000;
/** Lines up to this long are cached: names and titles, not descriptions. */
const MAX_CACHED_LINE = 64;

export class ArchiveTokenizer {
  readonly #jieba = segmenter();
  readonly #archiveWords = new Set<string>();
  /** Names already given to `addWords`: an archive's places, periods and areas come back in every batch. */
  readonly #namesSeen = new Set<string>();
  /**
   * Han runs already tokenized, with their pinyin, segmented and not (a map each, keyed by the run
   * itself: a key made per lookup was a string to build and hash every time): the names of an
   * archive repeat endlessly. Emptied whenever the dictionary gains words, which may cut a run anew.
   */
  readonly #runs = { segmented: new Map<string, Tokenized>(), bigrams: new Map<string, Tokenized>() };
  /** Short lines already tokenized, the same way (see `indexText`). */
  readonly #lines = { segmented: new Map<string, Tokenized>(), bigrams: new Map<string, Tokenized>() };

  constructor() {
    this.addWords(CHINESE_SYNONYMS);
  }

  /** Adds names (titles, places, keywords …) to the segmentation dictionary; returns the new ones. */
  addWords(candidates: Iterable<string>): string[] {
    const fresh: string[] = [];
    for (const candidate of candidates) {
      if (this.#namesSeen.has(candidate)) continue;
      if (this.#namesSeen.size >= MAX_CACHED) this.#namesSeen.clear();
      this.#namesSeen.add(candidate);
      for (const word of toSimplified(candidate.normalize('NFKC')).match(HAN_RUN) ?? []) {
        if (word.length < 2 || word.length > MAX_ARCHIVE_WORD_LENGTH || this.#archiveWords.has(word)) continue;
        this.#archiveWords.add(word);
        fresh.push(word);
      }
    }
    if (fresh.length > 0) {
      this.#jieba.loadDict(Buffer.from(fresh.map((word) => `${word} ${ARCHIVE_WORD_FREQUENCY}`).join('\n')));
      for (const cache of [this.#runs, this.#lines]) {
        cache.segmented.clear();
        cache.bigrams.clear();
      }
    }
    return fresh;
  }

  /**
   * The text to store in a full-text column. With `pinyin`, the Chinese words' pinyin tokens are
   * collected there too. `segment: false` skips jieba (bigrams alone give full recall): used for
   * long descriptions, where segmenting was the largest cost of indexing and whole-word tokens
   * add little to ranking.
   */
  indexText(text: string, pinyin?: string[], segment = true): string {
    // Line by line, which changes nothing (no conversion, normalization or run crosses a line
    // break), so that a short line seen before — a place, a period, an area — costs a lookup.
    if (!text.includes('\n')) return this.#indexLine(text, pinyin, segment);
    return text
      .split('\n')
      .map((line) => this.#indexLine(line, pinyin, segment))
      .join('\n');
  }

  #indexLine(line: string, pinyin: string[] | undefined, segment: boolean): string {
    const lines = segment ? this.#lines.segmented : this.#lines.bigrams;
    const cached = line.length <= MAX_CACHED_LINE;
    let tokenized = cached ? lines.get(line) : undefined;
    if (!tokenized) {
      const linePinyin: string[] = [];
      const tokens = toSimplified(line.normalize('NFKC')).replace(HAN_RUN, (run) => {
        const tokenizedRun = this.#tokenizeRun(run, segment);
        linePinyin.push(...tokenizedRun.pinyin);
        return tokenizedRun.tokens;
      });
      tokenized = { tokens, pinyin: linePinyin };
      if (cached) {
        if (lines.size >= MAX_CACHED) lines.clear();
        lines.set(line, tokenized);
      }
    }
    if (pinyin) pinyin.push(...tokenized.pinyin);
    return tokenized.tokens;
  }

  #tokenizeRun(run: string, segment: boolean): Tokenized {
    const runs = segment ? this.#runs.segmented : this.#runs.bigrams;
    let tokenized = runs.get(run);
    if (tokenized) return tokenized;
    const words = segment && [...run].length > 1 ? this.#jieba.cut(run, false) : [];
    // Tokens in the search form (variants folded); segmentation and pinyin read the text as written.
    tokenized = { tokens: ` ${hanTokens(foldHanVariants(run), words.map(foldHanVariants)).join(' ')} `, pinyin: words.flatMap(pinyinTokens) };
    if (runs.size >= MAX_CACHED) runs.clear();
    runs.set(run, tokenized);
    return tokenized;
  }

  /** Pinyin tokens for the Chinese in `text`: each word's syllables and the syllables joined (塘栖 → tang qi tangqi). */
  pinyinText(text: string): string {
    const pinyin: string[] = [];
    this.indexText(text, pinyin);
    return pinyin.join(' ');
  }

  /** The clauses of a user's query; every clause must match (AND). Chinese terms are in the search form (variants folded). */
  queryClauses(text: string): QueryClause[] {
    const terms = this.#queryTerms(text);
    const clauses: QueryClause[] = [];
    for (let i = 0; i < terms.length; i++) {
      const phrase = latinSynonymPhrase(terms, i);
      if (phrase) {
        clauses.push([{ kind: 'latin', text: phrase.text }, ...phrase.synonyms.map(synonymTerm)]);
        i += phrase.words - 1;
        continue;
      }
      const spaced = spacedPinyin(terms, i);
      if (spaced) {
        clauses.push(spaced.clause);
        i += spaced.words - 1;
        continue;
      }
      const term = terms[i]!;
      const syllables = term.kind === 'latin' ? splitPinyin(term.text) : undefined;
      const spelled: QueryTerm[] = syllables ? [{ kind: 'pinyin', text: syllables.join(' ') }] : [];
      clauses.push([term, ...spelled, ...synonymsOf(term.text).map(synonymTerm)]);
    }
    return dedupeClauses(clauses.map((clause) => clause.map(toSearchTerm)));
  }

  /** Every term of the query's clauses that can be marked in a record's text (not pinyin). */
  queryTerms(text: string): QueryTerm[] {
    return termsOf(this.queryClauses(text));
  }

  #queryTerms(text: string): QueryTerm[] {
    const normalized = stripDiacritics(toSimplified(text.normalize('NFKC')).toLowerCase()).normalize('NFC');
    const terms: QueryTerm[] = [];
    for (const token of normalized.match(QUERY_TOKEN) ?? []) {
      if (!HAN.test(token)) terms.push({ kind: 'latin', text: token });
      else for (const piece of hanQueryPieces(token, (run) => this.#jieba.cut(run, false))) terms.push({ kind: 'han', ...piece });
    }
    const meaningful = terms.filter((term) => !(term.kind === 'han' && isStopCharacter(term.text)));
    return meaningful.length > 0 ? meaningful : terms;
  }
}

/** Chinese terms in the form the index holds them: variants folded (synonyms are looked up before). */
function toSearchTerm(term: QueryTerm): QueryTerm {
  if (term.kind !== 'han') return term;
  const text = foldHanVariants(term.text);
  return { ...term, text, ...(text !== term.text && { typed: term.text }), ...(term.run && { run: foldHanVariants(term.run) }) };
}

/**
 * Two or more typed words that are each one pinyin syllable (`tang qi`) are one name, matched as
 * strictly as the same syllables typed together (`tangqi`), plus the words side by side in English
 * text: never each syllable anywhere.
 */
function spacedPinyin(terms: readonly QueryTerm[], start: number): { clause: QueryClause; words: number } | undefined {
  let end = start;
  while (end < terms.length && terms[end]!.kind === 'latin' && isPinyinSyllable(terms[end]!.text)) end++;
  if (end - start < 2) return undefined;
  const syllables = terms.slice(start, end).map((term) => term.text);
  const joined = syllables.join('');
  return {
    clause: [
      { kind: 'latin', text: joined },
      { kind: 'pinyin', text: syllables.join(' ') },
      { kind: 'latin', text: syllables.join(' '), whole: true },
      ...synonymsOf(joined).map(synonymTerm),
    ],
    words: end - start,
  };
}

/** A run's tokens: its words longer than two characters (for ranking), its bigrams and last character (for recall). */
function hanTokens(run: string, words: readonly string[]): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  // Two-character words are already bigrams.
  return [...words.filter((word) => [...word].length > 2), ...bigrams(run), chars.at(-1)!];
}

function pinyinTokens(word: string): string[] {
  const syllables = pinyinSyllables(word);
  return syllables.length > 1 ? [...syllables, syllables.join('')] : syllables;
}

/** Consecutive character pairs: 塘栖古镇 → 塘栖 栖古 古镇. */
export function bigrams(run: string): string[] {
  const chars = [...run];
  return chars.slice(0, -1).map((char, index) => char + chars[index + 1]);
}

/** Every term of every clause, for highlighting. */
export function termsOf(clauses: readonly QueryClause[]): QueryTerm[] {
  return clauses.flat();
}

function synonymTerm(name: string): QueryTerm {
  return { kind: HAN.test(name) ? 'han' : 'latin', text: name, synonym: true };
}

/** The longest run of Latin words starting at `start` that is a synonym (`grand canal`). */
function latinSynonymPhrase(terms: readonly QueryTerm[], start: number): { text: string; synonyms: string[]; words: number } | undefined {
  for (let words = Math.min(MAX_LATIN_SYNONYM_WORDS, terms.length - start); words >= 2; words--) {
    const run = terms.slice(start, start + words);
    if (!run.every((term) => term.kind === 'latin')) continue;
    const text = run.map((term) => term.text).join(' ');
    const synonyms = synonymsOf(text);
    if (synonyms.length > 0) return { text, synonyms, words };
  }
  return undefined;
}

function dedupeClauses(clauses: QueryClause[]): QueryClause[] {
  const byKey = new Map(clauses.map((clause) => [clause.map((term) => `${term.kind}:${term.text}`).join('|'), clause]));
  return [...byKey.values()];
}
