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
import HKVariants from 'opencc-js/dict/HKVariants';
import JPShinjitaiCharacters from 'opencc-js/dict/JPShinjitaiCharacters';
import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariants from 'opencc-js/dict/TWVariants';
import { toSimplified } from '../chinese-text.ts';
import { UNIHAN_VARIANT_PAIRS } from './unihan-variant-pairs.ts';

/** OpenCC's dictionary text: `from to [to …]` entries separated by `|`. */
function openccLinks(dictionary: string): string[][] {
  return dictionary.split('|').map((entry) => entry.split(' ').filter((part) => [...part].length === 1));
}

function buildFoldTable(): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (char: string): string => {
    let root = char;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(char, root);
    return root;
  };
  const join = (chars: readonly string[]) => {
    for (const char of chars.slice(1)) {
      const [a, b] = [find(chars[0]!), find(char)];
      if (a !== b) parent.set(a, b);
    }
  };
  for (const dictionary of [STCharacters, TSCharacters, TWVariants, HKVariants, JPShinjitaiCharacters]) {
    for (const link of openccLinks(dictionary)) if (link.length > 1) join(link);
  }
  for (const pair of UNIHAN_VARIANT_PAIRS) join([...pair]);

  const members = new Map<string, string[]>();
  for (const char of parent.keys()) {
    const root = find(char);
    members.set(root, [...(members.get(root) ?? []), char]);
  }
  const simplifiedForms = new Set(openccLinks(STCharacters).map((link) => link[0]));
  const japaneseForms = new Set(openccLinks(JPShinjitaiCharacters).flatMap((link) => link.slice(1)));
  const rank = (char: string) => representativeRank(char, simplifiedForms, japaneseForms);
  const table = new Map<string, string>();
  for (const chars of members.values()) {
    const representative = chars.reduce((best, char) => (rank(char) < rank(best) ? char : best));
    for (const char of chars) if (char !== representative) table.set(char, representative);
  }
  return table;
}

/**
 * Any fixed choice would do, since folded text is never shown; this one keeps the search form
 * readable and simplified text unchanged: the Basic Multilingual Plane first (so folding rarely
 * changes a text's length in UTF-16, which highlighting relies on), a character of the main CJK
 * block before the extensions (塔 of 塔墖㙮, 弥 of 弥彌㳽), then a simplified form (镇 of 镇鎮鎭),
 * one that is no traditional form, one that is no Japanese form (佛 of 佛仏), the lower code point.
 */
function representativeRank(char: string, simplifiedForms: ReadonlySet<string | undefined>, japaneseForms: ReadonlySet<string>): number {
  const code = char.codePointAt(0)!;
  const outsideMainBlock = code < 0x4e00 || code > 0x9fff ? 1 : 0;
  const notSimplified = simplifiedForms.has(char) ? 0 : 1;
  const traditional = toSimplified(char) === char ? 0 : 1;
  const japanese = japaneseForms.has(char) ? 1 : 0;
  const astral = code > 0xffff ? 1 : 0;
  return ((((astral * 2 + outsideMainBlock) * 2 + notSimplified) * 2 + traditional) * 2 + japanese) * 0x110000 + code;
}

const FOLD = buildFoldTable();
/**
 * The same table for the Basic Multilingual Plane as an array (0 = unchanged): folding runs over
 * every indexed character, and an array lookup per UTF-16 unit is several times faster than a
 * regular expression calling back per character. A BMP character's class always has a BMP
 * representative (see representativeRank), so its target fits too.
 */
const BMP_FOLD = new Uint16Array(0x10000);
for (const [from, to] of FOLD) if (from.length === 1 && to.length === 1) BMP_FOLD[from.charCodeAt(0)] = to.charCodeAt(0);

/** `text` with every Han variant replaced by its class's representative; other characters unchanged. */
export function foldHanVariants(text: string): string {
  let folded = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const isHighSurrogate = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length;
    const char = isHighSurrogate ? text.slice(i, i + 2) : '';
    const target = isHighSurrogate ? FOLD.get(char) : BMP_FOLD[unit] ? String.fromCharCode(BMP_FOLD[unit]!) : undefined;
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
export const FOLDED_CHARACTERS = FOLD.size;
