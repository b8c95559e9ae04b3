/**
 * A curator's first import killed (kill -9) before its first batch leaves an empty catalog; the
 * next `npm start` must serve it as the curator's archive, never fill it with the demo.
 */
import path from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import { cliWorkspace } from '../ingest/helpers/run-cli.ts';
import { count, killHard, startServer, waitForCatalog } from './helpers/processes.ts';

function manyRows(rows: number): string {
  const lines = ['id,title_zh,title_en'];
  for (let index = 0; index < rows; index++) lines.push(`own-${index},馆藏${index},Own record ${index}`);
  return `${lines.join('\n')}\n`;
}

const moments = {
  'as soon as it opened the catalog': (db: Database.Database) => db.prepare("SELECT 1 FROM meta WHERE key = 'archive.curated_since'").get() !== undefined,
  'once its import had started, before any batch': (db: Database.Database) => count(db, 'SELECT count(*) AS n FROM imports') > 0 && count(db, 'SELECT count(*) AS n FROM records') === 0,
};

for (const [moment, ready] of Object.entries(moments)) {
  test(`a first import killed ${moment} does not let the next start import the demo into the curator's archive`, async (t) => {
    const cli = cliWorkspace(t);
    // Large enough that reading it through once before the first batch takes a while.
    cli.write('own.csv', manyRows(40_000));
    const ingest = cli.start(['own.csv']);
    const catalogFile = path.join(cli.dataDir, 'catalog.db');
    await waitForCatalog(catalogFile, ready);
    await killHard(ingest);

    const server = await startServer(t, cli.dataDir);
    const listening = server.logLines().find((line) => line.msg === 'listening')!;
    t.is(listening.records, 0);
    t.false(server.logLines().some((line) => String(line.msg).includes('importing the demo')));
    const db = new Database(catalogFile, { readonly: true });
    t.is(count(db, 'SELECT count(*) AS n FROM records'), 0);
    t.is(count(db, 'SELECT count(*) AS n FROM collections'), 0);
    const statuses = db.prepare('SELECT status FROM imports').all().map((row) => (row as { status: string }).status);
    db.close();
    t.true(statuses.every((status) => status === 'interrupted'), statuses.join(', '));
  });
}
