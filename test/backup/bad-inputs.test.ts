/**
 * Issue 9, "Bad input" for backup and restore: every refusal is a clear message in the user's
 * language with a non-zero exit, and nothing changes — not the archive, not the backup, not the
 * target folder.
 */
import { cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import Database from 'better-sqlite3';
import { Catalog } from '../../core/catalog/catalog.ts';
import { syntheticRecords } from '../../bench/lib/synthetic-records.ts';
import { damageByte, runCommand, treeOf, type CommandName } from './helpers/archive-commands.ts';

const RECORDS = 300;
const dir = mkdtempSync(path.join(tmpdir(), 'backup-bad-inputs-'));
const dataDir = path.join(dir, 'data');
const backupDir = path.join(dir, 'backup');

test.before(async () => {
  mkdirSync(path.join(dataDir, 'reports'), { recursive: true });
  const catalog = Catalog.open(path.join(dataDir, 'catalog.db'));
  catalog.writeBatch([...syntheticRecords(RECORDS)]);
  catalog.close();
  writeFileSync(path.join(dataDir, 'reports', 'ingest-report.json'), '{"totals":{"created":300}}\n');
  const backup = await runCommand('backup', [backupDir], { dataDir, cwd: dir });
  if (backup.code !== 0) throw new Error(`backup failed: ${backup.stderr}`);
});

test.after.always(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder for one test. */
function workspace(t: ExecutionContext): string {
  const folder = path.join(dir, t.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60));
  mkdirSync(folder);
  return folder;
}

/** A copy of the good backup to damage. */
function copyOfBackup(folder: string): string {
  const copy = path.join(folder, 'backup');
  cpSync(backupDir, copy, { recursive: true });
  return copy;
}

function editManifest(backup: string, edit: (manifest: Record<string, any>) => void): void {
  const file = path.join(backup, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest));
}

const run = (name: CommandName, args: string[], data: string) => runCommand(name, args, { dataDir: data, cwd: dir });

test('restoring into a data directory that is not empty is refused and the archive there is untouched', async (t) => {
  const before = treeOf(dataDir);
  const result = await run('restore', [backupDir], dataDir);
  t.is(result.code, 1);
  t.true(result.stderr.includes(`the data directory ${dataDir} is not empty (catalog.db`), result.stderr);
  t.true(result.stderr.includes('nothing was changed. Restore into a new or empty directory (set ARCHIVE_DATA_DIR)'), result.stderr);
  t.deepEqual(treeOf(dataDir), before);
});

test('the refusal is in Chinese with --lang=zh', async (t) => {
  const result = await run('restore', [backupDir, '--lang=zh'], dataDir);
  t.is(result.code, 1);
  t.true(result.stderr.includes(`数据文件夹 ${dataDir} 不是空的`), result.stderr);
  t.true(result.stderr.includes('没有做任何改动'), result.stderr);
});

test('a folder that is not a backup, a file and a missing folder are each refused and no data directory is made', async (t) => {
  const target = path.join(workspace(t), 'target');
  const notBackup = await run('restore', [dataDir], target);
  t.is(notBackup.code, 1);
  t.true(notBackup.stderr.includes(`${dataDir} is not a backup written by npm run backup (it has no manifest.json); nothing was changed`), notBackup.stderr);
  const file = await run('restore', [path.join(dataDir, 'catalog.db')], target);
  t.is(file.code, 1);
  t.true(file.stderr.includes('is not a backup written by npm run backup'), file.stderr);
  const missing = await run('restore', [path.join(dir, 'no-such-backup')], target);
  t.is(missing.code, 1);
  t.true(missing.stderr.includes(`the backup folder ${path.join(dir, 'no-such-backup')} does not exist; nothing was changed`), missing.stderr);
  t.is(treeOf(target), undefined);
});

test('a backup whose catalog fails its checksum is refused as damaged, naming the file, and the backup stays as it was', async (t) => {
  const folder = workspace(t);
  const backup = copyOfBackup(folder);
  damageByte(path.join(backup, 'catalog.db'), 5000);
  const before = treeOf(backup);
  const target = path.join(folder, 'target');
  const result = await run('restore', [backup], target);
  t.is(result.code, 1);
  t.true(result.stderr.includes(`the backup ${backup} is damaged: 1 file does not match the manifest’s checksums, e.g. catalog.db; nothing was changed. Use another backup`), result.stderr);
  t.is(treeOf(target), undefined);
  t.deepEqual(treeOf(backup), before);
});

test('a manifest that is not JSON, or not a manifest, is refused', async (t) => {
  const folder = workspace(t);
  const backup = copyOfBackup(folder);
  const target = path.join(folder, 'target');
  writeFileSync(path.join(backup, 'manifest.json'), '{"format": "heritage-archive-backup", ');
  const truncated = await run('restore', [backup], target);
  t.is(truncated.code, 1);
  t.regex(truncated.stderr, /is not a usable backup: its manifest\.json is not valid \(.*JSON.*\); nothing was changed/);
  writeFileSync(path.join(backup, 'manifest.json'), '[1, 2, 3]');
  const wrongShape = await run('restore', [backup], target);
  t.is(wrongShape.code, 1);
  t.true(wrongShape.stderr.includes('its manifest.json is not valid'), wrongShape.stderr);
  t.is(treeOf(target), undefined);
});

test('a manifest naming a path outside the backup is refused before any file is read or written', async (t) => {
  const folder = workspace(t);
  const backup = copyOfBackup(folder);
  editManifest(backup, (manifest) => manifest.folders.reports.files.push({ path: '../../escaped.txt', bytes: 0, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }));
  const before = treeOf(folder);
  const target = path.join(folder, 'data');
  const result = await run('restore', [backup], target);
  t.is(result.code, 1);
  t.true(result.stderr.includes('its manifest.json is not valid (folders.reports.files.1.path: a path that leaves its folder); nothing was changed'), result.stderr);
  t.deepEqual(treeOf(folder), before, 'no data directory, and no escaped.txt beside the backup');
});

test('a backup from a newer format or a newer catalog schema is refused with the version that can restore it', async (t) => {
  const folder = workspace(t);
  const backup = copyOfBackup(folder);
  const target = path.join(folder, 'target');
  editManifest(backup, (manifest) => (manifest.formatVersion = 2));
  const format = await run('restore', [backup], target);
  t.is(format.code, 1);
  t.true(format.stderr.includes('was written by a newer version (backup format 2; this version reads 1)'), format.stderr);
  editManifest(backup, (manifest) => ((manifest.formatVersion = 1), (manifest.catalog.schemaVersion = 999)));
  const schema = await run('restore', [backup], target);
  t.is(schema.code, 1);
  t.regex(schema.stderr, /has schema version 999, newer than this version’s \d+ \(it was written by heritage-archive 0\.1\.0\); nothing was changed/);
  t.is(treeOf(target), undefined);
});

test('a catalog whose rows differ from the manifest is caught after copying, and the restore is undone', async (t) => {
  const folder = workspace(t);
  const backup = copyOfBackup(folder);
  editManifest(backup, (manifest) => (manifest.catalog.tables.records = RECORDS + 1));
  const target = path.join(folder, 'target');
  mkdirSync(target);
  const result = await run('restore', [backup], target);
  t.is(result.code, 1);
  t.true(result.stderr.includes(`row counts differ from the manifest (records: ${RECORDS + 1} → ${RECORDS}); the restore was undone and nothing was changed`), result.stderr);
  t.deepEqual(treeOf(target), {}, 'the empty data directory is empty again');
});

test('backing up into a folder that is not empty, inside the data directory or onto a file is refused and changes nothing', async (t) => {
  const archiveBefore = treeOf(dataDir);
  const backupBefore = treeOf(backupDir);
  const notEmpty = await run('backup', [backupDir], dataDir);
  t.is(notEmpty.code, 1);
  t.true(notEmpty.stderr.includes(`${backupDir} already holds files (catalog.db, manifest.json, reports); nothing was changed. Back up into a new or empty folder`), notEmpty.stderr);
  const inside = await run('backup', [path.join(dataDir, 'backups', 'today')], dataDir);
  t.is(inside.code, 1);
  t.true(inside.stderr.includes(`is inside the data directory ${dataDir}, so it would be lost with it; nothing was changed`), inside.stderr);
  const onFile = await run('backup', [path.join(dataDir, 'catalog.db', 'x')], dataDir);
  t.is(onFile.code, 1);
  t.deepEqual(treeOf(backupDir), backupBefore);
  t.deepEqual(treeOf(dataDir), archiveBefore);
});

test('backing up a data directory without a catalog is refused and writes nothing, not even a log', async (t) => {
  const folder = workspace(t);
  const missing = await run('backup', [path.join(folder, 'backup')], path.join(folder, 'no-archive'));
  t.is(missing.code, 1);
  t.true(missing.stderr.includes(`there is no catalog at ${path.join(folder, 'no-archive', 'catalog.db')}, so nothing to back up; set ARCHIVE_DATA_DIR`), missing.stderr);
  t.is(treeOf(path.join(folder, 'no-archive')), undefined);
  t.is(treeOf(path.join(folder, 'backup')), undefined);
});

test('backing up an empty (0-byte), a non-SQLite or a non-archive catalog file is refused and writes no backup', async (t) => {
  const folder = workspace(t);
  mkdirSync(path.join(folder, 'data'));
  writeFileSync(path.join(folder, 'data', 'catalog.db'), '');
  const empty = await run('backup', [path.join(folder, 'backup')], path.join(folder, 'data'));
  t.is(empty.code, 4);
  t.true(empty.stderr.includes('is empty (0 bytes), which no archive ever is'), empty.stderr);
  writeFileSync(path.join(folder, 'data', 'catalog.db'), 'id,title_zh\n1,临平\n');
  const text = await run('backup', [path.join(folder, 'backup')], path.join(folder, 'data'));
  t.is(text.code, 4);
  t.true(text.stderr.includes('is not an archive catalog (not an SQLite database)'), text.stderr);
  rmSync(path.join(folder, 'data', 'catalog.db'));
  const other = new Database(path.join(folder, 'data', 'catalog.db'));
  other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
  other.close();
  const notCatalog = await run('backup', [path.join(folder, 'backup')], path.join(folder, 'data'));
  t.is(notCatalog.code, 1);
  t.true(notCatalog.stderr.includes('is not an archive catalog (it has no records table); no backup was written'), notCatalog.stderr);
  t.is(treeOf(path.join(folder, 'backup')), undefined);
});

test('backing up a damaged catalog is refused with exit status 4 and leaves no backup behind', async (t) => {
  const folder = workspace(t);
  const damaged = path.join(folder, 'data');
  cpSync(dataDir, damaged, { recursive: true });
  // A whole b-tree page overwritten, as a failing disk would leave it.
  const fd = openSync(path.join(damaged, 'catalog.db'), 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x41), 0, 4096, 6 * 4096);
  closeSync(fd);
  const before = treeOf(damaged);
  const result = await run('backup', [path.join(folder, 'backup')], damaged);
  t.is(result.code, 4);
  t.regex(result.stderr, /the copy of the catalog failed SQLite’s integrity check \(.+\), so the catalog itself may be damaged; no backup was written/);
  t.is(treeOf(path.join(folder, 'backup')), undefined);
  t.deepEqual(treeOf(damaged), before);
});

for (const command of ['backup', 'restore'] as const) {
  test(`${command} --help prints its usage in English and in Chinese`, async (t) => {
    const english = await run(command, ['--help'], dataDir);
    t.is(english.code, 0);
    t.true(english.stdout.startsWith(`usage: npm run ${command} -- `), english.stdout);
    const chinese = await run(command, ['--help', '--lang=zh'], dataDir);
    t.is(chinese.code, 0);
    t.true(chinese.stdout.startsWith(`用法：npm run ${command} -- `), chinese.stdout);
  });

  test(`${command} refuses an unknown option, a missing folder and two folders with exit status 2`, async (t) => {
    const unknown = await run(command, ['--force', backupDir], path.join(dir, 'unused'));
    t.is(unknown.code, 2);
    t.true(unknown.stderr.includes('unknown option --force') && unknown.stderr.includes(`usage: npm run ${command} -- `), unknown.stderr);
    const none = await run(command, [], path.join(dir, 'unused'));
    t.is(none.code, 2);
    t.regex(none.stderr, command === 'backup' ? /give the folder to write the backup to/ : /give the backup folder to restore/);
    const two = await run(command, [backupDir, dataDir], path.join(dir, 'unused'));
    t.is(two.code, 2);
    t.true(two.stderr.includes('not 2'), two.stderr);
    t.is(treeOf(path.join(dir, 'unused')), undefined);
  });
}
