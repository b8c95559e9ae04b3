/**
 * kill -9 at random points of real imports — records in 1,000-row batches, and photographs — on
 * one real catalog file each, many times over. After every kill: SQLite's integrity check is ok,
 * only whole batches are visible, and the killed run's history row says `interrupted` once the
 * archive is opened again. Then the same command, run to its end, finishes the job: every record
 * in, every change indexed, every photograph linked, no staging files left behind.
 *
 * The kill points are random (a seeded generator; the seed is logged, and FAULT_SEED=<n> replays
 * a run); what is checked holds for every point.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import test, { type ExecutionContext } from 'ava';
import Database from 'better-sqlite3';
import { Catalog } from '../../core/catalog/catalog.ts';
import { EXIT } from '../../core/cli/exit-codes.ts';
import { BATCH_SIZE } from '../../ingest/import-records-file.ts';
import { cliWorkspace } from '../ingest/helpers/run-cli.ts';
import { writePhotoImport } from './helpers/noise-images.ts';
import { count, killHard, waitForCatalog } from './helpers/processes.ts';

const seed = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: the kill points of a run can be replayed from its seed. */
function randomFrom(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), state | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Workspace = ReturnType<typeof cliWorkspace>;

interface KillOutcome {
  /** False when the run had finished its import before the kill landed: not a kill of an import. */
  interruptedAnImport: boolean;
  importId?: number;
}

/**
 * Starts `args`, waits until the catalog shows this run's import running and `ready` holds, waits
 * a random moment more, and kills it.
 */
async function killSomewhere(cli: Workspace, args: string[], ready: (db: Database.Database) => boolean, extraMs: number): Promise<KillOutcome> {
  const catalogFile = path.join(cli.dataDir, 'catalog.db');
  const importsBefore = existsSync(catalogFile) ? readOnly(catalogFile, (db) => count(db, 'SELECT count(*) AS n FROM imports')) : 0;
  const child = cli.start(args);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const started = Promise.race([waitForCatalog(catalogFile, (db) => count(db, 'SELECT count(*) AS n FROM imports') > importsBefore && ready(db)), exited]);
  await started;
  await sleep(extraMs);
  await killHard(child);
  const row = readOnly(catalogFile, (db) => db.prepare('SELECT id, status FROM imports ORDER BY id DESC LIMIT 1').get() as { id: number; status: string } | undefined);
  const ours = row && readOnly(catalogFile, (db) => count(db, 'SELECT count(*) AS n FROM imports')) > importsBefore;
  return ours && row.status === 'running' ? { interruptedAnImport: true, importId: row.id } : { interruptedAnImport: false };
}

function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** What must hold after any kill, before anything else opens the archive. */
function checkAfterKill(t: ExecutionContext, catalogFile: string, total: number, batch: number, label: string): number {
  return readOnly(catalogFile, (db) => {
    t.is(db.pragma('integrity_check', { simple: true }), 'ok', label);
    const records = count(db, 'SELECT count(*) AS n FROM records');
    t.true(records % batch === 0 || records === total, `${label}: ${records} records is not a whole number of batches`);
    // Whole batches of the file, in order: the first `records` rows and no others.
    const ids = db.prepare('SELECT id FROM records').all().map((row) => Number(String((row as { id: string }).id).split('-').at(-1)));
    t.true(ids.every((index) => index < records), `${label}: a record from a batch that was not committed is visible`);
    return records;
  });
}

/** Opening the archive, as the next run does, marks the killed run; its row must then say so. */
function checkInterrupted(t: ExecutionContext, catalogFile: string, importId: number, label: string): void {
  const catalog = Catalog.open(catalogFile);
  try {
    t.is(catalog.imports.get(importId)?.status, 'interrupted', label);
  } finally {
    catalog.close();
  }
}

function leftovers(dataDir: string): string[] {
  const staging = path.join(dataDir, 'media', 'staging');
  const privateDir = path.join(dataDir, 'media', 'private');
  const parts = existsSync(privateDir) ? readdirSync(privateDir, { recursive: true }).map(String).filter((name) => name.endsWith('.part')) : [];
  return [...(existsSync(staging) ? readdirSync(staging) : []), ...parts];
}

test(`kill -9 at random points of a records import, again and again, leaves only whole batches and the re-run finishes (seed ${seed})`, async (t) => {
  const random = randomFrom(seed);
  const cli = cliWorkspace(t);
  const total = 6 * BATCH_SIZE;
  const lines = ['id,title_zh,title_en,description_en'];
  for (let index = 0; index < total; index++) lines.push(`row-${index},运河记录${index},Canal record ${index},A record about the Grand Canal at Tangqi number ${index}`);
  const file = cli.write('records.csv', `${lines.join('\n')}\n`);
  const catalogFile = path.join(cli.dataDir, 'catalog.db');

  let kills = 0;
  let committed = 0;
  for (let attempt = 0; kills < 7 && attempt < 20; attempt++) {
    // Somewhere in what this run has left to write (so later runs still have batches to lose),
    // from before its first batch on, then up to a quarter second more.
    const threshold = committed + Math.floor(random() * 0.3 * (total - committed));
    const extraMs = Math.floor(random() * 250);
    const outcome = await killSomewhere(cli, [file], (db) => count(db, 'SELECT count(*) AS n FROM records') >= threshold, extraMs);
    const label = `kill ${kills + 1} (records ≥ ${threshold} + ${extraMs} ms)`;
    const records = checkAfterKill(t, catalogFile, total, BATCH_SIZE, label);
    committed = records;
    t.log(`${label}: ${records} records committed${outcome.interruptedAnImport ? '' : ' (the run had finished: not counted)'}`);
    if (!outcome.interruptedAnImport) continue;
    checkInterrupted(t, catalogFile, outcome.importId!, label);
    kills++;
  }
  t.true(kills >= 7, `only ${kills} kills landed inside an import`);

  const final = await cli.run([file]);
  t.is(final.code, EXIT.ok, final.stdout + final.stderr);
  readOnly(catalogFile, (db) => {
    t.is(count(db, 'SELECT count(*) AS n FROM records'), total);
    t.is(count(db, 'SELECT count(*) AS n FROM index_queue'), 0);
    t.is(count(db, 'SELECT count(*) AS n FROM search_docs'), total);
    t.is(db.pragma('integrity_check', { simple: true }), 'ok');
    const statuses = db.prepare('SELECT status FROM imports ORDER BY id').all().map((row) => (row as { status: string }).status);
    t.is(statuses.at(-1), 'done');
    t.true(statuses.slice(0, -1).every((status) => status === 'interrupted' || status === 'done'), statuses.join(', '));
    t.is(statuses.filter((status) => status === 'interrupted').length, kills);
  });
});

test(`kill -9 at random points of an image import leaves no half-built photograph after the next run, which finishes (seed ${seed})`, async (t) => {
  const random = randomFrom(seed + 1);
  const cli = cliWorkspace(t);
  const photos = 4;
  const csv = await writePhotoImport(cli.dir, photos);
  const catalogFile = path.join(cli.dataDir, 'catalog.db');
  const staging = path.join(cli.dataDir, 'media', 'staging');

  let kills = 0;
  for (let attempt = 0; kills < 4 && attempt < 12; attempt++) {
    // While photographs are being built (a staging folder exists), or just after the run began.
    const whileStaging = random() < 0.7;
    const extraMs = Math.floor(random() * 400);
    const outcome = await killSomewhere(cli, [csv], () => !whileStaging || (existsSync(staging) && readdirSync(staging).length > 0), extraMs);
    const label = `image kill ${kills + 1} (${whileStaging ? 'while staging' : 'after start'} + ${extraMs} ms)`;
    checkAfterKill(t, catalogFile, photos, photos, label);
    t.log(`${label}: ${leftovers(cli.dataDir).length} leftovers${outcome.interruptedAnImport ? '' : ' (the run had finished: not counted)'}`);
    if (!outcome.interruptedAnImport) continue;
    checkInterrupted(t, catalogFile, outcome.importId!, label);
    kills++;
  }
  t.true(kills >= 4, `only ${kills} kills landed inside an import`);

  const final = await cli.run([csv]);
  t.is(final.code, EXIT.ok, final.stdout + final.stderr);
  t.deepEqual(leftovers(cli.dataDir), []);
  readOnly(catalogFile, (db) => {
    t.is(count(db, 'SELECT count(*) AS n FROM records'), photos);
    t.is(count(db, 'SELECT count(DISTINCT record_id) AS n FROM record_media'), photos);
    t.is(count(db, "SELECT count(*) AS n FROM media WHERE status = 'ready'"), photos);
    const hashes = db.prepare('SELECT hash FROM record_media').all().map((row) => (row as { hash: string }).hash);
    t.true(hashes.every((hash) => existsSync(path.join(cli.dataDir, 'media', hash.slice(0, 2), hash, 'display.jpg'))), 'every linked photograph is on disk');
    t.is(db.pragma('integrity_check', { simple: true }), 'ok');
  });
});
