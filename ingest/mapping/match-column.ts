/**
 * The field a column's header names, by the declared table of names (core/schema/column-names.ts):
 * `题名` → title_zh, `name_en` → title_en, `latitude` → lat. A bilingual field's language comes
 * from a marker in the header, else from the column's values, else from the header's script.
 * Traditional characters in a header count as their simplified forms.
 */
import { BILINGUAL_FIELDS, COLUMN_NAMES, LANGUAGE_MARKERS, type BilingualField, type ImportTarget } from '../../core/schema/column-names.ts';
import { headerKey } from '../../core/schema/column-mapping.ts';
import { toSimplified } from '../../core/search/chinese-text.ts';

type Lang = 'zh' | 'en';
type Named = keyof typeof COLUMN_NAMES;

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/** Every name (compacted) → what it names: the field's own name and its other names. */
const BY_NAME = new Map<string, Named>();
for (const [target, names] of Object.entries(COLUMN_NAMES) as [Named, readonly string[]][]) {
  for (const name of [target, ...names]) BY_NAME.set(compact(name), target);
}

/** The target `header` names, or undefined when the table does not know it. */
export function matchColumn(header: string, values: readonly unknown[]): ImportTarget | undefined {
  // Traditional headers (題名, 經度) name the same fields as simplified ones.
  const key = toSimplified(headerKey(header));
  const { name, lang } = splitLanguage(key);
  const named = BY_NAME.get(compact(name)) ?? BY_NAME.get(compact(key));
  if (!named) return undefined;
  // A language marker on a field kept in one language (`source_en`) says nothing to choose.
  if (!(named in BILINGUAL_FIELDS)) return named as ImportTarget;
  const language = lang ?? languageOfValues(values) ?? (HAN.test(header) ? 'zh' : 'en');
  return BILINGUAL_FIELDS[named as BilingualField][language];
}

/** The header without its language marker, and the language it named. */
function splitLanguage(key: string): { name: string; lang?: Lang } {
  for (const lang of ['zh', 'en'] as const) {
    const { words, han } = LANGUAGE_MARKERS[lang];
    for (const marker of han) if (key.includes(marker)) return { name: key.replace(marker, ''), lang };
    const tokens = key.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (tokens.length > 1 && words.includes(tokens.at(-1)!)) return { name: tokens.slice(0, -1).join(' '), lang };
    if (tokens.length > 1 && words.includes(tokens[0]!)) return { name: tokens.slice(1).join(' '), lang };
  }
  return { name: key };
}

/** `zh` when most of the column's text values hold Han characters, `en` when most hold Latin letters. */
function languageOfValues(values: readonly unknown[]): Lang | undefined {
  let han = 0;
  let latin = 0;
  for (const value of values) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (HAN.test(value)) han++;
    else if (LATIN.test(value)) latin++;
  }
  if (han === 0 && latin === 0) return undefined;
  return han >= latin ? 'zh' : 'en';
}

function compact(name: string): string {
  return headerKey(name).replace(/[^\p{L}\p{N}]+/gu, '');
}
