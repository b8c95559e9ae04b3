/**
 * Everything a search shows, for the search page and for a collection's own search: the form
 * echoing the query, the ways to view it (list, timeline, map), the summary, hits (or timeline,
 * or map), facets, active filters, pagination and, when nothing matched, an empty state with ways
 * out.
 */
import type { Config } from '../../core/config.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../services/export-records.ts';
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { FACETS } from '../../core/schema/facets.ts';
import { formatYear } from '../../core/schema/years.ts';
import { DEFAULT_PAGE_SIZE, SORTS, type SearchQuery, type SearchResult } from '../../core/search/types.ts';
import { PAGE_SIZES } from '../search/parse-search-query.ts';
import { SEARCH_VIEWS, type SearchView } from '../search/parse-search-view.ts';
import { withReturn } from '../search/return-search.ts';
import { atPage, searchHref, withoutFilters } from '../search/search-url.ts';
import { presentActiveFilters, presentFacets, clearAllHref, type ActiveFilterView, type FacetView, type SearchContext } from './present-facets.ts';
import { presentHit, type HitView } from './present-hit.ts';
import { presentMap, type MapView } from './present-map.ts';
import { MAP_ASSETS } from './present-map-background.ts';
import { presentPagination, type PaginationView } from './present-pagination.ts';
import { presentLooserNotice, presentSuggestion, type LooserNoticeView, type SuggestionView } from './present-search-notices.ts';
import { presentTimeline, type TimelineView } from './present-timeline.ts';

/** The scripts and stylesheets a view adds to the page (paths under the asset root). */
export const VIEW_ASSETS: Record<SearchView, { scripts: readonly string[]; styles: readonly string[] }> = {
  list: { scripts: [], styles: [] },
  timeline: { scripts: [], styles: [] },
  map: { scripts: [...MAP_ASSETS.scripts, 'js/map.js'], styles: MAP_ASSETS.styles },
};

export interface ViewLinkView {
  label: string;
  href: string;
  current: boolean;
}

export interface SearchFormView {
  action: string;
  /** True on a collection page: the form searches that collection only. */
  scoped: boolean;
  text: string;
  yearFrom: string;
  yearTo: string;
  sortOptions: { value: string; label: string; selected: boolean }[];
  /** 20 / 50 / 100 records a page. */
  pageSizeOptions: { value: string; label: string; selected: boolean }[];
  /** The facet filters in force, kept when the form is submitted again. */
  hidden: { name: string; value: string }[];
}

export interface EmptyStateView {
  text?: string;
  /** Each filter in force, to try the search without it. */
  removeFilters: ActiveFilterView[];
  /** The same text without any filter, when there were filters. */
  withoutFiltersHref?: string;
}

export interface SearchResultsView {
  form: SearchFormView;
  views: ViewLinkView[];
  /** Every record of the search as CSV, JSON and JSON Lines (collection pages keep their collection). */
  exports: { href: string; label: string; type: string }[];
  summary: string;
  hits: HitView[];
  facets: FacetView[];
  activeFilters: ActiveFilterView[];
  clearAllHref?: string;
  pagination?: PaginationView;
  empty?: EmptyStateView;
  /** No record had every word: which were left out, and a link to search for the others alone. */
  looser?: LooserNoticeView;
  /** "Did you mean": a query one slip away that finds records. */
  suggestion?: SuggestionView;
  /** The timeline view: shown instead of the hits. */
  timeline?: TimelineView;
  /** The map view: shown instead of the hits, its located records listed with coordinates. */
  map?: MapView;
}

/**
 * The view-model of `result`, with every link it offers built for `context.path`, in the view
 * `context.url.view` (the list when unset). `result` is what that view asked the engine for
 * (search-for-view.ts): for the map, only the records that have a place.
 */
export function presentSearchResults(result: SearchResult, context: SearchContext, tiles: Config['tiles'] = {}): SearchResultsView {
  const { lang, query } = context;
  const view = context.url.view ?? 'list';
  const activeFilters = presentActiveFilters(context);
  const filterCount = activeFilters.length - (query.text ? 1 : 0);
  const pagination = view === 'timeline' ? undefined : presentPagination(result, context);
  // Each record link carries this page's address, so the record page can lead back here.
  const resultsHref = searchHref(context.path, query, context.url);
  const looser = presentLooserNotice(result, context);
  const suggestion = presentSuggestion(result, context);
  return {
    form: presentSearchForm(context),
    views: SEARCH_VIEWS.map((each) => ({
      label: translate(lang, `site.views.${each}`),
      href: searchHref(context.path, atPage(query, 1), { ...context.url, view: each }),
      current: each === view,
    })),
    exports: presentExportLinks(query, lang),
    summary: view === 'timeline' ? translate(lang, 'site.timeline.summary', { total: result.total }) : summaryText(result, lang, view),
    hits: view === 'list' ? result.hits.map((hit) => withReturnLink(presentHit(hit, lang, context.thumbnails?.get(hit.record.id)), resultsHref)) : [],
    facets: presentFacets(result, context),
    activeFilters,
    ...(activeFilters.length > 0 && { clearAllHref: clearAllHref(context) }),
    ...(pagination && { pagination }),
    ...(looser && { looser }),
    ...(suggestion && { suggestion }),
    ...(view === 'timeline' && { timeline: presentTimeline(result, context) }),
    ...(view === 'map' && { map: presentMap(result.hits, result.total, context, tiles, resultsHref) }),
    ...(result.total === 0 && view !== 'map' && {
      empty: {
        ...(query.text && { text: query.text }),
        // The text comes first among the active filters and is what was searched for: not offered for removal here.
        removeFilters: activeFilters.slice(query.text ? 1 : 0),
        ...(filterCount > 0 && query.text && { withoutFiltersHref: searchHref(context.path, withoutFilters(query), context.url) }),
      },
    }),
  };
}

function withReturnLink<T extends { href: string }>(item: T, resultsHref: string): T {
  return { ...item, href: withReturn(item.href, resultsHref) };
}

function presentSearchForm({ path, query, lang, url }: SearchContext): SearchFormView {
  const { bbox, near } = query;
  return {
    action: path,
    scoped: (url.fixed?.length ?? 0) > 0,
    text: query.text,
    yearFrom: query.yearFrom === undefined ? '' : formatYear(query.yearFrom, lang),
    yearTo: query.yearTo === undefined ? '' : formatYear(query.yearTo, lang),
    sortOptions: SORTS.map((sort) => ({ value: sort, label: translate(lang, `site.sort.${sort}`), selected: sort === query.sort })),
    pageSizeOptions: PAGE_SIZES.map((size) => ({ value: String(size), label: translate(lang, 'browse.per_page_option', { size }), selected: size === query.pageSize })),
    // Everything in force that the form has no field for, so submitting it keeps them.
    hidden: [
      ...FACETS.filter((facet) => !url.fixed?.includes(facet.key)).flatMap((facet) => (query.filters[facet.key] ?? []).map((value) => ({ name: facet.key, value }))),
      ...(bbox ? [{ name: 'bbox', value: [bbox.south, bbox.west, bbox.north, bbox.east].join(',') }] : []),
      ...(near ? [{ name: 'near', value: [near.lat, near.lon, near.radiusKm].join(',') }] : []),
      ...(url.view && url.view !== 'list' ? [{ name: 'view', value: url.view }] : []),
    ],
  };
}

function summaryText(result: SearchResult, lang: Lang, view: SearchView): string {
  if (result.total === 0) return translate(lang, 'site.search.no_results');
  const from = (result.page - 1) * result.pageSize + 1;
  const to = Math.min(result.total, from + result.hits.length - 1);
  const key = view === 'map' ? 'site.map.summary' : result.totalIsExact ? 'site.search.summary' : 'site.search.summary_inexact';
  return translate(lang, key, { from, to, total: result.total });
}

/** The export of the whole result set: no page, no page size, the collection included (it is not fixed there). */
function presentExportLinks(query: SearchQuery, lang: Lang): SearchResultsView['exports'] {
  const whole = { ...query, page: 1, pageSize: DEFAULT_PAGE_SIZE };
  return (Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => ({
    href: searchHref(`/export.${EXPORT_FORMATS[format].extension}`, whole),
    label: translate(lang, `site.export.${format}`),
    type: EXPORT_FORMATS[format].type.split(';')[0]!,
  }));
}
