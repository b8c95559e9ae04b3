/**
 * Issue 9, "Backups": a backup taken while an import writes in another process restores to an
 * intact catalog holding whole import batches only, and a searchable archive after reindex.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import { Catalog } from '../../core/catalog/catalog.ts';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import { BATCH_SIZE } from '../../ingest/import-records-file.ts';
import { query } from '../helpers/temp-archive.ts';
import { catalogFacts, cliWorkspace, finished } from '../ingest/helpers/run-cli.ts';
import { runCommand, startCommand, syntheticCsv, treeOf } from './helpers/archive-commands.ts';

const ROWS = 30_000;

test('a backup taken while an import writes restores to an intact catalog of whole batches that is searchable after reindex', async (t) => {
  const cli = cliWorkspace(t);
  cli.write('big.csv', syntheticCsv(ROWS));
  const importing = cli.start(['big.csv']);
  const imported = finished(importing);
  // The ingest prints its first progress line once the first batch is committed.
  await new Promise<void>((resolve) => {
    let stderr = '';
    importing.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      if (/importing big\.csv \d+\/\d+/.test(stderr)) resolve();
    });
    void imported.then(() => resolve());
  });

  const backupDir = path.join(cli.dir, 'backup');
  const backup = await runCommand('backup', [backupDir], { dataDir: cli.dataDir, cwd: cli.dir });
  t.is(importing.exitCode, null, 'the import was still writing when the backup finished');
  t.teardown(() => importing.kill('SIGKILL'));
  t.is(backup.code, 0, backup.stderr);
  t.regex(backup.stdout, /^backup written to .*: [\d,]+ records, \d+ tables, 0 media files/m);
  t.regex(backup.stderr, /backing up the catalog \(MB\) [\d.]+\/[\d.]+/, 'progress is shown');

  const manifest = JSON.parse(readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as { catalog: { tables: { records: number } } };
  const backedUp = treeOf(backupDir);
  const restoredDir = path.join(cli.dir, 'restored');
  const restore = await runCommand('restore', [backupDir], { dataDir: restoredDir, cwd: cli.dir });
  t.is(restore.code, 0, restore.stderr);
  t.regex(restore.stdout, /Verified: every sha256 matches, integrity_check is ok, the row counts of \d+ tables match the manifest/);
  t.deepEqual(treeOf(backupDir), backedUp, 'restoring leaves the backup as it was');
  t.is(importing.exitCode, null, 'the import still runs on the original archive');
  t.deepEqual(processState(restoredDir), { locks: 0, imports: ['interrupted'] }, 'the restored archive waits for no process: the import is interrupted in it');
  importing.kill('SIGKILL');
  await imported;

  const facts = catalogFacts(restoredDir);
  t.is(facts.integrity, 'ok');
  t.true(facts.records >= BATCH_SIZE && facts.records < ROWS, `${facts.records} records in the backup`);
  t.is(facts.records % BATCH_SIZE, 0, 'whole batches only');
  t.is(facts.records, manifest.catalog.tables.records);

  const reindex = await runCommand('reindex', [], { dataDir: restoredDir, cwd: cli.dir });
  t.is(reindex.code, 0, reindex.stderr);
  const catalog = Catalog.open(path.join(restoredDir, 'catalog.db'));
  const engine = new EmbeddedEngine(catalog);
  t.teardown(async () => {
    await engine.close();
    catalog.close();
  });
  t.is((await engine.search(query())).total, facts.records, 'every restored record is in the rebuilt index');
  const last = catalog.getRecord(`synthetic-${facts.records - 1}`)!;
  const byTitle = await engine.search(query({ text: last.record.title_en!, lang: 'en' }));
  t.is(byTitle.hits[0]?.record.id, last.record.id, `"${last.record.title_en}" finds the last record of the last whole batch`);
  const chinese = last.record.title_zh!.replace(/\d+号$/, '');
  t.true((await engine.search(query({ text: chinese }))).total > 0, `"${chinese}" finds records`);
});

/** The writer locks and import statuses of the catalog in `dataDir`, read as another process would. */
function processState(dataDir: string): { locks: number; imports: string[] } {
  const db = new Database(path.join(dataDir, 'catalog.db'), { readonly: true, fileMustExist: true });
  try {
    return {
      locks: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM writer_lock').get()!.n,
      imports: db.prepare<[], { status: string }>('SELECT status FROM imports ORDER BY id').all().map((row) => row.status),
    };
  } finally {
    db.close();
  }
}
