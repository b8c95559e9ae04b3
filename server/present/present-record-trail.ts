/**
 * The way back from a record page and the steps beside it: back to the search or collection the
 * visitor opened the record from (or to search, when they came from elsewhere), the record's
 * place in those results, and the previous and next records, whose links carry the same way back.
 */
import { translate, type Lang } from '../../core/i18n/translate.ts';
import type { Lookups } from '../catalog-lookups.ts';
import { withReturn, type ReturnSearch } from '../search/return-search.ts';
import { atPage, searchHref } from '../search/search-url.ts';
import type { Neighbour, SearchPlace } from '../services/locate-in-search.ts';
import { collectionHref, collectionTitle } from './collection-text.ts';
import type { LocalText } from './localize.ts';
import { itemHref, summarizeRecord } from './record-summary.ts';

export interface TrailStepView {
  href: string;
  title: LocalText;
}

export interface RecordTrailView {
  label: string;
  back: { href: string; label: string };
  /** `Record 3 of 40`, when the record is among the results it was opened from. */
  position?: string;
  previous?: TrailStepView;
  next?: TrailStepView;
}

/** `from` is the parsed `from` parameter; `place` what `locateInSearch` found for it. */
export function presentRecordTrail(lang: Lang, lookups: Lookups, from?: ReturnSearch, place?: SearchPlace): RecordTrailView {
  const label = translate(lang, 'browse.trail_label');
  if (!from) return { label, back: { href: '/search', label: translate(lang, 'site.nav.search') } };
  const collection = from.collectionId === undefined ? undefined : lookups.collectionById.get(from.collectionId);
  const text = place?.query.text;
  const backLabel = collection
    ? translate(lang, 'browse.back_to_collection', { title: collectionTitle(collection, lang).value })
    : text
      ? translate(lang, 'browse.back_to_search_text', { text })
      : translate(lang, 'browse.back_to_search');
  const path = collection ? collectionHref(collection.id) : '/search';
  const url = { ...(collection && { fixed: ['collection'] as const }), ...(place && { view: place.view }) };
  const back = { href: place ? searchHref(path, place.query, url) : from.href, label: backLabel };
  const position = place?.position;
  if (!place || !position) return { label, back };
  const step = (neighbour: Neighbour | undefined): TrailStepView | undefined => {
    if (!neighbour) return undefined;
    const summary = summarizeRecord(neighbour.hit.record, lang);
    return { href: withReturn(itemHref(neighbour.hit.record.id), searchHref(path, atPage(place.query, neighbour.page), url)), title: summary.title };
  };
  const previous = step(position.previous);
  const next = step(position.next);
  return {
    label,
    back,
    position: translate(lang, position.exact ? 'browse.position' : 'browse.position_inexact', { position: position.index, total: position.total }),
    ...(previous && { previous }),
    ...(next && { next }),
  };
}
