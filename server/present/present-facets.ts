/**
 * The facet sidebar and the active-filter list. Every value carries the URL that adds it to the
 * search or removes it, precomputed here so the template only prints links.
 */
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { FACETS, facetSpec, type FacetKey } from '../../core/schema/facets.ts';
import { periodOrder } from '../../core/schema/periods.ts';
import { formatYear } from '../../core/schema/years.ts';
import type { FacetCounts, SearchQuery, SearchResult } from '../../core/search/types.ts';
import type { Lookups } from '../catalog-lookups.ts';
import type { ThumbnailView } from '../media/present-thumbnail.ts';
import { searchHref, toggleFilter, withoutBbox, withoutFilters, withoutNear, withoutText, withoutYears, type SearchUrlOptions } from '../search/search-url.ts';
import { facetLabel, facetValueDepth, facetValueLabel, hierarchyPath } from './facet-labels.ts';
import { formatCoordinates } from './format-coordinates.ts';
import { presentHierarchyFacet, type HierarchyTrailView } from './present-hierarchy-facet.ts';

export interface FacetValueView {
  /** The value as the URL carries it (`ming`, `浙江省/杭州市`). */
  value: string;
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
  /** A hierarchy with one level chosen: the path to it, above the next level's values. */
  trail?: HierarchyTrailView;
  /** The most frequent values, and every selected one. */
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
  /** The hits' thumbnails by record id (records without a photograph have none). */
  thumbnails?: ReadonlyMap<string, ThumbnailView>;
}

/** Each facet with values, in FACETS order (facets the page fixes left out), every value with its toggle URL. */
export function presentFacets(result: SearchResult, context: SearchContext): FacetView[] {
  const { url, lang } = context;
  return result.facets
    .filter((counts) => !url.fixed?.includes(counts.key) && counts.values.length > 0)
    .map((counts) => {
      const { values, trail } = facetSpec(counts.key).kind === 'hierarchy' ? presentHierarchyFacet(counts, context) : { values: presentValues(counts, context) };
      // The most frequent values (the engine lists them first) and every selected one are shown;
      // the rest are folded under "more". Periods are then put in chronological order.
      const ranked = values.map((view, rank) => ({ view, shown: rank < FACET_VALUES_SHOWN || view.selected }));
      const ordered = counts.key === 'period' ? inPeriodOrder(ranked, lang) : ranked;
      return {
        key: counts.key,
        headingId: `facet-${counts.key}`,
        label: facetLabel(counts.key, lang),
        ...(trail && { trail }),
        values: ordered.filter((entry) => entry.shown).map((entry) => entry.view),
        more: ordered.filter((entry) => !entry.shown).map((entry) => entry.view),
      };
    });
}

function presentValues(counts: FacetCounts, { path, query, lang, lookups, url }: SearchContext): FacetValueView[] {
  return counts.values.map((entry) => ({
    value: entry.value,
    label: facetValueLabel(counts.key, entry.value, lang, lookups),
    count: entry.count,
    selected: entry.selected,
    href: searchHref(path, toggleFilter(query, counts.key, entry.value), url),
    depth: facetValueDepth(counts.key, entry.value),
  }));
}

/** Vocabulary periods by `periodOrder`, then the records' own period names alphabetically. */
function inPeriodOrder<T extends { view: FacetValueView }>(entries: T[], lang: Lang): T[] {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans' : 'en');
  return [...entries].sort((a, b) => periodOrder(a.view.value) - periodOrder(b.view.value) || collator.compare(a.view.label, b.view.label));
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
      const label = facet.kind === 'hierarchy' ? hierarchyPath(value, lang) : facetValueLabel(facet.key, value, lang, lookups);
      active.push({ facet: facet.label[lang], value: label, removeHref: searchHref(path, toggleFilter(query, facet.key, value), url) });
    }
  }
  if (query.yearFrom !== undefined || query.yearTo !== undefined) {
    active.push({ facet: translate(lang, 'site.search.years'), value: yearRangeText(query, lang), removeHref: searchHref(path, withoutYears(query), url) });
  }
  if (query.bbox) {
    const { south, west, north, east } = query.bbox;
    const value = translate(lang, 'site.search.bbox_value', { from: formatCoordinates(south, west, lang), to: formatCoordinates(north, east, lang) });
    active.push({ facet: translate(lang, 'site.search.bbox'), value, removeHref: searchHref(path, withoutBbox(query), url) });
  }
  if (query.near) {
    const { lat, lon, radiusKm } = query.near;
    const value = translate(lang, 'site.search.near_value', { radius: radiusKm, point: formatCoordinates(lat, lon, lang) });
    active.push({ facet: translate(lang, 'site.search.near'), value, removeHref: searchHref(path, withoutNear(query), url) });
  }
  return active;
}

/** The search with no filters and no text, keeping whatever the page itself fixes. */
export function clearAllHref({ path, query, url }: SearchContext): string {
  return searchHref(path, withoutText(withoutFilters(query)), url);
}

/** `公元前3300年至公元1000年` / `3300 BCE to 1000 CE`: a range across the eras names both. */
function yearRangeText(query: SearchQuery, lang: Lang): string {
  const acrossEras = query.yearFrom !== undefined && query.yearTo !== undefined && query.yearFrom < 0 && query.yearTo > 0;
  const from = query.yearFrom === undefined ? undefined : formatYear(query.yearFrom, lang);
  const to = query.yearTo === undefined ? undefined : acrossEras ? translate(lang, 'site.year_ce', { year: String(query.yearTo) }) : formatYear(query.yearTo, lang);
  if (from && to) return translate(lang, 'site.search.years_between', { from, to });
  if (from) return translate(lang, 'site.search.years_from', { from });
  return translate(lang, 'site.search.years_to', { to: to! });
}
