/**
 * Everything a search shows, for the search page and for a collection's own search: the form
 * echoing the query, the summary, hits, facets, active filters, pagination and, when nothing
 * matched, an empty state with ways out.
 */
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { FACETS } from '../../core/schema/facets.ts';
import { formatYear } from '../../core/schema/years.ts';
import { SORTS, type SearchResult } from '../../core/search/types.ts';
import { searchHref, withoutFilters } from '../search/search-url.ts';
import { presentActiveFilters, presentFacets, clearAllHref, type ActiveFilterView, type FacetView, type SearchContext } from './present-facets.ts';
import { presentHit, type HitView } from './present-hit.ts';
import { presentPagination, type PaginationView } from './present-pagination.ts';

export interface SearchFormView {
  action: string;
  /** True on a collection page: the form searches that collection only. */
  scoped: boolean;
  text: string;
  yearFrom: string;
  yearTo: string;
  sortOptions: { value: string; label: string; selected: boolean }[];
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
  summary: string;
  hits: HitView[];
  facets: FacetView[];
  activeFilters: ActiveFilterView[];
  clearAllHref?: string;
  pagination?: PaginationView;
  empty?: EmptyStateView;
}

/** The view-model of `result`, with every link it offers built for `context.path`. */
export function presentSearchResults(result: SearchResult, context: SearchContext): SearchResultsView {
  const { lang, query } = context;
  const activeFilters = presentActiveFilters(context);
  const filterCount = activeFilters.length - (query.text ? 1 : 0);
  const pagination = presentPagination(result, context);
  return {
    form: presentSearchForm(context),
    summary: summaryText(result, lang),
    hits: result.hits.map((hit) => presentHit(hit, lang)),
    facets: presentFacets(result, context),
    activeFilters,
    ...(activeFilters.length > 0 && { clearAllHref: clearAllHref(context) }),
    ...(pagination && { pagination }),
    ...(result.total === 0 && {
      empty: {
        ...(query.text && { text: query.text }),
        // The text comes first among the active filters and is what was searched for: not offered for removal here.
        removeFilters: activeFilters.slice(query.text ? 1 : 0),
        ...(filterCount > 0 && query.text && { withoutFiltersHref: searchHref(context.path, withoutFilters(query), context.url) }),
      },
    }),
  };
}

function presentSearchForm({ path, query, lang, url }: SearchContext): SearchFormView {
  return {
    action: path,
    scoped: (url.fixed?.length ?? 0) > 0,
    text: query.text,
    yearFrom: query.yearFrom === undefined ? '' : formatYear(query.yearFrom, lang),
    yearTo: query.yearTo === undefined ? '' : formatYear(query.yearTo, lang),
    sortOptions: SORTS.map((sort) => ({ value: sort, label: translate(lang, `site.sort.${sort}`), selected: sort === query.sort })),
    hidden: FACETS.filter((facet) => !url.fixed?.includes(facet.key)).flatMap((facet) =>
      (query.filters[facet.key] ?? []).map((value) => ({ name: facet.key, value })),
    ),
  };
}

function summaryText(result: SearchResult, lang: Lang): string {
  if (result.total === 0) return translate(lang, 'site.search.no_results');
  const from = (result.page - 1) * result.pageSize + 1;
  const to = Math.min(result.total, from + result.hits.length - 1);
  return translate(lang, result.totalIsExact ? 'site.search.summary' : 'site.search.summary_inexact', { from, to, total: result.total });
}
