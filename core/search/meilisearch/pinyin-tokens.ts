/**
 * The pinyin helper field. The embedded engine matches typed pinyin as a phrase of syllables in
 * its pinyin column (`yubei` → "yu bei" finds 御碑 inside 乾隆御碑); Meilisearch cannot OR that
 * phrase with the typed word, so the field carries what a typed word can meet directly: the
 * tokenizer's pinyin (syllables, and each word's syllables joined: 塘栖 → tang qi tangqi) plus
 * every two adjacent syllables joined (乾隆御碑 → qianlong longyu yubei).
 */
import { pinyinSyllables, toSimplified } from '../chinese-text.ts';
import type { ArchiveTokenizer } from '../tokenizer.ts';

const HAN_RUN = /\p{Script=Han}+/gu;

export function pinyinIndexText(source: string, tokenizer: Pick<ArchiveTokenizer, 'pinyinText'>): string {
  const pairs = (toSimplified(source.normalize('NFKC')).match(HAN_RUN) ?? []).flatMap((run) => {
    const syllables = pinyinSyllables(run);
    return syllables.slice(0, -1).map((syllable, i) => syllable + syllables[i + 1]);
  });
  return [tokenizer.pinyinText(source), ...pairs].filter((part) => part.length > 0).join(' ');
}
