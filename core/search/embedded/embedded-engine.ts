/**
 * The zero-set-up search engine: SQLite FTS5 for text, an in-memory columnar snapshot for
 * filters, facet counts and sorting. Its tables live in the catalog file.
 */
import Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { Catalog, StoredRecord } from '../../catalog/catalog.ts';
import { visibleFrom } from '../../catalog/visibility.ts';
import { facetValuesOf } from '../../schema/facets.ts';
import { envelopeOf } from '../../schema/geometry.ts';
import { highlightsOf } from '../highlight.ts';
import { nearWords } from '../near-words.ts';
import { rescueEmptySearch, type Rescue, type RescueTools } from '../no-dead-ends.ts';
import { archiveWordsOf, latinWordsOf, searchableText } from '../searchable-text.ts';
import { ArchiveTokenizer, termsOf, type QueryClause, type QueryTerm } from '../tokenizer.ts';
import type { EngineHealth, SearchEngine, SearchHit, SearchQuery, SearchResult } from '../types.ts';
import { FacetSnapshot } from './facet-snapshot.ts';
import { filterAndCount, type FilteredCandidates } from './filter-and-count.ts';
import { toFtsMatch } from './fts-query.ts';
import { BM25_WEIGHTS } from './search-tables.ts';
import { pageOfMatches } from './sort-matches.ts';
import { TypoVocabulary } from './typo-vocabulary.ts';

interface TextMatches {
  ordinals: Int32Array;
  scores: Float64Array;
}

const TEXT_CACHE_ENTRIES = 256;
const FULL_RANK_LIMIT = 20_000;
const RESULT_CACHE_BYTES = 64 * 1024 * 1024;
const EXTERNAL_RELOAD_MS = 2000;

export class EmbeddedEngine implements SearchEngine {
  readonly name = 'embedded';
  readonly #catalog: Catalog;
  /**
   * The engine's own connection to the catalog file, whose search tables (created by the
   * catalog's migrations) it alone reads and writes; records it reads through the catalog.
   */
  readonly #db: Database.Database;
  readonly #tokenizer = new ArchiveTokenizer();
  /** Text matches by FTS expression: paging and facet clicks repeat the same text query. */
  readonly #textCache: LRUCache<string, TextMatches> | undefined;
  /** Filtered matches and facet counts by query (without page and sort), see `#filtered`. */
  readonly #resultCache: LRUCache<string, FilteredCandidates> | undefined;
  #snapshot: FacetSnapshot | undefined;
  #vocabulary: TypoVocabulary | undefined;
  #snapshotGeneration = -1;
  #snapshotLoadedAt = 0;
  #wordsLoaded = 0;
  /** Words already in `search_words`, so each is written once however many records hold it. */
  readonly #wordsStored = new Set<string>();
  readonly #queries;

  /** @param options.textCacheEntries 0 disables the text and result caches (benchmarks measure cold queries). */
  constructor(catalog: Catalog, options: { textCacheEntries?: number } = {}) {
    this.#catalog = catalog;
    const entries = options.textCacheEntries ?? TEXT_CACHE_ENTRIES;
    this.#textCache = entries > 0 ? new LRUCache({ max: entries }) : undefined;
    this.#resultCache =
      entries > 0 ? new LRUCache({ maxSize: RESULT_CACHE_BYTES, sizeCalculation: (result) => result.ordinals.byteLength + result.scores.byteLength + 1024 }) : undefined;
    this.#db = new Database(catalog.file);
    this.#db.pragma('busy_timeout = 60000');
    const { title, names, body, pinyin } = BM25_WEIGHTS;
    // Prepared once: these run on every search.
    this.#queries = {
      matchesAnything: this.#db.prepare<[string], number>('SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1').pluck(),
      matchingSeqs: this.#db.prepare<[string], number>('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck(),
      generation: this.#db.prepare<[], string>("SELECT value FROM meta WHERE key = 'embedded_generation'").pluck(),
      scores: this.#db
        .prepare<[string], [number, number]>(`SELECT rowid, bm25(search_fts, ${title}, ${names}, ${body}, ${pinyin}) FROM search_fts WHERE search_fts MATCH ?`)
        .raw(),
    };
  }

  /** True when the search tables hold fewer records than the catalog (new schema, or never built). */
  needsRebuild(): boolean {
    const indexed = this.#db.prepare<[], { n: number }>('SELECT count(*) AS n FROM search_docs').get()?.n ?? 0;
    return indexed !== this.#catalog.countRecords();
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const snapshot = this.#currentSnapshot();
    let clauses = query.text.trim() ? this.#withCorrections(this.#tokenizer.queryClauses(query.text)) : [];
    let filtered = this.#filtered(snapshot, clauses, query);
    let rescue: Rescue = {};
    if (filtered.ordinals.length === 0 && clauses.length > 0) {
      rescue = await rescueEmptySearch(query.text, clauses, this.#rescueTools(snapshot, query));
      if (rescue.clauses) {
        clauses = rescue.clauses;
        filtered = this.#filtered(snapshot, clauses, query);
      }
    }
    const terms = termsOf(clauses);
    const total = filtered.ordinals.length;
    const pageOrdinals = pageOfMatches(snapshot, filtered, query);
    const records = this.#catalog.getRecordsBySeq(pageOrdinals.map((ordinal) => snapshot.seqs[ordinal]!));
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
    };
  }

  /** Counting and vocabulary for `rescueEmptySearch`, under `query`'s filters. */
  #rescueTools(snapshot: FacetSnapshot, query: SearchQuery): RescueTools {
    return {
      countReadings: async (readings) => readings.map((reading) => this.#filtered(snapshot, reading, query).ordinals.length),
      nearWords: async (term) => nearWords(term.typed ?? term.text, term.kind === 'han' ? (this.#vocabulary?.hanWords ?? []) : (this.#vocabulary?.latinWords ?? [])),
      clausesOf: (text) => this.#withCorrections(this.#tokenizer.queryClauses(text)),
    };
  }

  /**
   * Matches after filters, with facet counts: the same for every page and sort of a query, so
   * kept for paging, re-sorting and switching language (the key leaves those out).
   */
  #filtered(snapshot: FacetSnapshot, clauses: readonly QueryClause[], query: SearchQuery): FilteredCandidates {
    const ranked = query.sort === 'relevance';
    // Public searches see what is visible now: the key names how many embargoes have ended.
    const visibleBy = query.includeHidden ? undefined : Date.now() / 1000;
    const visibility = visibleBy === undefined ? 'all' : snapshot.embargoesEndedBy(visibleBy);
    const key = JSON.stringify([toFtsMatch(clauses), ranked, query.filters, query.yearFrom, query.yearTo, query.bbox, query.near, visibility]);
    const cached = this.#resultCache?.get(key);
    if (cached) return cached;
    const text = clauses.length > 0 ? this.#matchText(snapshot, clauses, ranked) : undefined;
    const filtered = filterAndCount(snapshot, query, { candidates: text?.ordinals, scores: text?.scores, visibleBy });
    this.#resultCache?.set(key, filtered);
    return filtered;
  }

  async ping(): Promise<EngineHealth> {
    this.#db.prepare('SELECT 1 FROM search_docs LIMIT 1').get();
    return { ok: true };
  }

  async apply(upserts: readonly StoredRecord[], deletedIds: readonly string[]): Promise<void> {
    const db = this.#db;
    const seqOf = db.prepare<[string], { seq: number }>('SELECT seq FROM search_docs WHERE id = ?');
    const removeDoc = db.prepare('DELETE FROM search_docs WHERE seq = ?');
    const removeText = db.prepare('DELETE FROM search_fts WHERE rowid = ?');
    db.transaction(() => {
      for (const id of [...deletedIds, ...upserts.map((stored) => stored.record.id)]) {
        const seq = seqOf.get(id)?.seq;
        if (seq === undefined) continue;
        removeDoc.run(seq);
        removeText.run(seq);
      }
      this.#learnWords(upserts, 'new');
      this.#writeDocs(upserts);
      this.#bumpGeneration();
    }).immediate();
    this.#snapshot = undefined;
  }

  async rebuild(batches: Iterable<StoredRecord[]>, onProgress?: (done: number) => void): Promise<void> {
    const db = this.#db;
    // One transaction: readers on other connections keep seeing the old index until it commits.
    db.transaction(() => {
      db.exec('DELETE FROM search_docs; DELETE FROM search_fts; DELETE FROM search_words;');
      let done = 0;
      for (const batch of batches) {
        this.#learnWords(batch, 'all');
        this.#writeDocs(batch);
        onProgress?.((done += batch.length));
      }
      this.#bumpGeneration();
    }).immediate();
    this.#snapshot = undefined;
  }

  async close(): Promise<void> {
    this.#snapshot = undefined;
    this.#textCache?.clear();
    this.#resultCache?.clear();
    this.#db.close();
  }

  #writeDocs(records: readonly StoredRecord[]): void {
    const db = this.#db;
    const insertDoc = db.prepare(
      `INSERT INTO search_docs (seq, id, facets, start_year, end_year, title_zh, title_en, lat, lon, south, west, north, east, visible_from)
       VALUES (@seq, @id, @facets, @start_year, @end_year, @title_zh, @title_en, @lat, @lon, @south, @west, @north, @east, @visible_from)`,
    );
    const insertText = db.prepare('INSERT INTO search_fts (rowid, title, names, body, pinyin) VALUES (?, ?, ?, ?, ?)');
    const insertWord = db.prepare<[string]>('INSERT OR IGNORE INTO search_words (word) VALUES (?)');
    for (const { seq, record, visibility } of records) {
      const text = searchableText(record);
      this.#storeWords(latinWordsOf(text), insertWord);
      const envelope = envelopeOf(record);
      insertDoc.run({
        seq,
        id: record.id,
        facets: JSON.stringify(facetValuesOf(record)),
        start_year: record.start_year ?? null,
        end_year: record.end_year ?? null,
        title_zh: record.title_zh ?? null,
        title_en: record.title_en ?? null,
        lat: record.lat ?? null,
        lon: record.lon ?? null,
        south: envelope?.south ?? null,
        west: envelope?.west ?? null,
        north: envelope?.north ?? null,
        east: envelope?.east ?? null,
        visible_from: visibleFrom(visibility),
      });
      const tokens = this.#tokenizer;
      const pinyin: string[] = [];
      insertText.run(seq, tokens.indexText(text.title, pinyin), tokens.indexText(text.names, pinyin), tokens.indexText(text.body, undefined, false), pinyin.join(' '));
    }
  }

  /**
   * New names join the segmentation dictionary before the records are tokenized, and
   * `search_words`, so other processes (the server during an ingest) learn them too; so do the
   * records' Latin words (`#writeDocs`), which the typo vocabulary reads. A rebuild emptied
   * `search_words`, so it stores every word again.
   */
  #learnWords(records: readonly StoredRecord[], store: 'new' | 'all'): void {
    if (store === 'all') this.#wordsStored.clear();
    const words = records.flatMap((stored) => archiveWordsOf(stored.record));
    this.#tokenizer.addWords(words);
    // Every name is stored, also those the segmenter knew already (synonyms): "did you mean" reads them.
    this.#storeWords(words, this.#db.prepare<[string]>('INSERT OR IGNORE INTO search_words (word) VALUES (?)'));
  }

  /** Words into `search_words` (see `#learnWords`), each once per process. */
  #storeWords(words: readonly string[], insert: Database.Statement<[string]>): void {
    for (const word of words) {
      if (this.#wordsStored.has(word)) continue;
      this.#wordsStored.add(word);
      insert.run(word);
    }
  }

  /**
   * The snapshot for the index as it is now. Changes this engine made are seen at once; changes
   * another process made (an ingest while the server runs, committing every 1,000 records) are
   * picked up at most every EXTERNAL_RELOAD_MS, so a long import does not make every search
   * reload the snapshot. Until then new records are simply not yet found.
   */
  #currentSnapshot(): FacetSnapshot {
    const generation = Number(this.#queries.generation.get() ?? 0);
    const fresh = Date.now() - this.#snapshotLoadedAt < EXTERNAL_RELOAD_MS;
    if (!this.#snapshot || (generation !== this.#snapshotGeneration && !fresh)) {
      this.#snapshotLoadedAt = Date.now();
      this.#loadWords();
      this.#snapshot = new FacetSnapshot(this.#db);
      this.#vocabulary = new TypoVocabulary(this.#db);
      this.#snapshotGeneration = generation;
      this.#textCache?.clear();
      this.#resultCache?.clear();
    }
    return this.#snapshot;
  }

  /** Words other processes (an ingest while the server runs) added since this one last looked. */
  #loadWords(): void {
    const rows = this.#db
      .prepare<[number], { n: number; word: string }>('SELECT n, word FROM search_words WHERE n > ? ORDER BY n')
      .all(this.#wordsLoaded);
    this.#tokenizer.addWords(rows.map((row) => row.word));
    this.#wordsLoaded = rows.at(-1)?.n ?? this.#wordsLoaded;
  }

  #bumpGeneration(): void {
    this.#db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'embedded_generation'").run();
  }

  /** Latin words that match nothing also try the index's terms within a typo or two. */
  #withCorrections(clauses: QueryClause[]): QueryClause[] {
    return clauses.map((clause) => {
      const [typed] = clause;
      if (typed?.kind !== 'latin' || this.#queries.matchesAnything.get(toFtsMatch([clause])) !== undefined) return clause;
      return [...clause, ...(this.#vocabulary?.corrections(typed.text) ?? []).map((text): QueryTerm => ({ kind: 'latin', text }))];
    });
  }

  /** Ordinals of the records matching `clauses`, with bm25 scores when the query sorts by relevance. */
  #matchText(snapshot: FacetSnapshot, clauses: readonly QueryClause[], ranked: boolean): TextMatches {
    const expression = toFtsMatch(clauses);
    const key = `${ranked ? 'ranked' : 'plain'} ${expression}`;
    const cached = this.#textCache?.get(key);
    if (cached) return cached;
    const seqs = this.#queries.matchingSeqs.all(expression);
    const ordinals = new Int32Array(seqs.length);
    let count = 0;
    for (const seq of seqs) {
      const ordinal = snapshot.ordinalOf(seq);
      if (ordinal !== undefined) ordinals[count++] = ordinal;
    }
    const matched = ordinals.subarray(0, count);
    const matches = { ordinals: matched, scores: ranked ? this.#score(snapshot, expression, matched) : new Float64Array(0) };
    this.#textCache?.set(key, matches);
    return matches;
  }

  /**
   * bm25 scores parallel to `ordinals` (lower is better). bm25 costs about a microsecond per
   * match, so past FULL_RANK_LIMIT matches only the title matches are scored; the rest score 0
   * and follow them in catalog order. Such broad queries (临平 in a Linping archive) are
   * refined with facets long before anyone pages past the title matches.
   */
  #score(snapshot: FacetSnapshot, expression: string, ordinals: Int32Array): Float64Array {
    const scored = ordinals.length <= FULL_RANK_LIMIT ? expression : `{title} : (${expression})`;
    const rows = this.#queries.scores.all(scored);
    const scoreOf = new Float64Array(snapshot.size);
    for (const [seq, score] of rows) {
      const ordinal = snapshot.ordinalOf(seq);
      if (ordinal !== undefined) scoreOf[ordinal] = score;
    }
    return Float64Array.from(ordinals, (ordinal) => scoreOf[ordinal]!);
  }
}


function hitOf({ record }: StoredRecord, terms: readonly QueryTerm[]): SearchHit {
  return { record, highlights: highlightsOf(record, terms) };
}
