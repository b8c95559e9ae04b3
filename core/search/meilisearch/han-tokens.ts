/**
 * Chinese recall that does not depend on Meilisearch's segmenter: every character pair of the
 * archive's Chinese text (and every character on its own) is written as a plain lowercase Latin
 * token, and a Chinese query term becomes the same tokens — a phrase of consecutive pairs for a
 * term of 2+ characters, so any Chinese substring finds its record, exactly as the embedded
 * engine's bigram phrases do.
 *
 * Why not store the pairs as Chinese? Meilisearch re-segments Han text with jieba (and may take a
 * short run for Japanese), so whether `环壕` stays one token or becomes `环`,`壕` would be up to
 * the server's dictionary and language detection. A token such as `qbhlwbhlx` is one Latin word
 * in every Meilisearch version; typo tolerance is switched off on these fields (see index-settings).
 */
import { toSearchForm } from '../han-variants/fold-han-variants.ts';
import { bigrams } from '../tokenizer.ts';

const HAN_RUN = /\p{Script=Han}+/gu;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** 26^4 = 456,976 covers every Han code point: Han lives in planes 0, 2 and 3, all below U+40000. */
const LETTERS_PER_CHAR = 4;
const CODE_POINT_LIMIT = LETTERS.length ** LETTERS_PER_CHAR;
/**
 * Markers keep pairs, single characters and whole words apart and make the tokens unlike English
 * words. Pair and character tokens each have one length, so Meilisearch's prefix match on the last
 * query word can only ever match the token itself.
 */
const PAIR_MARK = 'q';
const CHAR_MARK = 'x';
const WORD_MARK = 'w';

/** Four letters for one Han character, most significant first: 塘 (U+5858) → `bhlw`. */
export function encodeHanChar(char: string): string {
  let code = char.codePointAt(0)!;
  if (code >= CODE_POINT_LIMIT) throw new RangeError(`cannot encode U+${code.toString(16)} in ${LETTERS_PER_CHAR} letters`);
  let letters = '';
  for (let i = 0; i < LETTERS_PER_CHAR; i++) {
    letters = LETTERS[code % LETTERS.length] + letters;
    code = Math.floor(code / LETTERS.length);
  }
  return letters;
}

/** The characters of `letters`, four letters each (the inverse of `encodeHanChar`). */
export function decodeHanChars(letters: string): string {
  let text = '';
  for (let i = 0; i + LETTERS_PER_CHAR <= letters.length; i += LETTERS_PER_CHAR) {
    let code = 0;
    for (const letter of letters.slice(i, i + LETTERS_PER_CHAR)) code = code * LETTERS.length + LETTERS.indexOf(letter);
    text += String.fromCodePoint(code);
  }
  return text;
}

function pairToken(pair: string): string {
  return PAIR_MARK + [...pair].map(encodeHanChar).join('');
}

function charToken(char: string): string {
  return CHAR_MARK + encodeHanChar(char);
}

/**
 * One token for a whole word, for the few words Meilisearch must see as one query word: its
 * synonyms setting maps query words, and a quoted phrase of pairs gets no synonyms.
 */
export function hanWordToken(word: string): string {
  return WORD_MARK + [...toSearchForm(word)].map(encodeHanChar).join('');
}

/**
 * The helper-field text for `text` in the search form (simplified, variants folded: 塘棲 finds
 * 塘栖, 重簷 finds 重檐): the pair
 * tokens of each Han run in order (a phrase of pairs must stay consecutive), one token per distinct
 * character, and a word token for each of `words` the text contains. Non-Han text is left out;
 * the schema's own fields carry it.
 */
export function hanIndexText(text: string, words: readonly string[] = []): string {
  const simplified = toSearchForm(text);
  const runs = simplified.match(HAN_RUN) ?? [];
  const pairs = runs.flatMap((run) => bigrams(run).map(pairToken));
  const chars = [...new Set(runs.flatMap((run) => [...run]))].map(charToken);
  const wholeWords = words.filter((word) => simplified.includes(toSearchForm(word))).map(hanWordToken);
  return [...pairs, ...chars, ...wholeWords].join(' ');
}

/**
 * A Chinese query term in Meilisearch query syntax: one of `words` → its word token; one
 * character → its token; two → the pair token; more → the quoted phrase of its pair tokens
 * (consecutive pairs = the substring).
 */
export function hanQueryText(term: string, words: readonly string[] = []): string {
  const simplified = toSearchForm(term);
  if (words.some((word) => toSearchForm(word) === simplified)) return hanWordToken(simplified);
  const chars = [...simplified];
  if (chars.length === 1) return charToken(chars[0]!);
  const tokens = bigrams(simplified).map(pairToken);
  return tokens.length === 1 ? tokens[0]! : `"${tokens.join(' ')}"`;
}
