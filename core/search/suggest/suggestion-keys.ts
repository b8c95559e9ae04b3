/**
 * What a record offers search-as-you-type: its titles (leading to the record) and its other names
 * (places, keywords: leading to a search), each found by several keys — the text itself, its
 * pinyin (`tangqi` → 塘栖古镇), or any later English word (`brid` → Guangji Bridge).
 */
import type { ArchiveRecord } from '../../schema/record.ts';
import { pinyinSyllables, stripDiacritics, toSimplified } from '../chinese-text.ts';

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Rank offsets: lower sorts first. Titles before other names; the text itself, then pinyin, then later words. */
export const TITLE_RANK = 0;
export const NAME_RANK = 10;
const KEY_RANK = { text: 0, pinyin: 1, laterWord: 2 } as const;

/** One way a text is found. */
export interface SuggestionKey {
  key: string;
  rank: number;
}

/** The titles and the other names a record contributes (each name once). */
export interface SuggestionSources {
  titles: string[];
  names: string[];
}

export function sourcesOf(record: ArchiveRecord): SuggestionSources {
  const titles = [record.title_zh, record.title_en].filter((title): title is string => Boolean(title));
  const names = [record.place_zh, record.place_en, ...(record.keywords_zh ?? []), ...(record.keywords_en ?? [])];
  return { titles, names: [...new Set(names.filter((name): name is string => Boolean(name)))] };
}

/** Every key `text` is found by, with its rank (`baseRank` plus the key's own offset). */
export function keysOf(text: string, baseRank: number): SuggestionKey[] {
  // Simplified once: converting scripts is the costliest step, and both keys need it.
  const simplified = toSimplified(text.normalize('NFKC'));
  const normalized = foldKey(simplified);
  const keys: SuggestionKey[] = [{ key: normalized, rank: baseRank + KEY_RANK.text }];
  if (HAN.test(simplified)) keys.push({ key: pinyinOfRuns(simplified), rank: baseRank + KEY_RANK.pinyin });
  else {
    const words = normalized.split(' ');
    for (let i = 1; i < words.length; i++) keys.push({ key: words.slice(i).join(' '), rank: baseRank + KEY_RANK.laterWord });
  }
  return keys.filter(({ key }) => key.length > 0);
}

/**
 * The pinyin of a text's Chinese, one run of Chinese characters at a time: what pinyin-pro gives
 * for the whole text, since it reads its words within such runs (the same on 39,000 texts of the
 * archive, its fixtures and dictionary words joined by digits and punctuation). Titles are unique
 * but their runs repeat (塘栖古桥 of 塘栖古桥123号), so each run is spelled once and the word cache
 * holds runs rather than every title of an import.
 */
function pinyinOfRuns(simplified: string): string {
  let key = '';
  for (const run of simplified.match(HAN_RUN) ?? []) key += pinyinSyllables(run).join('');
  return key;
}

/** True when `text` is Chinese: Chinese readers see such suggestions first. */
export function isChinese(text: string): boolean {
  return HAN.test(text);
}

/** The form keys and typed prefixes are compared in: NFKC, simplified, lower case, no accents, words split by single spaces. */
export function normalizeKey(text: string): string {
  return foldKey(toSimplified(text.normalize('NFKC')));
}

function foldKey(simplified: string): string {
  return stripDiacritics(simplified.toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
