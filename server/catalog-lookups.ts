/**
 * Small catalog reads that nearly every page needs (collection titles for facets and links,
 * period names in both languages), cached until the catalog file changes: SQLite's data_version
 * moves whenever another connection (an ingest run while the site is up) commits.
 *
 * Period names are read by scanning every record (0.26 s at 100k records, 0.7–1.5 s at 1M, on the
 * event loop), and an import commits every second: re-read on each commit, they stalled every page
 * during an import. They are re-read only when a page asked for a period they lack (a new one came)
 * or, for renamed periods, once they are PERIOD_NAMES_MAX_AGE_MS old and the catalog has changed.
 */
import type { Catalog } from '../core/catalog/catalog.ts';
import { readPeriodLabels, type PeriodLabel } from '../core/catalog/period-labels.ts';
import type { ArchiveCollection } from '../core/schema/collection.ts';

export interface Lookups {
  collections: readonly ArchiveCollection[];
  collectionById: ReadonlyMap<string, ArchiveCollection>;
  periodLabels: ReadonlyMap<string, PeriodLabel>;
}

const PERIOD_NAMES_MAX_AGE_MS = 5 * 60_000;
/** A period missing from the labels is looked for at most this often (a page may show one the catalog names nowhere). */
const MISSED_PERIOD_RETRY_MS = 60_000;

export class CatalogLookups {
  readonly #catalog: Catalog;
  readonly #maxAgeMs: number;
  readonly #retryMs: number;
  #cached: Lookups | undefined;
  #version = '';
  #periods: { labels: NoticingMap; version: string; at: number } | undefined;

  constructor(catalog: Catalog, options: { periodNamesMaxAgeMs?: number; missedPeriodRetryMs?: number } = {}) {
    this.#catalog = catalog;
    this.#maxAgeMs = options.periodNamesMaxAgeMs ?? PERIOD_NAMES_MAX_AGE_MS;
    this.#retryMs = options.missedPeriodRetryMs ?? MISSED_PERIOD_RETRY_MS;
  }

  current(): Lookups {
    const version = this.#catalog.changeStamp();
    const periods = this.#currentPeriods(version);
    if (!this.#cached || version !== this.#version || this.#cached.periodLabels !== periods) {
      const collections = this.#catalog.listCollections();
      this.#cached = { collections, collectionById: new Map(collections.map((collection) => [collection.id, collection])), periodLabels: periods };
      this.#version = version;
    }
    return this.#cached;
  }

  #currentPeriods(version: string): NoticingMap {
    const kept = this.#periods;
    const age = kept ? Date.now() - kept.at : Infinity;
    const stale = !kept || (kept.version !== version && (age >= this.#maxAgeMs || (kept.labels.missed && age >= this.#retryMs)));
    if (stale) this.#periods = { labels: new NoticingMap(readPeriodLabels(this.#catalog)), version, at: Date.now() };
    return this.#periods!.labels;
  }
}

/** The period labels, noting whether anyone asked for a period they lack. */
class NoticingMap extends Map<string, PeriodLabel> {
  missed = false;

  override get(value: string): PeriodLabel | undefined {
    const label = super.get(value);
    if (label === undefined) this.missed = true;
    return label;
  }
}
