/**
 * The archive's own words, kept in Meilisearch for "did you mean": each document lists its Latin
 * words as written and its Chinese names (titles, places, keywords …) in a filterable field, and
 * Meilisearch's facet search over that field finds the words starting like a word that matched
 * nothing. near-words.ts then applies the same rules as the embedded engine. Chinese names travel
 * as letter tokens (as in han-tokens.ts), so the server's segmenter cannot cut them.
 */
import type { FacetHit } from 'meilisearch';
import type { ArchiveRecord, SearchColumn } from '../../schema/record.ts';
import { toSimplified } from '../chinese-text.ts';
import { archiveWordsOf, latinWordsOf, searchableText } from '../searchable-text.ts';
import type { QueryTerm } from '../tokenizer.ts';
import { decodeHanChars, encodeHanChar } from './han-tokens.ts';

export const VOCABULARY_ATTRIBUTE = 'vocabulary';

const HAN_RUN = /\p{Script=Han}{2,}/gu;
/** No English or pinyin word starts with `qx`, so a name token is never taken for a word. */
const NAME_MARK = 'qx';
/** The first letters a Latin word's candidates must share (a slip is rarely that early). */
const LATIN_PREFIX = 3;

/** `qx` and four letters per character: 安济桥 → `qx` + 12 letters. */
export function nameToken(name: string): string {
  return NAME_MARK + [...name].map(encodeHanChar).join('');
}

/** The vocabulary values of one record: its Latin words, then its Chinese names as tokens. */
export function vocabularyOf(record: ArchiveRecord, text: Record<SearchColumn, string> = searchableText(record)): string[] {
  const names = archiveWordsOf(record).flatMap((word) => toSimplified(word.normalize('NFKC')).match(HAN_RUN) ?? []);
  return [...latinWordsOf(text).filter((word) => !word.startsWith(NAME_MARK)), ...[...new Set(names)].map(nameToken)];
}

/** The facet queries whose hits hold the candidates for `term`: words sharing its first letters or first character. */
export function vocabularyFacetQueries(term: QueryTerm): string[] {
  const word = term.typed ?? term.text;
  if (term.kind === 'han') return [...word].length >= 2 ? [nameToken([...word][0]!)] : [];
  // The whole word too: Meilisearch's facet search is typo tolerant from five letters.
  return [...new Set([word.slice(0, LATIN_PREFIX), word])];
}

/** The words in facet hits, Chinese names decoded. */
export function wordsOfFacetHits(hits: readonly FacetHit[]): string[] {
  return hits.map(({ value }) => (value.startsWith(NAME_MARK) ? decodeHanChars(value.slice(NAME_MARK.length)) : value));
}
