/** Search-as-you-type suggestions as the search box's script receives them: text and where it leads. */
import type { Lang } from '../../core/i18n/translate.ts';
import type { Suggestion } from '../../core/search/suggest.ts';
import { DEFAULT_PAGE_SIZE } from '../../core/search/types.ts';
import { searchHref } from '../search/search-url.ts';
import { itemHref } from './record-summary.ts';

export interface SuggestionView {
  text: string;
  /** The record page for a title, else a search for the text. */
  url: string;
}

export function presentSuggestions(suggestions: readonly Suggestion[], lang: Lang): SuggestionView[] {
  return suggestions.map(({ text, recordId }) => ({
    text,
    url: recordId ? itemHref(recordId) : searchHref('/search', { text, filters: {}, sort: 'relevance', page: 1, pageSize: DEFAULT_PAGE_SIZE, lang }),
  }));
}
