/**
 * A search for everything, for its facet counts (records per collection, per type) on the home
 * page and the collections index. Counting every record is the engine's most expensive query
 * (about 10 ms at 100k records), and these counts only change when the archive does, so the
 * result is kept until the catalog file changes or a minute has passed (the minute bounds how
 * long an engine that lags behind the catalog can show old counts).
 */
import type { Catalog } from '../core/catalog/catalog.ts';
import type { Logger } from '../core/log.ts';
import { SearchUnavailableError, type SearchEngine, type SearchQuery, type SearchResult } from '../core/search/types.ts';

const MAX_AGE_MS = 60_000;

export interface Overview {
  query: SearchQuery;
  result: SearchResult;
}

export class OverviewCache {
  readonly #catalog: Catalog;
  readonly #engine: SearchEngine;
  readonly #logger: Logger;
  #cached: { overview: Overview; version: string; at: number } | undefined;

  constructor(catalog: Catalog, engine: SearchEngine, logger: Logger) {
    this.#catalog = catalog;
    this.#engine = engine;
    this.#logger = logger;
  }

  /** The counts, or undefined when search is down: these pages then render without them. */
  async get(): Promise<Overview | undefined> {
    const version = this.#catalog.changeStamp();
    const now = Date.now();
    const cached = this.#cached;
    if (cached && cached.version === version && now - cached.at < MAX_AGE_MS) return cached.overview;
    const query: SearchQuery = { text: '', filters: {}, sort: 'relevance', page: 1, pageSize: 1, lang: 'zh' };
    try {
      const overview = { query, result: await this.#engine.search(query) };
      this.#cached = { overview, version, at: now };
      return overview;
    } catch (error) {
      if (!(error instanceof SearchUnavailableError)) throw error;
      this.#logger.warn({ err: error }, 'search unavailable: page rendered without counts');
      return undefined;
    }
  }
}
