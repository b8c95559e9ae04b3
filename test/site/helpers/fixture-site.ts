/**
 * The public site on a fresh copy of the fixture archive: a real catalog file and engine in a
 * temporary data directory, filled by the real ingest, served by the real app. Opened once per
 * test file in `before` (ava allows no teardown there), closed in `after.always`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test, { type ExecutionContext, type TestFn } from 'ava';
import type { Express } from 'express';
import request from 'supertest';
import { pino } from 'pino';
import { Catalog } from '../../../core/catalog/catalog.ts';
import { loadConfig, type Config } from '../../../core/config.ts';
import { EmbeddedEngine } from '../../../core/search/embedded/embedded-engine.ts';
import type { SearchEngine } from '../../../core/search/types.ts';
import { runIngest } from '../../../ingest/run-ingest.ts';
import { createApp } from '../../../server/app.ts';
import { fixtureCollectionsDir } from '../../fixtures/site/index.ts';

export interface FixtureSite {
  app: Express;
  catalog: Catalog;
  engine: SearchEngine;
  config: Config;
  close(): Promise<void>;
}

export const silentLogger = pino({ level: 'silent' });

/**
 * @param engineFor replaces the archive's engine in the app (e.g. with one that is down)
 * @param env more configuration, as environment variables (`ARCHIVE_TILE_URL` …)
 */
export async function openFixtureSite(engineFor?: (engine: SearchEngine) => SearchEngine, env: Record<string, string> = {}): Promise<FixtureSite> {
  const dir = mkdtempSync(path.join(tmpdir(), 'site-'));
  const catalog = Catalog.open(path.join(dir, 'catalog.db'));
  const engine = new EmbeddedEngine(catalog);
  const { report } = await runIngest({ catalog, engine, paths: [fixtureCollectionsDir] });
  if (report.hasFailures()) throw new Error(`the fixture archive did not import cleanly: ${JSON.stringify(report.entries)}`);
  const config = loadConfig({ ...env, ARCHIVE_DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const served = engineFor ? engineFor(engine) : engine;
  return {
    app: createApp({ config, catalog, engine: served, logger: silentLogger }),
    catalog,
    engine: served,
    config,
    async close() {
      await engine.close();
      catalog.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The test file's fixture site, opened before its tests and closed after them, and `get` for a
 * page of it in a language (English unless told).
 */
export function withFixtureSite(): { test: TestFn<FixtureSite>; get: (t: ExecutionContext<FixtureSite>, path: string, lang?: string) => request.Test } {
  const typed = test as TestFn<FixtureSite>;
  typed.before(async (t) => {
    t.context = await openFixtureSite();
  });
  typed.after.always(async (t) => {
    await t.context.close();
  });
  const get = (t: ExecutionContext<FixtureSite>, path: string, lang = 'en') => request(t.context.app).get(path).set('Accept-Language', lang);
  return { test: typed, get };
}
