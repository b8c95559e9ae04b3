/**
 * A damaged catalog file — pages overwritten by a disk or a careless copy, or cut short — is
 * never taken for a new archive and never written to: every command and the server stop with one
 * line saying to restore it from a backup (exit 4), and `/health` reports it unhealthy.
 */
import { createHash } from 'node:crypto';
import { openSync, readFileSync, statSync, truncateSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import test from 'ava';
import Database from 'better-sqlite3';
import request from 'supertest';
import { EXIT } from '../../core/cli/exit-codes.ts';
import { loadConfig } from '../../core/config.ts';
import { createApp } from '../../server/app.ts';
import { fixtures } from '../fixtures/ingest/index.ts';
import { COMMANDS, cliWorkspace } from '../ingest/helpers/run-cli.ts';
import { importPaths, openWorkspace } from '../ingest/helpers/import-files.ts';
import { silentLogger } from '../site/helpers/fixture-site.ts';

const SERVER = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Moves every committed page into the main file, as a closed archive would have it. */
function checkpoint(file: string): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Garbage over the pages after the schema, as a failing disk might leave them. */
function overwritePages(file: string): void {
  const fd = openSync(file, 'r+');
  const garbage = Buffer.alloc(64 * 1024);
  for (let index = 0; index < garbage.length; index++) garbage[index] = (index * 7919) & 0xff;
  writeSync(fd, garbage, 0, Math.min(garbage.length, statSync(file).size - 8192), 8192);
  closeSync(fd);
}

test('every command and the server stop with exit 4 on an overwritten or truncated catalog, which stays as it was', async (t) => {
  const cli = cliWorkspace(t);
  const file = cli.copy(fixtures.recordsCsv);
  t.is((await cli.run([file])).code, EXIT.ok);
  const catalogFile = path.join(cli.dataDir, 'catalog.db');
  checkpoint(catalogFile);
  overwritePages(catalogFile);
  const damaged = digest(catalogFile);
  const runs = {
    ingest: await cli.run([file]),
    reindex: await cli.run([], { script: COMMANDS.reindex }),
    server: await cli.run([], { script: SERVER, env: { PORT: '0', LOG_LEVEL: 'silent' } }),
  };
  for (const [name, result] of Object.entries(runs)) {
    t.is(result.code, EXIT.catalogUnusable, `${name}: ${result.stderr}`);
    t.is(result.stderr.trim(), `the catalog file ${catalogFile} is damaged (database disk image is malformed). Nothing was changed. Restore it from a backup (npm run restore)`, name);
  }
  t.is(digest(catalogFile), damaged);

  truncateSync(catalogFile, statSync(catalogFile).size - 4096);
  const truncated = await cli.run([file, '--lang=zh']);
  t.is(truncated.code, EXIT.catalogUnusable);
  t.regex(truncated.stderr.trim(), new RegExp(`^目录文件 ${catalogFile} 被截断（应有 [\\d,]+ 字节，实际 [\\d,]+ 字节）。没有做任何改动。请从备份恢复（npm run restore）$`));
});

test('/health says the catalog is unhealthy once its pages are overwritten, and at once when the file is cut short', async (t) => {
  const archive = openWorkspace(t);
  await importPaths(archive, [fixtures.recordsCsv]);
  const config = loadConfig({ ARCHIVE_DATA_DIR: path.join(archive.dir, 'data'), LOG_LEVEL: 'silent' });
  const app = createApp({ config, catalog: archive.catalog, engine: archive.engine, logger: silentLogger });
  const healthy = await request(app).get('/health');
  t.is(healthy.status, 200);
  t.like(healthy.body, { catalog: 'ok' });

  const catalogFile = archive.catalog.file;
  checkpoint(catalogFile);
  overwritePages(catalogFile);
  // The full check runs off the event loop; a monitor polling /health sees the damage within seconds.
  let response = await request(app).get('/health');
  for (let attempt = 0; attempt < 100 && response.status === 200; attempt++) {
    await sleep(200);
    response = await request(app).get('/health');
  }
  t.is(response.status, 503);
  t.is(response.body.catalog, 'error');
  t.regex(response.body.catalogProblem, /malformed|corrupt|Page|btree/i);

  truncateSync(catalogFile, 4096 * 2);
  const cut = await request(app).get('/health');
  t.is(cut.status, 503);
  t.regex(cut.body.catalogProblem, /is truncated/);
});
