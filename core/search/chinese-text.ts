/**
 * Script and romanisation helpers: traditional characters folded to simplified (塘棲 → 塘栖) so
 * either script finds the same records, and pinyin for names (塘栖 → tang qi, tangqi).
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const traditionalToSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Simplified Chinese for any traditional characters in `text`; other text unchanged. */
export function toSimplified(text: string): string {
  return HAN.test(text) ? traditionalToSimplified(text) : text;
}

/** Latin text without accents or tone marks: Tángqī → tangqi, lǜ → lu. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** Words repeat endlessly across an archive; their pinyin is computed once. */
const pinyinCache = new Map<string, string[]>();
const MAX_CACHED_WORDS = 200_000;

/**
 * The toneless pinyin syllables of a Chinese word. Whole words, not single characters, so that
 * polyphones read right in context (重庆 → chong qing).
 */
export function pinyinSyllables(word: string): string[] {
  let syllables = pinyinCache.get(word);
  if (!syllables) {
    syllables = pinyin(word, { toneType: 'none', type: 'array', nonZh: 'removed' }).map((syllable) => stripDiacritics(syllable));
    if (pinyinCache.size >= MAX_CACHED_WORDS) pinyinCache.clear();
    pinyinCache.set(word, syllables);
  }
  return syllables;
}
