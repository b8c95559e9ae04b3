/**
 * IIIF language maps (`{ "zh-Hans": […], "en": […] }`) from the archive's language-tagged values:
 * Chinese is `zh-Hans`, English `en`, and only a value that has no language is `none`.
 */
import escapeHtml from 'escape-html';
import { translate, type Lang } from '../../core/i18n/translate.ts';
import type { MessageKey } from '../../core/i18n/messages.ts';
import type { MessageParams } from '../../core/i18n/translate.ts';
import type { StatementValue } from '../../core/schema/record-statements.ts';
import { HTML_LANG } from '../present/localize.ts';

export type LanguageMap = Record<string, string[]>;

const LANGS: readonly Lang[] = ['zh', 'en'];

/** The values by language, Chinese first, in the order given. */
export function languageMap(values: readonly StatementValue[], form: (value: string) => string = (value) => value): LanguageMap {
  const map: LanguageMap = {};
  for (const { value, lang } of values) (map[lang ? HTML_LANG[lang] : 'none'] ??= []).push(form(value));
  return map;
}

/** A message of the archive in both languages. */
export function messageMap(key: MessageKey, params: MessageParams | ((lang: Lang) => MessageParams) = {}): LanguageMap {
  return Object.fromEntries(LANGS.map((lang) => [HTML_LANG[lang], [translate(lang, key, typeof params === 'function' ? params(lang) : params)]]));
}

/** Both languages' texts that exist (`{ zh: '广济桥', en: undefined }` → `{ "zh-Hans": ["广济桥"] }`). */
export function bilingualMap(texts: Partial<Record<Lang, string>>): LanguageMap {
  return languageMap(LANGS.flatMap((lang) => (texts[lang] === undefined ? [] : [{ value: texts[lang]!, lang }])));
}

/**
 * A value for a property where IIIF lets clients read HTML (`summary`, `metadata` values,
 * `requiredStatement`). A client treats a value that starts with `<` and ends with `>` as HTML,
 * so such plain text is escaped and wrapped in a `<span>`: the client shows exactly the text.
 */
export function plainTextValue(value: string): string {
  const trimmed = value.trim();
  return trimmed.startsWith('<') && trimmed.endsWith('>') ? `<span>${escapeHtml(value)}</span>` : value;
}
