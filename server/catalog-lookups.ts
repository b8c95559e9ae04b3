/**
 * Small catalog reads that nearly every page needs (collection titles for facets and links,
 * period names in both languages), cached until the catalog file changes: SQLite's data_version
 * moves whenever another connection (an ingest run while the site is up) commits.
 */
import type { Catalog } from '../core/catalog/catalog.ts';
import { readPeriodLabels, type PeriodLabel } from '../core/catalog/period-labels.ts';
import type { ArchiveCollection } from '../core/schema/collection.ts';

export interface Lookups {
  collections: readonly ArchiveCollection[];
  collectionById: ReadonlyMap<string, ArchiveCollection>;
  periodLabels: ReadonlyMap<string, PeriodLabel>;
}

export class CatalogLookups {
  readonly #catalog: Catalog;
  #cached: Lookups | undefined;
  #version = '';

  constructor(catalog: Catalog) {
    this.#catalog = catalog;
  }

  current(): Lookups {
    const version = this.#catalog.changeStamp();
    if (!this.#cached || version !== this.#version) {
      const collections = this.#catalog.listCollections();
      this.#cached = {
        collections,
        collectionById: new Map(collections.map((collection) => [collection.id, collection])),
        periodLabels: readPeriodLabels(this.#catalog),
      };
      this.#version = version;
    }
    return this.#cached;
  }
}
