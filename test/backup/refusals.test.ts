/**
 * Issue 9, "Bad input", the backups a restore must not trust and the destinations a backup must
 * not write to, checked on real files through createBackup/restoreBackup (the commands print the
 * same refusals: see bad-inputs.test.ts). Each is refused with its message, and nothing changes.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { syntheticRecords } from '../../bench/lib/synthetic-records.ts';
import { BackupRefusal } from '../../core/backup/backup-refusal.ts';
import { createBackup } from '../../core/backup/create-backup.ts';
import { restoreBackup } from '../../core/backup/restore-backup.ts';
import { Catalog } from '../../core/catalog/catalog.ts';
import { translate } from '../../core/i18n/translate.ts';
import { makeTempDir } from '../helpers/temp-archive.ts';
import { treeOf } from './helpers/archive-commands.ts';

const RECORDS = 300;
const software = { name: 'heritage-archive', version: '0.1.0' };

/** A small archive and its backup, in a folder of the test's own. */
async function archiveWithBackup(t: ExecutionContext): Promise<{ dir: string; dataDir: string; backup: string }> {
  const dir = makeTempDir(t, 'backup-refusals-');
  const dataDir = path.join(dir, 'data');
  mkdirSync(path.join(dataDir, 'reports'), { recursive: true });
  const catalog = Catalog.open(path.join(dataDir, 'catalog.db'));
  catalog.writeBatch([...syntheticRecords(RECORDS)]);
  catalog.close();
  writeFileSync(path.join(dataDir, 'reports', 'ingest-report.json'), '{"totals":{"created":300}}\n');
  const backup = path.join(dir, 'backup');
  await createBackup({ dataDir, destination: backup, software });
  return { dir, dataDir, backup };
}

function editManifest(backup: string, edit: (manifest: Record<string, any>) => void): void {
  const file = path.join(backup, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest));
}

/** The refusal `work` ends with, as the command prints it in English. */
async function refusalOf(t: ExecutionContext, work: Promise<unknown>): Promise<string> {
  const refusal = await t.throwsAsync(work, { instanceOf: BackupRefusal });
  return refusal ? translate('en', refusal.key, refusal.params) : '';
}

test('a backup folder that is a file, or does not exist, is refused and no data directory is made', async (t) => {
  const { dir, dataDir } = await archiveWithBackup(t);
  const target = path.join(dir, 'target');
  t.regex(await refusalOf(t, restoreBackup({ source: path.join(dataDir, 'catalog.db'), dataDir: target })), /catalog\.db is not a backup written by npm run backup/);
  t.regex(await refusalOf(t, restoreBackup({ source: path.join(dir, 'nothing-here'), dataDir: target })), /the backup folder .*nothing-here does not exist; nothing was changed/);
  t.is(treeOf(target), undefined);
});

test('a manifest that is not JSON, or not a manifest, is refused', async (t) => {
  const { dir, backup } = await archiveWithBackup(t);
  const target = path.join(dir, 'target');
  writeFileSync(path.join(backup, 'manifest.json'), '{"format": "heritage-archive-backup", ');
  t.regex(await refusalOf(t, restoreBackup({ source: backup, dataDir: target })), /is not a usable backup: its manifest\.json is not valid \(.*JSON.*\); nothing was changed/);
  writeFileSync(path.join(backup, 'manifest.json'), '[1, 2, 3]');
  t.regex(await refusalOf(t, restoreBackup({ source: backup, dataDir: target })), /its manifest\.json is not valid \(manifest: Invalid input: expected object, received array\)/);
  t.is(treeOf(target), undefined);
});

test('a manifest naming a path outside the backup is refused before any file is read or written', async (t) => {
  const { dir, backup } = await archiveWithBackup(t);
  editManifest(backup, (manifest) => manifest.folders.reports.files.push({ path: '../../escaped.txt', bytes: 0, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }));
  const before = treeOf(dir);
  const message = await refusalOf(t, restoreBackup({ source: backup, dataDir: path.join(dir, 'target') }));
  t.true(message.endsWith('its manifest.json is not valid (folders.reports.files.1.path: a path that leaves its folder); nothing was changed'), message);
  t.deepEqual(treeOf(dir), before, 'no data directory, and no escaped.txt beside the backup');
});

test('a backup from a newer format or a newer catalog schema is refused with the version that can restore it', async (t) => {
  const { dir, backup } = await archiveWithBackup(t);
  const target = path.join(dir, 'target');
  editManifest(backup, (manifest) => (manifest.formatVersion = 2));
  t.regex(await refusalOf(t, restoreBackup({ source: backup, dataDir: target })), /was written by a newer version \(backup format 2; this version reads 1\)/);
  editManifest(backup, (manifest) => ((manifest.formatVersion = 1), (manifest.catalog.schemaVersion = 999)));
  t.regex(await refusalOf(t, restoreBackup({ source: backup, dataDir: target })), /has schema version 999, newer than this version’s \d+ \(it was written by heritage-archive 0\.1\.0\); nothing was changed/);
  t.is(treeOf(target), undefined);
});

test('a catalog whose rows differ from the manifest is caught after copying, and the restore is undone', async (t) => {
  const { dir, backup } = await archiveWithBackup(t);
  editManifest(backup, (manifest) => (manifest.catalog.tables.records = RECORDS + 1));
  const target = path.join(dir, 'target');
  mkdirSync(target);
  const message = await refusalOf(t, restoreBackup({ source: backup, dataDir: target }));
  t.true(message.includes(`row counts differ from the manifest (records: ${RECORDS + 1} → ${RECORDS}); the restore was undone and nothing was changed`), message);
  t.deepEqual(treeOf(target), {}, 'the empty data directory is empty again');
});

test('a restored copy is checked again after copying: a file that changed on the way is caught and the restore undone', async (t) => {
  const { dir, backup } = await archiveWithBackup(t);
  const target = path.join(dir, 'target');
  const report = path.join(target, 'reports', 'ingest-report.json');
  const message = await refusalOf(
    t,
    restoreBackup({
      source: backup,
      dataDir: target,
      // A disk that corrupts what is written: the report is altered once the copy pass has written it.
      onProgress: (stage) => stage === 'check' && readFileSync(report, 'utf8').startsWith('{') && writeFileSync(report, '[]\n'),
    }),
  );
  t.true(message.includes('the restored copy did not verify (1 file differs, e.g. reports/ingest-report.json)'), message);
  t.is(treeOf(target), undefined);
});

test('a backup inside the data directory, or onto a file, is refused and nothing is written', async (t) => {
  const { dataDir } = await archiveWithBackup(t);
  const before = treeOf(dataDir);
  t.regex(await refusalOf(t, createBackup({ dataDir, destination: path.join(dataDir, 'backups', 'today'), software })), /is inside the data directory .*, so it would be lost with it; nothing was changed/);
  t.regex(await refusalOf(t, createBackup({ dataDir, destination: path.join(dataDir, 'catalog.db'), software })), /is inside the data directory/);
  const file = path.join(path.dirname(dataDir), 'a-file');
  writeFileSync(file, 'not a folder');
  t.regex(await refusalOf(t, createBackup({ dataDir, destination: file, software })), /a-file is a file, not a folder; nothing was changed/);
  t.deepEqual(treeOf(dataDir), before);
});

test('restoring twice from the same backup gives the same files', async (t) => {
  const { dir, backup } = await archiveWithBackup(t);
  const copy = path.join(dir, 'copy');
  cpSync(backup, copy, { recursive: true });
  await restoreBackup({ source: backup, dataDir: path.join(dir, 'one') });
  await restoreBackup({ source: copy, dataDir: path.join(dir, 'two') });
  t.deepEqual(treeOf(path.join(dir, 'one')), treeOf(path.join(dir, 'two')));
});
