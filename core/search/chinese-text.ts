/**
 * Script and romanisation helpers: traditional characters folded to simplified (塘棲 → 塘栖) so
 * either script finds the same records, and pinyin for names (塘栖 → tang qi, tangqi).
 */
import { createRequire } from 'node:module';
// opencc-js's traditional→simplified build (~0.1 MB): its default build carries every
// direction's dictionaries (~1.2 MB of source, held by V8 for the process's life) for the same converter.
import * as OpenCC from 'opencc-js/t2cn';
import type { pinyin as pinyinOfText } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const traditionalToSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Simplified Chinese for any traditional characters in `text`; other text unchanged. */
export function toSimplified(text: string): string {
  return HAN.test(text) ? traditionalToSimplified(text) : text;
}

const MARKS = /\p{M}/gu;
/**
 * Runs of characters other than ASCII, 、。 and the CJK unified ideographs: those decompose to
 * themselves and are no marks, and NFKD never moves a mark past them, so decomposing only these
 * runs gives what decomposing the whole text gives, at a fraction of the cost on archive text.
 */
const MAY_DECOMPOSE = /[^\x00-\x7f\u3001\u3002\u4e00-\u9fff]+/g;

/** Latin text without accents or tone marks: Tángqī → tangqi, lǜ → lu. */
export function stripDiacritics(text: string): string {
  return text.replace(MAY_DECOMPOSE, decomposeWithoutMarks);
}

function decomposeWithoutMarks(piece: string): string {
  return piece.normalize('NFKD').replace(MARKS, '');
}

let loadedPinyin: typeof pinyinOfText | undefined;

/**
 * pinyin-pro, read on the first word that needs pinyin (its dictionaries hold ~17 MB): searches
 * never do, so a server starts and searches without it. The same package, its CommonJS build,
 * since a synchronous caller cannot wait for an import.
 */
function loadPinyin(): typeof pinyinOfText {
  loadedPinyin ??= (createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro')).pinyin;
  return loadedPinyin;
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
    syllables = loadPinyin()(word, { toneType: 'none', type: 'array', nonZh: 'removed' }).map((syllable) => stripDiacritics(syllable));
    if (pinyinCache.size >= MAX_CACHED_WORDS) pinyinCache.clear();
    pinyinCache.set(word, syllables);
  }
  return syllables;
}
