/** A collection's title and summary in the visitor's language, falling back like record fields. */
import type { Lang } from '../../core/i18n/translate.ts';
import type { ArchiveCollection } from '../../core/schema/collection.ts';
import { localValue, otherLang, type LocalText } from './localize.ts';

export function collectionHref(id: string): string {
  return `/collections/${encodeURIComponent(id)}`;
}

export function collectionTitle(collection: ArchiveCollection, lang: Lang): LocalText {
  return localValue(collection[`title_${lang}`], collection[`title_${otherLang(lang)}`], lang) ?? { value: collection.id, htmlLang: 'en', fallback: false };
}

export function collectionSummary(collection: ArchiveCollection, lang: Lang): LocalText | undefined {
  return localValue(collection[`summary_${lang}`], collection[`summary_${otherLang(lang)}`], lang);
}

export function collectionNarrative(collection: ArchiveCollection, lang: Lang): LocalText | undefined {
  return localValue(collection[`narrative_${lang}`], collection[`narrative_${otherLang(lang)}`], lang);
}
