/**
 * Record text in the visitor's language, falling back to the other language when a record has
 * only that one. The fallback is marked (`fallback`, and `htmlLang` for the element's `lang`
 * attribute) so views can say so and screen readers pronounce it right.
 */
import { LANGUAGE_TAGS } from '../../core/i18n/language-tags.ts';
import type { Lang } from '../../core/i18n/translate.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';

/** The bilingual field pairs of the record schema, by their shared stem (`title` for title_zh/title_en). */
export type BilingualStem = 'title' | 'description' | 'period' | 'place' | 'keywords';

export interface LocalText<T = string> {
  value: T;
  /** `zh-Hans` or `en`: the language the value is in. */
  htmlLang: string;
  /** True when the value is in the other language because the visitor's is missing. */
  fallback: boolean;
}

export const HTML_LANG: Record<Lang, string> = LANGUAGE_TAGS;

export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

export function localText(record: ArchiveRecord, stem: Exclude<BilingualStem, 'keywords'>, lang: Lang): LocalText | undefined {
  return localValue(record[`${stem}_${lang}`], record[`${stem}_${otherLang(lang)}`], lang);
}

export function localList(record: ArchiveRecord, lang: Lang): LocalText<string[]> | undefined {
  return localValue(record[`keywords_${lang}`], record[`keywords_${otherLang(lang)}`], lang);
}

/** Highlights and other pre-rendered pairs follow the same rule. */
export function localValue<T>(own: T | undefined, other: T | undefined, lang: Lang): LocalText<T> | undefined {
  if (own !== undefined) return { value: own, htmlLang: HTML_LANG[lang], fallback: false };
  if (other !== undefined) return { value: other, htmlLang: HTML_LANG[otherLang(lang)], fallback: true };
  return undefined;
}

/** A title is always there: the schema requires one language, and the id is the last resort. */
export function recordTitle(record: ArchiveRecord, lang: Lang): LocalText {
  return localText(record, 'title', lang) ?? { value: record.id, htmlLang: HTML_LANG[lang], fallback: false };
}
