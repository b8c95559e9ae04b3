/**
 * The variant classes behind fold-han-variants.ts, built from OpenCC's tables and the shipped
 * Unihan pairs. Run at build time only (`npm run generate:han-variants` writes han-fold-table.ts,
 * and a test checks that the shipped table is what this builds): building it at run time held
 * ~16 MB of a server's memory for a table of ~5,000 characters.
 *
 * Classes join the characters that OpenCC's character tables (STCharacters, TSCharacters) and
 * variant tables (TWVariants, HKVariants, JPShinjitaiCharacters) link, and the rare Unihan
 * variants of unihan-variant-pairs.ts; every character of a class maps to its representative.
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

/**
 * Every variant character mapped to its class's representative (representatives themselves are
 * absent); `unihanPairs` are the shipped ones unless the generator has just read new ones.
 */
export function buildFoldTable(unihanPairs: readonly string[] = UNIHAN_VARIANT_PAIRS): Map<string, string> {
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
  for (const pair of unihanPairs) join([...pair]);

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
 * The table as han-fold-table.ts ships it: `variant representative` pairs, sorted. A BMP variant
 * whose representative lies outside the BMP would not fit the fold's array, and representativeRank
 * never picks one.
 */
export function foldTablePairs(table: ReadonlyMap<string, string>): string[] {
  for (const [from, to] of table) if (from.length === 1 && to.length !== 1) throw new Error(`${from} would fold outside the Basic Multilingual Plane (${to})`);
  return [...table].map(([from, to]) => `${from}${to}`).sort();
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
