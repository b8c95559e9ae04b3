/**
 * Issue 9, "Bad input" for backup and restore: every refusal is a clear message in the user's
 * language with a non-zero exit, and nothing changes — not the archive, not the backup, not the
 * target folder.
 */
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
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

test('a folder that is not a backup is refused and no data directory is made', async (t) => {
  const target = path.join(workspace(t), 'target');
  const notBackup = await run('restore', [dataDir], target);
  t.is(notBackup.code, 1);
  t.true(notBackup.stderr.includes(`${dataDir} is not a backup written by npm run backup (it has no manifest.json); nothing was changed`), notBackup.stderr);
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

test('backing up into a folder that is not empty is refused and changes nothing', async (t) => {
  const archiveBefore = treeOf(dataDir);
  const backupBefore = treeOf(backupDir);
  const notEmpty = await run('backup', [backupDir], dataDir);
  t.is(notEmpty.code, 1);
  t.true(notEmpty.stderr.includes(`${backupDir} already holds files (catalog.db, manifest.json, reports); nothing was changed. Back up into a new or empty folder`), notEmpty.stderr);
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

test('--help prints the usage in English and in Chinese', async (t) => {
  const [backup, restore, chinese] = await Promise.all([run('backup', ['--help'], dataDir), run('restore', ['-h'], dataDir), run('restore', ['--help', '--lang=zh'], dataDir)]);
  t.deepEqual([backup.code, restore.code, chinese.code], [0, 0, 0]);
  t.true(backup.stdout.startsWith('usage: npm run backup -- DEST'), backup.stdout);
  t.true(restore.stdout.startsWith('usage: npm run restore -- SRC'), restore.stdout);
  t.true(chinese.stdout.startsWith('用法：npm run restore -- 备份文件夹'), chinese.stdout);
});

test('an unknown option, a missing folder or two folders end with the usage and exit status 2, writing nothing', async (t) => {
  const unused = path.join(dir, 'unused');
  const [unknown, noDestination, noSource, two] = await Promise.all([
    run('backup', ['--force', path.join(dir, 'b')], unused),
    run('backup', [], unused),
    run('restore', [], unused),
    run('restore', [backupDir, dataDir], unused),
  ]);
  t.deepEqual([unknown.code, noDestination.code, noSource.code, two.code], [2, 2, 2, 2]);
  t.true(unknown.stderr.includes('unknown option --force') && unknown.stderr.includes('usage: npm run backup -- '), unknown.stderr);
  t.regex(noDestination.stderr, /give the folder to write the backup to/);
  t.regex(noSource.stderr, /give the backup folder to restore/);
  t.true(two.stderr.includes('give one backup folder, not 2'), two.stderr);
  t.is(treeOf(unused), undefined);
  t.is(treeOf(path.join(dir, 'b')), undefined);
});
