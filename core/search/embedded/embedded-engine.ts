/**
 * The zero-set-up search engine: SQLite FTS5 for text, an in-memory columnar snapshot for
 * filters, facet counts and sorting. Its tables live in the catalog file.
 */
import Database from 'better-sqlite3';
import type { Catalog, StoredRecord } from '../../catalog/catalog.ts';
import { visibleFrom } from '../../catalog/visibility.ts';
import { ownModule } from '../../process/own-modules.ts';
import { facetValuesOf } from '../../schema/facets.ts';
import { envelopeOf } from '../../schema/geometry.ts';
import { highlightsOf } from '../highlight.ts';
import { PersistentWorker, WORKER_BATCH } from '../persistent-worker.ts';
import { nearWords } from '../near-words.ts';
import { rescueEmptySearch, type Rescue, type RescueTools } from '../no-dead-ends.ts';
import { archiveWordsOf, latinWordsOf, searchableText } from '../searchable-text.ts';
import { ArchiveTokenizer, termsOf, type QueryClause, type QueryTerm } from '../tokenizer.ts';
import type { EngineHealth, MergeOutcome, SearchEngine, SearchHit, SearchQuery, SearchResult } from '../types.ts';
import type { FacetSnapshot } from './facet-snapshot.ts';
import { appendFiltered, filterAndCount, type FilteredCandidates } from './filter-and-count.ts';
import { toFtsMatch } from './fts-query.ts';
import { FollowPace, type FollowPaceOptions } from './follow-pace.ts';
import { IndexAndSuggestionsWriter } from './index-and-suggestions.ts';
import { IndexWriter } from './index-writer.ts';
import { mergeInBackground } from './merge-in-background.ts';
import { countSegments } from './merge-segments.ts';
import { DEFAULT_RESULT_CACHE_LIMITS, SnapshotResultCache, type ResultCacheLimits } from './snapshot-result-cache.ts';
import { SnapshotStore } from './snapshot-store.ts';
import { PostingMatcher } from './posting-matches.ts';
import { PostingStore, type PostingOptions } from './posting-store.ts';
import { SpreadWork, type SpreadOptions } from './spread-work.ts';
import { LatinPrefixTerms } from './latin-prefix-terms.ts';
import { PrefixTerms } from './prefix-terms.ts';
import { mayMatchTitles, TitleTerms } from './title-terms.ts';
import { pageOfMatches } from './sort-matches.ts';
import { FULL_RANK_LIMIT, RANKED_GROWTH_LIMIT, TextMatcher } from './text-matches.ts';
import type { TypoVocabulary } from './typo-vocabulary.ts';
import { UniversalClauses } from './universal-clauses.ts';
import { walkMatches, type WalkedPage } from './walk-matches.ts';
import { firstAtOrAfter } from './typed-arrays.ts';

/** Filtered matches and counts as computed on one snapshot, up to its size then (see `#filtered`). */
interface KeptResult {
  filtered: FilteredCandidates;
  snapshot: FacetSnapshot;
  epoch: number;
  size: number;
}

/** A query as `#filtered` reads it: its clauses, its key among kept results, its text as FTS5 reads it. */
interface AskedFilter {
  clauses: readonly QueryClause[];
  query: SearchQuery;
  key: string;
  expression: string | undefined;
  ranked: boolean;
  visibleBy: number | undefined;
}

/** What a kept result holds besides its typed arrays (the object, its key); a facet value's object and text. */
const KEPT_OVERHEAD_BYTES = 1024;
const FACET_VALUE_BYTES = 96;
const WRITE_WORKER = ownModule('./index-write-worker.ts', import.meta.url);
/** An import's worker outlives the pause between two of its batches, not the import (it holds a dictionary). */
const WORKER_IDLE_MS = 5000;
/** Below this many records an index's segments are few and small: merging them gains nothing worth a worker thread. */
const MERGE_ABOVE = 20_000;

export class EmbeddedEngine implements SearchEngine {
  readonly name = 'embedded';
  readonly #catalog: Catalog;
  /**
   * The engine's own connection to the catalog file, whose search tables (created by the
   * catalog's migrations) it alone reads and writes; records it reads through the catalog.
   */
  readonly #db: Database.Database;
  readonly #tokenizer = new ArchiveTokenizer();
  readonly #snapshots: SnapshotStore;
  readonly #text: TextMatcher;
  readonly #fullRankLimit: number;
  readonly #universal: UniversalClauses;
  readonly #prefixes: PrefixTerms;
  readonly #latinPrefixes: LatinPrefixTerms;
  readonly #titleTerms: TitleTerms;
  readonly #postings: PostingStore;
  readonly #postingMatcher: PostingMatcher;
  /** Filtered matches and facet counts by query (without page and sort), see `#filtered`. */
  readonly #resultCache: SnapshotResultCache<KeptResult> | undefined;
  #wordsLoaded = 0;
  readonly #writer: IndexWriter;
  #withSuggestions: IndexAndSuggestionsWriter | undefined;
  /** The thread import batches are written in, while an import runs (see `apply`). */
  #worker: PersistentWorker | undefined;
  /** The segment merge running now (see `mergeIndex`); `close` waits for it. */
  #merging: Promise<MergeOutcome> | undefined;
  readonly #mergeAbove: number;
  /** Whether this engine has looked for an index left in pieces (see `#mergeIfInPieces`). */
  #piecesChecked = false;
  /** Bringing kept results up to a snapshot that has grown, spread out (spread-work.ts). */
  readonly #catchingUp: SpreadWork;
  readonly #queries;

  /**
   * @param options.textCacheEntries 0 keeps no matches between queries (benchmarks measure cold queries).
   * @param options.workerAbove indexes of at least this many records load in a worker thread (default 20,000).
   * @param options.fullRankLimit texts matching more records than this rank title matches first instead of by bm25 (default 20,000).
   * @param options.follow how often other writers' commits are taken in (follow-pace.ts).
   * @param options.resultCache how much each of the two result caches (text matches, filtered counts) may hold; 0 bytes keeps none.
   * @param options.mergeAbove indexes of at least this many records merge their segments after a bulk change (default 20,000).
   * @param options.postings which terms get posting lists, within what memory (posting-store.ts); `{ budgetBytes: 0 }`: none.
   * @param options.spread how bringing kept results up to a grown snapshot is spread out (spread-work.ts).
   */
  constructor(
    catalog: Catalog,
    options: {
      textCacheEntries?: number;
      workerAbove?: number;
      fullRankLimit?: number;
      follow?: FollowPaceOptions;
      resultCache?: ResultCacheLimits;
      mergeAbove?: number;
      postings?: PostingOptions;
      spread?: SpreadOptions;
    } = {},
  ) {
    this.#catalog = catalog;
    this.#catchingUp = new SpreadWork(options.spread);
    this.#mergeAbove = options.mergeAbove ?? MERGE_ABOVE;
    const limits = options.resultCache ?? DEFAULT_RESULT_CACHE_LIMITS;
    const cached = (options.textCacheEntries ?? 1) > 0 && (limits.bytes ?? 1) > 0 && limits.entries > 0;
    this.#resultCache = cached ? new SnapshotResultCache(limits, bytesOfKept) : undefined;
    this.#db = new Database(catalog.file);
    this.#db.pragma('busy_timeout = 60000');
    this.#snapshots = new SnapshotStore(this.#db, catalog.file, options.workerAbove, new FollowPace(options.follow));
    this.#fullRankLimit = options.fullRankLimit ?? FULL_RANK_LIMIT;
    this.#text = new TextMatcher(this.#db, cached, this.#fullRankLimit, limits);
    this.#prefixes = new PrefixTerms(this.#db);
    // Read again when the snapshot moves on, not at every batch an import commits: what lies beyond it is in no result.
    const followed = () => this.#snapshots.followedGeneration();
    this.#latinPrefixes = new LatinPrefixTerms(this.#db, followed);
    this.#titleTerms = new TitleTerms(this.#db, followed);
    this.#postings = new PostingStore(this.#db, catalog.file, { inlineBelow: options.workerAbove, ...options.postings });
    this.#postingMatcher = new PostingMatcher(this.#db, (text) => this.#latinPrefixes.tokens(text));
    this.#universal = new UniversalClauses(this.#db, this.#prefixes);
    this.#writer = new IndexWriter(this.#db, this.#tokenizer);
    // Prepared once: these run on every search.
    this.#queries = {
      matchesAnything: this.#db.prepare<[string], number>('SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1').pluck(),
      wordsAfter: this.#db.prepare<[number], { n: number; word: string }>('SELECT n, word FROM search_words WHERE n > ? ORDER BY n'),
    };
  }

  /** True when the search tables hold fewer records than the catalog (new schema, or never built). */
  needsRebuild(): boolean {
    const indexed = this.#db.prepare<[], { n: number }>('SELECT count(*) AS n FROM search_docs').get()?.n ?? 0;
    return indexed !== this.#catalog.countRecords();
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const snapshot = await this.#snapshots.current();
    await this.#postings.ready(snapshot);
    this.#mergeIfInPieces();
    this.#loadWords();
    let clauses = query.text.trim() ? this.#tokenizer.queryClauses(query.text) : [];
    let filtered = this.#filtered(snapshot, clauses, query);
    // Only an empty result can hold a clause that matches nothing (every clause must match), so the
    // typo probe runs after the (cached) match, not before it on every search.
    if (filtered.ordinals.length === 0 && this.#unmatchedLatin(clauses).length > 0) {
      clauses = this.#withCorrections(clauses, await this.#snapshots.vocabulary());
      filtered = this.#filtered(snapshot, clauses, query);
    }
    let rescue: Rescue = {};
    if (filtered.ordinals.length === 0 && clauses.length > 0) {
      await this.#snapshots.vocabulary();
      rescue = await rescueEmptySearch(query.text, clauses, this.#rescueTools(snapshot, query));
      if (rescue.clauses) {
        clauses = rescue.clauses;
        filtered = this.#filtered(snapshot, clauses, query);
      }
    }
    const terms = termsOf(clauses);
    const total = filtered.ordinals.length;
    const order = query.sort === 'relevance' ? undefined : await this.#snapshots.order(`${query.sort}:${query.lang}`);
    const walked: WalkedPage = query.cursor ? walkMatches(snapshot, filtered, query, order) : { ordinals: pageOfMatches(snapshot, filtered, query, order) };
    const records = this.#catalog.getRecordsBySeq(walked.ordinals.map((ordinal) => snapshot.seqs[ordinal]!));
    return {
      hits: records.map((stored) => hitOf(stored, terms)),
      total,
      totalIsExact: true,
      page: query.page,
      pageSize: query.pageSize,
      pageCount: Math.ceil(total / query.pageSize),
      // Copies: the counts are cached for the next page, and callers may reorder what they get.
      facets: filtered.facets.map((facet) => ({ key: facet.key, values: facet.values.map((value) => ({ ...value })) })),
      ...(rescue.looser && { looser: rescue.looser }),
      ...(rescue.suggestion && { suggestion: rescue.suggestion }),
      ...(walked.next && { next: walked.next }),
    };
  }

  /** Counting and vocabulary for `rescueEmptySearch`, under `query`'s filters. */
  #rescueTools(snapshot: FacetSnapshot, query: SearchQuery): RescueTools {
    return {
      countReadings: async (readings) => readings.map((reading) => this.#filtered(snapshot, reading, query).ordinals.length),
      nearWords: async (term) => {
        const vocabulary = await this.#snapshots.vocabulary();
        return nearWords(term.typed ?? term.text, term.kind === 'han' ? vocabulary.hanWords : vocabulary.latinWords);
      },
      // The vocabulary was read before the rescue began (see `search`).
      clausesOf: (text) => this.#withCorrections(this.#tokenizer.queryClauses(text), this.#snapshots.loadedVocabulary()),
    };
  }

  /**
   * Matches after filters, with facet counts: the same for every page and sort of a query, so
   * kept for paging, re-sorting and switching language (the key leaves those out). A kept result
   * stays valid while records are only added: those are counted and appended to it.
   */
  #filtered(snapshot: FacetSnapshot, clauses: readonly QueryClause[], query: SearchQuery): FilteredCandidates {
    const ranked = query.sort === 'relevance';
    // Public searches see what is visible now: the key names how many embargoes have ended.
    const visibleBy = query.includeHidden ? undefined : Date.now() / 1000;
    const visibility = visibleBy === undefined ? 'all' : snapshot.embargoesEndedBy(visibleBy);
    const expression = clauses.length > 0 ? toFtsMatch(clauses) : undefined;
    const key = JSON.stringify([expression, ranked, query.filters, query.yearFrom, query.yearTo, query.bbox, query.near, visibility]);
    const kept = this.#resultCache?.get(key, snapshot);
    // The cache answers only results of this snapshot at its epoch (it drops the rest): what is left to check is growth.
    const usable = kept && (!ranked || snapshot.size <= kept.size * (1 + RANKED_GROWTH_LIMIT));
    if (usable && kept.size === snapshot.size) return kept.filtered;
    const asked = { clauses, query, key, expression, ranked, visibleBy };
    if (!kept) return this.#computeFiltered(snapshot, asked);
    // Kept, on a snapshot that has taken in records since: brought up to it when spreading allows, else answered as it was.
    if (!this.#catchingUp.allows(snapshot.size)) return kept.filtered;
    return this.#catchingUp.run(() => this.#computeFiltered(snapshot, asked, usable ? kept : undefined));
  }

  /** Matches after filters and their counts on `snapshot`, kept under `asked.key`: extended from `kept` (same ranking, fewer records), or afresh. */
  #computeFiltered(snapshot: FacetSnapshot, asked: AskedFilter, kept?: KeptResult): FilteredCandidates {
    const { clauses, query, key, expression, ranked, visibleBy } = asked;
    // One read transaction: a prefix written out as its terms (prefix-terms.ts) is matched in the state those were read in.
    const { everything, expressions, text } = this.#db.transaction(() => {
      // Clauses that match every record need no scan; a text of nothing else matches every record.
      const narrowed = expression === undefined ? [] : this.#universal.narrow(snapshot, clauses, this.#fullRankLimit, this.#snapshots.completeGeneration(snapshot), this.#snapshots.followedGeneration());
      const everything = expression !== undefined && narrowed.length === 0;
      // A title holding a run verbatim holds its pieces: the pieces alone find the same titles, faster.
      // Title matches are read a page's worth at a time, so one-character prefixes are written out as their terms.
      const title = { text: toFtsMatch(clauses, false), now: () => this.#titleExpression(clauses) };
      // bm25 scores an OR of terms unlike their prefix: only matching may write one out.
      const matching = toFtsMatch(narrowed, false, this.#prefixes.known(), this.#latinPrefixes.lookup());
      const fromPostings = () => this.#fromPostings(snapshot, narrowed, matching);
      const expressions = { matching, scoring: toFtsMatch(narrowed), title, fromPostings };
      const text = expression === undefined || everything ? undefined : this.#text.match(snapshot, expressions, ranked);
      return { everything, expressions, text };
    })();
    const titleSeqs = everything && ranked ? this.#text.titleSeqs(expressions.title) : text?.titleSeqs;
    // A kept result is extended only when ranked the same way (text matches may have been dropped and recomputed since).
    const extended = kept !== undefined && (kept.filtered.titleSeqs === undefined) === (titleSeqs === undefined);
    const from = extended ? kept.size : 0;
    // The text matches of records added since `kept` are the ordinals from its size on (matches are in catalog order).
    const start = text && from > 0 ? firstAtOrAfter(text.ordinals, from) : 0;
    const counted = filterAndCount(snapshot, query, {
      candidates: text?.ordinals.subarray(start),
      scores: text && text.scores.length > 0 ? text.scores.subarray(start) : text?.scores,
      visibleBy,
      firstOrdinal: from,
    });
    const filtered = extended ? appendFiltered(snapshot, query, kept.filtered, counted) : { ...counted, ...(titleSeqs && { titleSeqs }) };
    this.#resultCache?.set(key, { filtered, snapshot, epoch: snapshot.epoch, size: snapshot.size });
    return filtered;
  }

  /** The records `matching` finds, from the common terms' posting lists, if they can say (posting-matches.ts); in the read transaction of the match. */
  #fromPostings(snapshot: FacetSnapshot, clauses: readonly QueryClause[], matching: string): Int32Array | undefined {
    const view = this.#postings.view(snapshot);
    const lookups = { prefixes: this.#prefixes.lookup(), latinPrefixes: this.#latinPrefixes.lookup() };
    return view && this.#postingMatcher.match(snapshot, view, { clauses, lookups, matching });
  }

  /** What titles must match, written for the index as it is now; undefined when no title can (title-terms.ts). */
  #titleExpression(clauses: readonly QueryClause[]): string | undefined {
    const latin = this.#latinPrefixes.lookup();
    return mayMatchTitles(clauses, this.#titleTerms.lookup(), latin) ? toFtsMatch(clauses, false, this.#prefixes.lookup(), latin) : undefined;
  }

  async ping(): Promise<EngineHealth> {
    this.#db.prepare('SELECT 1 FROM search_docs LIMIT 1').get();
    return { ok: true };
  }

  /**
   * Import batches (of WORKER_BATCH records or more) go to a worker thread, which tokenizes and
   * writes them while the importer goes on with its next batch; while it has batches in hand, later
   * changes follow them there, in order. Written here, a change is segmented with every word the
   * worker stored first (`#loadWords`).
   */
  async apply(upserts: readonly StoredRecord[], deletedIds: readonly string[]): Promise<void> {
    return this.#applyChanges({ upserts, deletedIds });
  }

  /** The index and the catalog file's suggestion tables in one transaction (index-and-suggestions.ts). */
  async applyWithSuggestions(upserts: readonly StoredRecord[], deletedIds: readonly string[]): Promise<void> {
    return this.#applyChanges({ upserts, deletedIds, suggestions: true });
  }

  async #applyChanges(task: { upserts: readonly StoredRecord[]; deletedIds: readonly string[]; suggestions?: boolean }): Promise<void> {
    const large = task.upserts.length + task.deletedIds.length >= WORKER_BATCH;
    if (large) this.expectBatches();
    // This process's own writes (a curator's edit) are searchable at its next search, whatever the pace of following others.
    if (this.#worker && (large || this.#worker.busy)) return this.#worker.run(task).finally(() => this.#wrote());
    this.#loadWords();
    if (task.suggestions) {
      this.#withSuggestions ??= new IndexAndSuggestionsWriter(this.#db, this.#writer);
      this.#withSuggestions.apply(task.upserts, task.deletedIds);
    } else this.#writer.apply(task.upserts, task.deletedIds);
    this.#wrote();
  }

  /** This process wrote to the index: its next search takes the change in, and brings kept results up to it, without waiting. */
  #wrote(): void {
    this.#snapshots.wrote();
    this.#catchingUp.hurry();
  }

  /** Starts the worker thread import batches are written in (see `apply`), unless batches stay on this thread. */
  expectBatches(): void {
    if (this.#worker || !Number.isFinite(WORKER_BATCH)) return;
    const started = new PersistentWorker(WRITE_WORKER, { file: this.#catalog.file }, { idleMs: WORKER_IDLE_MS, onExit: () => this.#worker === started && (this.#worker = undefined) });
    this.#worker = started;
  }

  async rebuild(batches: Iterable<StoredRecord[]>, onProgress?: (done: number) => void): Promise<void> {
    this.#writer.rebuild(batches, onProgress);
    // A new index: readers load it afresh (in a worker), serving the old one meanwhile.
    this.#snapshots.forget();
    this.#wordsLoaded = 0;
    void this.mergeIndex();
  }

  /**
   * Merges the index's segments in a niced worker thread (merge-segments.ts), after a bulk change:
   * a rebuild, an import. Searches and writes go on meanwhile; results are the same, only cheaper
   * to read. One merge at a time: a call while one runs gets that one; an index in one piece
   * starts no thread.
   */
  mergeIndex(options: { onStart?: () => void } = {}): Promise<MergeOutcome> {
    if (this.#merging) {
      options.onStart?.();
      return this.#merging;
    }
    const size = this.#db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM search_docs').pluck().get()!;
    if (size < this.#mergeAbove || countSegments(this.#db) <= 1) return Promise.resolve({ steps: 0 });
    options.onStart?.();
    const merging = mergeInBackground(this.#catalog.file).finally(() => this.#merging === merging && (this.#merging = undefined));
    this.#merging = merging;
    return merging;
  }

  /**
   * Merges an index found in pieces, at this engine's first search: a rebuild, a CLI import and
   * the server after its web imports (import-worker-on-demand.ts) merge theirs, but a server
   * stopped meanwhile, edits and indexes built elsewhere leave segments that every query reads
   * (100k records in 4 segments: 良渚文化's phrase 70–113 ms, merged 7–11 ms). Once per engine (a
   * server start); the merge runs niced in a worker while searches go on (`mergeIndex`).
   */
  #mergeIfInPieces(): void {
    if (this.#piecesChecked) return;
    this.#piecesChecked = true;
    void this.mergeIndex();
  }

  async close(): Promise<void> {
    await this.#merging;
    await this.#worker?.close();
    await this.#snapshots.close();
    await this.#postings.close();
    this.#text.clear();
    this.#resultCache?.clear();
    this.#db.close();
  }

  /** Words other processes (an ingest while the server runs) added since this one last looked. */
  #loadWords(): void {
    const rows = this.#queries.wordsAfter.all(this.#wordsLoaded);
    this.#tokenizer.addWords(rows.map((row) => row.word));
    this.#wordsLoaded = rows.at(-1)?.n ?? this.#wordsLoaded;
  }

  /** Latin words that match nothing also try the index's terms within a typo or two. */
  #withCorrections(clauses: QueryClause[], vocabulary: TypoVocabulary | undefined): QueryClause[] {
    const unmatched = new Set(this.#unmatchedLatin(clauses));
    return clauses.map((clause, i) =>
      unmatched.has(i) ? [...clause, ...(vocabulary?.corrections(clause[0]!.text) ?? []).map((text): QueryTerm => ({ kind: 'latin', text }))] : clause,
    );
  }

  /** Positions of the clauses led by a Latin word that matches nothing. */
  #unmatchedLatin(clauses: readonly QueryClause[]): number[] {
    return clauses.flatMap((clause, i) => (clause[0]?.kind === 'latin' && this.#queries.matchesAnything.get(toFtsMatch([clause])) === undefined ? [i] : []));
  }

}

/** The bytes a kept result holds: its typed arrays, and its facet lists roughly (a value's object and text). */
function bytesOfKept({ filtered }: KeptResult): number {
  let bytes = KEPT_OVERHEAD_BYTES + filtered.ordinals.byteLength + filtered.scores.byteLength;
  for (const counts of filtered.counts) bytes += counts.byteLength;
  for (const facet of filtered.facets) bytes += facet.values.length * FACET_VALUE_BYTES;
  return bytes;
}

function hitOf({ record }: StoredRecord, terms: readonly QueryTerm[]): SearchHit {
  return { record, highlights: highlightsOf(record, terms) };
}
