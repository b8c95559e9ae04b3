/**
 * The production search engine: Meilisearch through the official client, behind the same
 * `SearchEngine` interface as the embedded engine and held to the same contract suite.
 *
 * Two clients: searches and health checks use the search-only key; writes use the admin key.
 * Every call is an independent HTTP request with a timeout, so a restarted Meilisearch is picked
 * up by the next call without restarting the archive.
 */
import { MeilisearchApiError, Meilisearch } from 'meilisearch';
import type { StoredRecord } from '../../catalog/catalog.ts';
import { archiveWordsOf } from '../searchable-text.ts';
import { nearWords } from '../near-words.ts';
import { rescueEmptySearch, type RescueTools } from '../no-dead-ends.ts';
import { ArchiveTokenizer } from '../tokenizer.ts';
import type { EngineHealth, SearchEngine, SearchQuery, SearchResult } from '../types.ts';
import { chunkDocuments } from './chunk-documents.ts';
import { mustWalkInCatalogOrder, walkInCatalogOrder, walkPlan } from './cursor-params.ts';
import { PRIMARY_KEY, toDocument } from './document.ts';
import { callMeili, toEngineError, type ErrorContext } from './engine-errors.ts';
import { countOf, fromMeiliResponses } from './from-response.ts';
import { indexSettings } from './index-settings.ts';
import { rebuildBySwap } from './rebuild-index.ts';
import { buildSearchRequests, readingCountParams, visibilityFilter, type Translation } from './search-params.ts';
import { VOCABULARY_ATTRIBUTE, vocabularyFacetQueries, wordsOfFacetHits } from './vocabulary-field.ts';
import { settingsDrift } from './settings-drift.ts';
import { waitForTasks } from './wait-tasks.ts';

export interface MeiliTimeouts {
  /** Each HTTP request of a search or health check: past it the page answers 503 instead of hanging. */
  searchRequestMs: number;
  /** Each HTTP request of a write; a batch upload can be tens of megabytes. */
  writeRequestMs: number;
  /** Each task of an incremental sync, queue time included. */
  applyTaskMs: number;
  /** Each task of a rebuild or a settings change (which re-indexes a live index). */
  rebuildTaskMs: number;
}

export const DEFAULT_TIMEOUTS: MeiliTimeouts = {
  searchRequestMs: 5_000,
  writeRequestMs: 60_000,
  applyTaskMs: 5 * 60_000,
  rebuildTaskMs: 30 * 60_000,
};

export interface MeilisearchEngineOptions {
  host: string;
  /** The live index's uid (`MEILI_INDEX`). */
  index: string;
  /** Admin key: apply and rebuild. */
  apiKey?: string;
  /** Search-only key for search and ping; the admin key is used when it is absent (command-line tools). */
  searchKey?: string;
  timeouts?: Partial<MeiliTimeouts>;
}

export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  readonly #context: ErrorContext;
  readonly #timeouts: MeiliTimeouts;
  readonly #searchClient: Meilisearch;
  readonly #adminClient: Meilisearch;
  /**
   * Cuts queries into clauses and spells pinyin like the embedded engine. It learns the archive's
   * names from the records this process writes; a web server that writes nothing segments with
   * jieba's own dictionary, which can only make Chinese queries looser, never miss a record.
   */
  readonly #tokenizer = new ArchiveTokenizer();
  #liveIndexReady = false;

  constructor(options: MeilisearchEngineOptions) {
    this.#context = { host: options.host, index: options.index };
    this.#timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.#searchClient = new Meilisearch({ host: options.host, apiKey: options.searchKey ?? options.apiKey, timeout: this.#timeouts.searchRequestMs });
    this.#adminClient = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: this.#timeouts.writeRequestMs });
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const result = await this.#search(query);
    // A relevance walk over more text matches than Meilisearch ranks goes in catalog order instead.
    if (query.cursor && mustWalkInCatalogOrder(walkPlan(query), result.total)) return this.#search(walkInCatalogOrder(query));
    return result;
  }

  async #search(query: SearchQuery): Promise<SearchResult> {
    const translation: Translation = {
      query,
      clauses: query.text.trim() ? this.#tokenizer.queryClauses(query.text) : [],
      ...(!query.includeHidden && { visibleBy: Date.now() / 1000 }),
    };
    const result = await this.#searchWith(translation);
    if (result.total > 0 || translation.clauses.length === 0) return result;
    const rescue = await rescueEmptySearch(query.text, translation.clauses, this.#rescueTools(translation));
    const answered = rescue.clauses ? await this.#searchWith({ ...translation, clauses: rescue.clauses }) : result;
    return { ...answered, ...(rescue.looser && { looser: rescue.looser }), ...(rescue.suggestion && { suggestion: rescue.suggestion }) };
  }

  async #searchWith(translation: Translation): Promise<SearchResult> {
    const queries = buildSearchRequests(this.#context.index, translation);
    const { results } = await callMeili(this.#context, () => this.#searchClient.multiSearch({ queries }));
    return fromMeiliResponses(translation, results);
  }

  /** Counting readings in one multi-search, and the archive's words through facet search on the vocabulary. */
  #rescueTools(translation: Translation): RescueTools {
    const index = this.#context.index;
    // Words of hidden records must not be suggested: facet search sees visible records only.
    const [visibility] = visibilityFilter(translation.visibleBy);
    return {
      countReadings: async (readings) => {
        if (readings.length === 0) return [];
        const queries = readings.map((clauses) => ({ indexUid: index, ...readingCountParams({ ...translation, clauses }) }));
        const { results } = await callMeili(this.#context, () => this.#searchClient.multiSearch({ queries }));
        return results.map(countOf);
      },
      nearWords: async (term) => {
        const candidates: string[] = [];
        for (const facetQuery of vocabularyFacetQueries(term)) {
          const params = { facetName: VOCABULARY_ATTRIBUTE, facetQuery, ...(visibility && { filter: visibility }) };
          const { facetHits } = await callMeili(this.#context, () => this.#searchClient.index(index).searchForFacetValues(params));
          candidates.push(...wordsOfFacetHits(facetHits));
        }
        return nearWords(term.typed ?? term.text, candidates);
      },
      clausesOf: (text) => this.#tokenizer.queryClauses(text),
    };
  }

  /** A zero-hit search with the search key: checks the server, the key and the index at once. */
  async ping(): Promise<EngineHealth> {
    try {
      await callMeili(this.#context, () => this.#searchClient.index(this.#context.index).search(null, { limit: 0 }));
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Deletions and upserts, waited for; throws (so the outbox keeps them) unless every task succeeded. */
  async apply(upserts: readonly StoredRecord[], deletedIds: readonly string[]): Promise<void> {
    if (upserts.length === 0 && deletedIds.length === 0) return;
    await this.#ensureLiveIndex();
    this.#learnWords(upserts);
    const index = this.#adminClient.index(this.#context.index);
    const tasks = [];
    if (deletedIds.length > 0) tasks.push(await callMeili(this.#context, () => index.deleteDocuments([...deletedIds])));
    for (const chunk of chunkDocuments(upserts.map((stored) => toDocument(stored, this.#tokenizer)))) {
      tasks.push(await callMeili(this.#context, () => index.addDocuments(chunk, { primaryKey: PRIMARY_KEY })));
    }
    await waitForTasks(this.#adminClient, tasks, { timeoutMs: this.#timeouts.applyTaskMs }, this.#context);
  }

  async rebuild(batches: Iterable<StoredRecord[]>, onProgress?: (done: number) => void): Promise<void> {
    await rebuildBySwap({ client: this.#adminClient, context: this.#context, taskTimeoutMs: this.#timeouts.rebuildTaskMs }, batches, {
      // Names first: the pinyin of a batch is spelled with its own names in the dictionary.
      onBatch: (records) => this.#learnWords(records),
      documentOf: (stored) => toDocument(stored, this.#tokenizer),
      onProgress,
    });
    this.#liveIndexReady = true;
  }

  /** Nothing to release: every call is its own HTTP request. */
  async close(): Promise<void> {}

  /**
   * Before this process's first write: create the live index if there is none, and give it the
   * declared settings if they drifted (a new version of the archive, a change made by hand).
   */
  async #ensureLiveIndex(): Promise<void> {
    if (this.#liveIndexReady) return;
    const context = this.#context;
    const client = this.#adminClient;
    const index = client.index(context.index);
    if (!(await this.#liveIndexExists())) {
      const created = await callMeili(context, () => client.createIndex(context.index, { primaryKey: PRIMARY_KEY }));
      // Another process may create it at the same moment; either way it then exists.
      await waitForTasks(client, [created], { timeoutMs: this.#timeouts.applyTaskMs, toleratedCodes: ['index_already_exists'] }, context);
    }
    const actual = await callMeili(context, () => index.getSettings());
    if (settingsDrift(indexSettings(), actual).length > 0) {
      const updated = await callMeili(context, () => index.updateSettings(indexSettings()));
      await waitForTasks(client, [updated], { timeoutMs: this.#timeouts.rebuildTaskMs }, context);
    }
    this.#liveIndexReady = true;
  }

  async #liveIndexExists(): Promise<boolean> {
    try {
      await this.#adminClient.getRawIndex(this.#context.index);
      return true;
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') return false;
      throw toEngineError(error, this.#context);
    }
  }

  #learnWords(records: readonly StoredRecord[]): void {
    this.#tokenizer.addWords(records.flatMap((stored) => archiveWordsOf(stored.record)));
  }
}
