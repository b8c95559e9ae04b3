/**
 * The contract every search engine implements: a typed `SearchQuery` in, one `SearchResult` shape
 * out. Engine words (SQL, Meilisearch filters) stay inside each engine's module.
 */
import type { StoredRecord } from '../catalog/catalog.ts';
import type { Lang } from '../i18n/translate.ts';
import type { FacetKey } from '../schema/facets.ts';
import type { Envelope } from '../schema/geometry.ts';
import type { ArchiveRecord } from '../schema/record.ts';

export const SORTS = ['relevance', 'year_asc', 'year_desc', 'title'] as const;
export type SearchSort = (typeof SORTS)[number];

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface SearchQuery {
  /** Free text in any mix of Chinese and English; empty to browse. */
  text: string;
  /** Per facet, the selected values: OR within a facet, AND across facets. */
  filters: Partial<Record<FacetKey, readonly string[]>>;
  /** Records whose span [start_year, end_year] overlaps [yearFrom, yearTo] match; negative = BCE. */
  yearFrom?: number;
  yearTo?: number;
  /** Map search: records whose point or line touches this box. */
  bbox?: Envelope;
  /** Records whose point lies within `radiusKm` of here. */
  near?: { lat: number; lon: number; radiusKm: number };
  sort: SearchSort;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** The interface language: picks the title used for sorting and the snippet shown first. */
  lang: Lang;
  /**
   * Curators' searches only: hidden and embargoed records too. Absent (every public search),
   * the engine returns, counts and facets only what the public may see at this moment.
   */
  includeHidden?: boolean;
  /**
   * A cursor walk: the hits that follow this position in the sort's order, `pageSize` of them,
   * instead of page `page`; the result then carries `next` while more follow. Start a walk with
   * `WALK_START`. Unlike pages, a walk reaches the last result of any result set.
   */
  cursor?: SearchCursor;
}

/**
 * A position in a result set's order, made by the engine that returned it: the last hit's sort
 * keys, then its catalog seq, so a walk resumes after that record even when records were added
 * or removed meanwhile (keyset paging). Opaque outside the engine: its layout is the engine's
 * own, and an engine refuses a position it could not have made with `InvalidCursorError`.
 */
export interface SearchCursor {
  readonly after: readonly CursorKey[];
}

export type CursorKey = string | number | null;

/** The start of a cursor walk: the first `pageSize` hits, in the same order as page 1. */
export const WALK_START: SearchCursor = Object.freeze({ after: Object.freeze([]) });

export interface FacetValueCount {
  value: string;
  count: number;
  selected: boolean;
}

export interface FacetCounts {
  key: FacetKey;
  values: FacetValueCount[];
}

/** HTML-safe strings: record text escaped, matches wrapped in `<mark>`. */
export interface Highlights {
  title_zh?: string;
  title_en?: string;
  snippet_zh?: string;
  snippet_en?: string;
}

export interface SearchHit {
  record: ArchiveRecord;
  highlights: Highlights;
}

/** The reading a search answered with when no record had every word: the words it kept and dropped, as typed. */
export interface LooserReading {
  kept: string[];
  dropped: string[];
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  /** False when the engine stopped counting (Meilisearch's maxTotalHits): show "total+". */
  totalIsExact: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Every declared facet, in declaration order. Counts follow the usual multi-select rule:
   * a facet's counts apply every filter except that facet's own. */
  facets: FacetCounts[];
  /** Set when no record matched every word: `hits` and `facets` are those of this looser reading. */
  looser?: LooserReading;
  /** When a word matched nothing: the query with it replaced by the nearest word of the archive, which finds records. */
  suggestion?: string;
  /** Cursor walks only: where the next hits start; absent after the last hit. */
  next?: SearchCursor;
}

export interface EngineHealth {
  ok: boolean;
  detail?: string;
}

export interface SearchEngine {
  readonly name: string;
  search(query: SearchQuery): Promise<SearchResult>;
  ping(): Promise<EngineHealth>;
  /** Applies catalog changes: records to add or replace, ids to remove. */
  apply(upserts: readonly StoredRecord[], deletedIds: readonly string[]): Promise<void>;
  /**
   * `apply`, and the same changes to the catalog file's suggestion tables, in one transaction:
   * offered by an engine whose index lives in the catalog file (the embedded one).
   */
  applyWithSuggestions?(upserts: readonly StoredRecord[], deletedIds: readonly string[]): Promise<void>;
  /** An import's batches are coming: start what writes them now, so its start-up overlaps the reading of the file. */
  expectBatches?(): void;
  /** Replaces the whole index with `batches`; searches keep working meanwhile. */
  rebuild(batches: Iterable<StoredRecord[]>, onProgress?: (done: number) => void): Promise<void>;
  /**
   * After a bulk change (an import): tidies the index in the background so later reads are
   * cheaper, changing no result; `close` waits for it. Offered by an engine that keeps its own
   * index files (the embedded one: FTS5 segments). `onStart` is called at once when there is
   * something to merge (or a merge already runs), so a command line can say why it has not ended.
   */
  mergeIndex?(options?: { onStart?: () => void }): Promise<MergeOutcome>;
  close(): Promise<void>;
}

/** What a background index merge did: the steps it merged, or why it stopped (it changes no result either way). */
export type MergeOutcome = { steps: number } | { error: string };

/** A cursor this engine did not make for this query (malformed, or of another sort or engine): a 400, not a 500. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

/** Thrown when the engine cannot answer (down, slow, misconfigured); pages answer 503. */
export class SearchUnavailableError extends Error {
  override readonly name = 'SearchUnavailableError';
}
