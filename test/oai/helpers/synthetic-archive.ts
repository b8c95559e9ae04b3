/**
 * An archive of synthetic records (bench/lib/synthetic-records.ts: Chinese and English text,
 * twenty collections) in a temporary data directory, with the real app over it. Written straight
 * into the catalog in batches of 1,000, as ingest writes them, in well under a second per
 * thousand; OAI-PMH reads the catalog only, so no search index is built.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { pino } from 'pino';
import { syntheticRecords } from '../../../bench/lib/synthetic-records.ts';
import { Catalog } from '../../../core/catalog/catalog.ts';
import { loadConfig, type Config } from '../../../core/config.ts';
import { EmbeddedEngine } from '../../../core/search/embedded/embedded-engine.ts';
import type { ArchiveRecord } from '../../../core/schema/record.ts';
import { createApp } from '../../../server/app.ts';

export const COLLECTION_COUNT = 20;

export interface SyntheticArchive {
  dir: string;
  catalog: Catalog;
  app: Express;
  config: Config;
  /**
   * Closes the catalog and the app's parts and opens them again on the same files: a restart.
   * Returns the new app and catalog (ava hands each test a copy of the context, so use these).
   */
  restart(): Promise<{ app: Express; catalog: Catalog }>;
  close(): Promise<void>;
}

/**
 * `count` records `synthetic-0` … in collections `collection-0` … `collection-19`.
 * @param options.collections false: the collections the records name are never created
 */
export async function openSyntheticArchive(count: number, options: { env?: Record<string, string>; collections?: boolean } = {}): Promise<SyntheticArchive> {
  const env = options.env ?? {};
  const dir = mkdtempSync(path.join(tmpdir(), 'oai-archive-'));
  const config = loadConfig({ ...env, ARCHIVE_DATA_DIR: dir, LOG_LEVEL: 'silent' });
  let catalog = Catalog.open(config.catalogFile);
  for (let index = 0; index < (options.collections === false ? 0 : COLLECTION_COUNT); index++) {
    catalog.upsertCollection({ id: `collection-${index}`, order: index, title_zh: `专题${index}号`, title_en: `Collection ${index}`, summary_zh: `第${index}个专题。` });
  }
  let batch: ArchiveRecord[] = [];
  for (const record of syntheticRecords(count)) {
    batch.push(record);
    if (batch.length === 1000) {
      catalog.writeBatch(batch);
      batch = [];
    }
  }
  if (batch.length > 0) catalog.writeBatch(batch);
  let engine = new EmbeddedEngine(catalog);
  const archive: SyntheticArchive = {
    dir,
    catalog,
    app: createApp({ config, catalog, engine, logger: pino({ level: 'silent' }) }),
    config,
    async restart() {
      await engine.close();
      catalog.close();
      catalog = Catalog.open(config.catalogFile);
      engine = new EmbeddedEngine(catalog);
      archive.catalog = catalog;
      archive.app = createApp({ config, catalog, engine, logger: pino({ level: 'silent' }) });
      return { app: archive.app, catalog };
    },
    async close() {
      await engine.close();
      catalog.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return archive;
}

/** Resolves when the clock has moved past the current second: later writes get a later datestamp. */
export async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
}
