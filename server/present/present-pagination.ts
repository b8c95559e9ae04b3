/** Page links: previous, first, a window around the current page, last, next. */
import type { SearchResult } from '../../core/search/types.ts';
import { lastPageFor } from '../search/parse-search-query.ts';
import { atPage, searchHref } from '../search/search-url.ts';
import type { SearchContext } from './present-facets.ts';

export interface PageLinkView {
  number: number;
  href: string;
  current: boolean;
}

export interface PaginationView {
  previous?: string;
  next?: string;
  /** Page links in order; a `gap` entry stands for the pages left out. */
  items: ({ page: PageLinkView } | { gap: true })[];
}

const WINDOW = 2;

/** Undefined when everything fits on one page. */
export function presentPagination(result: SearchResult, { path, query, url }: SearchContext): PaginationView | undefined {
  const last = Math.min(result.pageCount, lastPageFor(query.pageSize));
  if (last <= 1) return undefined;
  const current = result.page;
  const link = (page: number) => searchHref(path, atPage(query, page), url);
  const shown = new Set([1, last]);
  for (let page = current - WINDOW; page <= current + WINDOW; page++) if (page >= 1 && page <= last) shown.add(page);
  const items: PaginationView['items'] = [];
  let previousShown = 0;
  for (const page of [...shown].sort((a, b) => a - b)) {
    if (page > previousShown + 1) items.push({ gap: true });
    items.push({ page: { number: page, href: link(page), current: page === current } });
    previousShown = page;
  }
  return {
    ...(current > 1 && { previous: link(current - 1) }),
    ...(current < last && { next: link(current + 1) }),
    items,
  };
}
