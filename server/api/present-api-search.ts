/**
 * A search (`searchRecords`' outcome) as the JSON API answers it: the query as applied, totals,
 * hits with their records, facets with labels in both languages, and links, the next one a
 * cursor when the request walks the result set.
 */
import { FACETS } from '../../core/schema/facets.ts';
import type { Lang } from '../../core/i18n/translate.ts';
import { recordUri } from '../../core/schema/record-statements.ts';
import type { FacetKey } from '../../core/schema/facets.ts';
import type { SearchHit, SearchQuery } from '../../core/search/types.ts';
import type { Lookups } from '../catalog-lookups.ts';
import type { ThumbnailView } from '../media/present-thumbnail.ts';
import { facetValueLabel } from '../present/facet-labels.ts';
import { lastPageFor } from '../search/parse-search-query.ts';
import type { SearchUrlOptions } from '../search/search-url.ts';
import type { SearchOutcome } from '../services/search-records.ts';
import type { FacetJson, HitJson, SearchResponse } from './api-schemas.ts';
import { recordApiUrl, searchUrl } from './api-urls.ts';
import { sealCursor } from './cursor-token.ts';
import { languageMap, publishedRecord } from './present-api-record.ts';

export interface ApiSearchContext {
  origin: string;
  /** The API path answering (`/api/v1/search`, `/api/v1/collections/:id`) and the site page showing the same search. */
  path: string;
  htmlPath: string;
  /** Facets the path fixes (a collection's), never written into its links. */
  fixed?: SearchUrlOptions['fixed'];
  engine: string;
  /** The request asked for a page by number, not a walk. */
  paged: boolean;
  /** The cursor the request continued from, for its self link. */
  cursor?: string;
  /** Records the hits relate to that the public may see. */
  shownRelated: ReadonlySet<string>;
}

export function presentApiSearch(outcome: SearchOutcome, context: ApiSearchContext): SearchResponse {
  const { query, view, result, lookups, thumbnails } = outcome;
  const { origin } = context;
  const options: SearchUrlOptions = { view, ...(context.fixed && { fixed: context.fixed }) };
  const lang = { lang: query.lang };
  const next = result.next
    ? searchUrl(origin, context.path, { ...query, page: 1 }, options, { ...lang, cursor: sealCursor(result.next, { engine: context.engine, query, view }) })
    : context.paged && query.page < Math.min(result.pageCount, lastPageFor(query.pageSize))
      ? searchUrl(origin, context.path, { ...query, page: query.page + 1 }, options, lang)
      : undefined;
  return {
    query: appliedQuery(query, view),
    total: result.total,
    total_is_exact: result.totalIsExact,
    per_page: query.pageSize,
    ...(context.paged && { page: query.page }),
    page_count: result.pageCount,
    // The timeline has no list of hits: it is the counts.
    hits: view === 'timeline' ? [] : result.hits.map((hit) => presentHit(hit, origin, thumbnails, context.shownRelated)),
    facets: result.facets.map((facet) => presentFacet(facet.key, facet.values, lookups)),
    links: {
      self: searchUrl(origin, context.path, context.paged ? query : { ...query, page: 1 }, options, { ...lang, ...(context.cursor && { cursor: context.cursor }) }),
      html: searchUrl(origin, context.htmlPath, { ...query, page: context.paged ? query.page : 1 }, options),
      ...(next && { next }),
    },
  };
}

function appliedQuery(query: SearchQuery, view: SearchResponse['query']['view']): SearchResponse['query'] {
  return {
    q: query.text,
    filters: Object.fromEntries(Object.entries(query.filters).map(([key, values]) => [key, [...values!]])),
    ...(query.yearFrom !== undefined && { year_from: query.yearFrom }),
    ...(query.yearTo !== undefined && { year_to: query.yearTo }),
    ...(query.bbox && { bbox: { ...query.bbox } }),
    ...(query.near && { near: { lat: query.near.lat, lon: query.near.lon, km: query.near.radiusKm } }),
    sort: query.sort,
    view,
    per_page: query.pageSize,
    lang: query.lang,
  };
}

function presentHit({ record, highlights }: SearchHit, origin: string, thumbnails: ReadonlyMap<string, ThumbnailView>, shownRelated: ReadonlySet<string>): HitJson {
  const thumbnail = thumbnails.get(record.id);
  const title = languageMap(highlights.title_zh, highlights.title_en);
  const snippet = languageMap(highlights.snippet_zh, highlights.snippet_en);
  return {
    id: record.id,
    links: { html: recordUri(origin, record.id), api: recordApiUrl(origin, record.id) },
    record: publishedRecord(record, shownRelated),
    highlights: { ...(Object.keys(title).length > 0 && { title }), ...(Object.keys(snippet).length > 0 && { snippet }) },
    ...(thumbnail && { thumbnail: { url: `${origin}${thumbnail.src}`, width: thumbnail.width, height: thumbnail.height } }),
  };
}

function presentFacet(key: FacetKey, values: readonly { value: string; count: number; selected: boolean }[], lookups: Lookups): FacetJson {
  const facet = FACETS.find((spec) => spec.key === key)!;
  const label = (value: string, lang: Lang) => facetValueLabel(key, value, lang, lookups);
  return {
    key,
    label: languageMap(facet.label.zh, facet.label.en),
    values: values.map(({ value, count, selected }) => ({ value, label: languageMap(label(value, 'zh'), label(value, 'en')), count, selected })),
  };
}
