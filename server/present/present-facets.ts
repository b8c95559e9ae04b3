/**
 * The facet sidebar and the active-filter list. Every value carries the URL that adds it to the
 * search or removes it, precomputed here so the template only prints links.
 */
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { FACETS, type FacetKey } from '../../core/schema/facets.ts';
import { formatYear } from '../../core/schema/years.ts';
import type { SearchQuery, SearchResult } from '../../core/search/types.ts';
import type { Lookups } from '../catalog-lookups.ts';
import { searchHref, toggleFilter, withoutFilters, withoutText, withoutYears, type SearchUrlOptions } from '../search/search-url.ts';
import { facetLabel, facetValueDepth, facetValueLabel, hierarchyPath } from './facet-labels.ts';

export interface FacetValueView {
  label: string;
  /** The whole hierarchy path, where the label shows only its last level. */
  title?: string;
  count: number;
  selected: boolean;
  /** Adds the value, or removes it when selected. */
  href: string;
  depth: number;
}

export interface FacetView {
  key: FacetKey;
  headingId: string;
  label: string;
  /** The first values, and every selected one. */
  values: FacetValueView[];
  /** The rest, folded away under "more". */
  more: FacetValueView[];
}

/** Values listed before the rest are folded under "more". */
export const FACET_VALUES_SHOWN = 8;

export interface ActiveFilterView {
  facet: string;
  value: string;
  removeHref: string;
}

export interface SearchContext {
  /** The page the search lives on: `/search` or a collection's page. */
  path: string;
  query: SearchQuery;
  lang: Lang;
  lookups: Lookups;
  url: SearchUrlOptions;
}

/** Each facet with values, in FACETS order (facets the page fixes left out), every value with its toggle URL. */
export function presentFacets(result: SearchResult, { path, query, lang, lookups, url }: SearchContext): FacetView[] {
  return result.facets
    .filter((counts) => !url.fixed?.includes(counts.key) && counts.values.length > 0)
    .map((counts) => {
      const isHierarchy = FACETS.find((facet) => facet.key === counts.key)?.kind === 'hierarchy';
      // A hierarchy reads as a tree: parents before their children.
      const values = isHierarchy ? [...counts.values].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)) : counts.values;
      const views = values.map((entry) => ({
        label: facetValueLabel(counts.key, entry.value, lang, lookups),
        ...(isHierarchy && { title: hierarchyPath(entry.value) }),
        count: entry.count,
        selected: entry.selected,
        href: searchHref(path, toggleFilter(query, counts.key, entry.value), url),
        depth: facetValueDepth(counts.key, entry.value),
      }));
      const shown = (view: FacetValueView, rank: number) => rank < FACET_VALUES_SHOWN || view.selected;
      return {
        key: counts.key,
        headingId: `facet-${counts.key}`,
        label: facetLabel(counts.key, lang),
        values: views.filter(shown),
        more: views.filter((view, rank) => !shown(view, rank)),
      };
    });
}

/** Each filter in force, the text and the year range included, with the URL that drops just it. */
export function presentActiveFilters({ path, query, lang, lookups, url }: SearchContext): ActiveFilterView[] {
  const active: ActiveFilterView[] = [];
  if (query.text) {
    active.push({ facet: translate(lang, 'site.search.text_filter'), value: query.text, removeHref: searchHref(path, withoutText(query), url) });
  }
  for (const facet of FACETS) {
    if (url.fixed?.includes(facet.key)) continue;
    for (const value of query.filters[facet.key] ?? []) {
      const label = facet.kind === 'hierarchy' ? hierarchyPath(value) : facetValueLabel(facet.key, value, lang, lookups);
      active.push({ facet: facet.label[lang], value: label, removeHref: searchHref(path, toggleFilter(query, facet.key, value), url) });
    }
  }
  if (query.yearFrom !== undefined || query.yearTo !== undefined) {
    active.push({ facet: translate(lang, 'site.search.years'), value: yearRangeText(query, lang), removeHref: searchHref(path, withoutYears(query), url) });
  }
  return active;
}

/** The search with no filters and no text, keeping whatever the page itself fixes. */
export function clearAllHref({ path, query, url }: SearchContext): string {
  return searchHref(path, withoutText(withoutFilters(query)), url);
}

function yearRangeText(query: SearchQuery, lang: Lang): string {
  const from = query.yearFrom === undefined ? undefined : formatYear(query.yearFrom, lang);
  const to = query.yearTo === undefined ? undefined : formatYear(query.yearTo, lang);
  if (from && to) return translate(lang, 'site.search.years_between', { from, to });
  if (from) return translate(lang, 'site.search.years_from', { from });
  return translate(lang, 'site.search.years_to', { to: to! });
}
