/**
 * The notices of a search that could not be answered word for word (core/search/no-dead-ends.ts):
 * which words the results leave out, with a link to search for the kept words alone, and "did you
 * mean" with a link to the suggested query.
 */
import { translate } from '../../core/i18n/translate.ts';
import type { SearchResult } from '../../core/search/types.ts';
import { atPage, searchHref } from '../search/search-url.ts';
import type { SearchContext } from './present-facets.ts';

export interface LooserNoticeView {
  text: string;
  linkText: string;
  href: string;
}

export interface SuggestionView {
  text: string;
  href: string;
}

/** The notice for a looser reading, when the result is one. */
export function presentLooserNotice(result: SearchResult, { path, query, lang, url }: SearchContext): LooserNoticeView | undefined {
  if (!result.looser) return undefined;
  const kept = result.looser.kept.join(' ');
  return {
    text: translate(lang, 'site.search.looser', { kept, dropped: result.looser.dropped.join(' ') }),
    linkText: translate(lang, 'site.search.looser_link', { kept }),
    href: searchHref(path, atPage({ ...query, text: kept }, 1), url),
  };
}

/** "Did you mean", when the engine has a suggestion. */
export function presentSuggestion(result: SearchResult, { path, query, url }: SearchContext): SuggestionView | undefined {
  if (!result.suggestion) return undefined;
  return { text: result.suggestion, href: searchHref(path, atPage({ ...query, text: result.suggestion }, 1), url) };
}
