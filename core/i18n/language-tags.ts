/**
 * The BCP 47 tags of the archive's two languages, as every standard output writes them: JSON
 * language maps, IIIF and JSON-LD language keys, `lang` and `xml:lang` attributes.
 */
import type { Lang } from './translate.ts';

export const LANGUAGE_TAGS = { zh: 'zh-Hans', en: 'en' } as const satisfies Record<Lang, string>;
export type LanguageTag = (typeof LANGUAGE_TAGS)[Lang];
