/**
 * How a result set is shown: as a list of hits (the default), on a timeline of its periods, or
 * on a map of its places. The view is not part of the `SearchQuery` (every view runs the same
 * search); it travels in the URL as `view=timeline` / `view=map` so each view is a plain address.
 */
import { BadRequestError } from '../errors.ts';
import { firstValue, type QueryParams } from '../params/query-params.ts';

export const SEARCH_VIEWS = ['list', 'timeline', 'map'] as const;
export type SearchView = (typeof SEARCH_VIEWS)[number];

/** `list` when absent or empty; an unknown view is refused with the views that exist. */
export function parseSearchView(params: QueryParams): SearchView {
  const view = firstValue(params, 'view')?.trim();
  if (!view) return 'list';
  if (!(SEARCH_VIEWS as readonly string[]).includes(view)) {
    throw new BadRequestError('site.error.bad_view', { value: view.slice(0, 60), options: SEARCH_VIEWS.join(', ') });
  }
  return view as SearchView;
}
