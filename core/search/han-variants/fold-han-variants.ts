/**
 * Variant characters (异体字) folded to one form, so a record written 重簷 is found by 重檐, 隨著 by
 * 随着 and 寳篋印經塔 by 宝箧印经塔. OpenCC's phrase conversion (`toSimplified`) turns traditional
 * text into simplified, but it leaves regional and older forms alone (簷, 著, 寳, 陁, 塼), and it
 * converts by context, so the same character can come out differently in a record and in a query.
 *
 * The fold is one character at a time, the same everywhere: every character of a class maps to the
 * class's one representative. Classes join the characters that OpenCC's character tables
 * (STCharacters, TSCharacters) and variant tables (TWVariants, HKVariants, JPShinjitaiCharacters)
 * link, and the rare Unihan variants of unihan-variant-pairs.ts. Folded text is only ever compared,
 * never shown, and pinyin and segmentation read the unfolded text (乾隆 stays qián lóng).
 */
import { toSimplified } from '../chinese-text.ts';
import { HAN_FOLD_PAIRS } from './han-fold-table.ts';

/**
 * The shipped table (han-fold-table.ts, generated at build time by build-fold-table.ts: built here
 * from OpenCC's tables it held ~16 MB of a server) as an array for the Basic Multilingual Plane
 * (0 = unchanged) and a map for the rest. Folding runs over every indexed character, and an array
 * lookup per UTF-16 unit is several times faster than a regular expression calling back per
 * character. A BMP character's class always has a BMP representative (see build-fold-table.ts),
 * so its target fits too.
 */
const BMP_FOLD = new Uint16Array(0x10000);
const ASTRAL_FOLD = new Map<string, string>();
for (const pair of HAN_FOLD_PAIRS.split(' ')) {
  const [from, to] = [...pair] as [string, string];
  if (from.length === 1) BMP_FOLD[from.charCodeAt(0)] = to.charCodeAt(0);
  else ASTRAL_FOLD.set(from, to);
}

/** `text` with every Han variant replaced by its class's representative; other characters unchanged. */
export function foldHanVariants(text: string): string {
  let folded = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const isHighSurrogate = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length;
    const char = isHighSurrogate ? text.slice(i, i + 2) : '';
    const target = isHighSurrogate ? ASTRAL_FOLD.get(char) : BMP_FOLD[unit] ? String.fromCharCode(BMP_FOLD[unit]!) : undefined;
    if (target !== undefined) {
      folded += text.slice(copied, i) + target;
      copied = i + (isHighSurrogate ? 2 : 1);
    }
    if (isHighSurrogate) i++;
  }
  return copied === 0 ? text : folded + text.slice(copied);
}

/**
 * The form Chinese is compared in, by both engines, on index and query alike: NFKC, simplified,
 * variants folded (塘棲 and 塘栖, 重簷 and 重檐 are the same string). Compare only; never show it.
 */
export function toSearchForm(text: string): string {
  return foldHanVariants(toSimplified(text.normalize('NFKC')));
}

/** How many characters have another form to fold to (for tests and documentation). */
export const FOLDED_CHARACTERS = HAN_FOLD_PAIRS.split(' ').length;
