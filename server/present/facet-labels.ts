/**
 * What a facet value is called on the page. Values are stable keys (`bridge`, `grand-canal`,
 * `浙江省/杭州市`); labels come from the vocabularies, the collections, the records' own period
 * names, or the message table, in the visitor's language.
 */
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { adminAreaEnglishName } from '../../core/schema/admin-area-names.ts';
import { FACETS, HIERARCHY_SEPARATOR, type FacetKey } from '../../core/schema/facets.ts';
import type { Lookups } from '../catalog-lookups.ts';
import { collectionTitle } from './collection-text.ts';

export function facetLabel(key: FacetKey, lang: Lang): string {
  return FACETS.find((facet) => facet.key === key)!.label[lang];
}

export function facetValueLabel(key: FacetKey, value: string, lang: Lang, lookups: Lookups): string {
  const facet = FACETS.find((spec) => spec.key === key)!;
  if (facet.kind === 'boolean') return translate(lang, value === 'yes' ? 'site.facet.yes' : 'site.facet.no');
  if (facet.kind === 'hierarchy') return hierarchyLevelLabel(value, lang);
  if (facet.kind === 'list') {
    const collection = lookups.collectionById.get(value);
    return collection ? collectionTitle(collection, lang).value : value;
  }
  const entry = 'vocabulary' in facet ? facet.vocabulary.find((candidate) => candidate.key === value) : undefined;
  if (entry) return entry[lang];
  // A period outside the vocabulary is its own value: a record's name, readable in both languages.
  return (key === 'period' && lookups.periodLabels.get(value)?.[lang]) || value;
}

/** How deep a hierarchy value sits (`浙江省` 0, `浙江省/杭州市` 1); 0 for flat facets. */
export function facetValueDepth(key: FacetKey, value: string): number {
  const facet = FACETS.find((spec) => spec.key === key)!;
  return facet.kind === 'hierarchy' ? value.split(HIERARCHY_SEPARATOR).length - 1 : 0;
}

/** The most precise level of a path, in English on English pages (临平区 → Linping District). */
export function hierarchyLevelLabel(value: string, lang: Lang): string {
  return areaLabel(value.split(HIERARCHY_SEPARATOR).at(-1) ?? value, lang);
}

/** One level's name: as written in Chinese, its English name in English (admin-area-names.ts). */
export function areaLabel(level: string, lang: Lang): string {
  return lang === 'en' ? adminAreaEnglishName(level) : level;
}

/** `浙江省 › 杭州市 › 临平区` (`Zhejiang Province › Hangzhou › Linping District`), for filters and tooltips where the whole path matters. */
export function hierarchyPath(value: string, lang: Lang = 'zh'): string {
  return value
    .split(HIERARCHY_SEPARATOR)
    .map((level) => areaLabel(level, lang))
    .join(' › ');
}
