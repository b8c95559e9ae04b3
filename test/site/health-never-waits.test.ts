/**
 * `/health` answers at once whatever runs: the check of the catalog's pages (13–40 s on a 4 GB
 * file) starts with the server in a worker thread, and until its first run is done `/health` says
 * so (`catalogCheck: "pending"`) instead of waiting for it.
 */
import path from 'node:path';
import test from 'ava';
import request from 'supertest';
import { Catalog } from '../../core/catalog/catalog.ts';
import { loadConfig } from '../../core/config.ts';
import { createApp } from '../../server/app.ts';
import { CatalogCheck } from '../../server/health/check-catalog.ts';
import { addRecords, makeTempDir, openTempArchive } from '../helpers/temp-archive.ts';
import { silentLogger } from './helpers/fixture-site.ts';
import { settledHealth } from './helpers/settled-health.ts';

test('the check of the catalog\'s pages starts at once and is reported pending, not waited for, until it has run', async (t) => {
  const dir = makeTempDir(t);
  const catalog = Catalog.open(path.join(dir, 'catalog.db'));
  t.teardown(() => catalog.close());
  const check = new CatalogCheck(catalog.file);
  // Nothing of the worker can have answered before this line: the event loop has not turned.
  t.deepEqual(check.condition(), { ok: true, pending: true });
  await check.settled();
  t.deepEqual(check.condition(), { ok: true });
});

test('/health answers while the first check of the pages runs, then without the note', async (t) => {
  const { dir, catalog, engine } = openTempArchive(t);
  await addRecords({ catalog, engine }, [{ id: 'r1', title_zh: '广济桥', type: 'bridge' }]);
  const app = createApp({ config: loadConfig({ ARCHIVE_DATA_DIR: dir, LOG_LEVEL: 'silent' }), catalog, engine, logger: silentLogger });
  const first = await request(app).get('/health');
  t.is(first.status, 200);
  t.is(first.body.catalog, 'ok');
  t.true(first.body.catalogCheck === undefined || first.body.catalogCheck === 'pending');
  const settled = await settledHealth(app);
  t.is(settled.status, 200);
  t.deepEqual(settled.body, { catalog: 'ok', engine: { ok: true } });
});
