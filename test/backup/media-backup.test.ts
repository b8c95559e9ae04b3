/**
 * Issue 9, "Backups": the media store (content-addressed photograph folders and private
 * originals) is copied with a checksum per file and restored byte for byte; a damaged or missing
 * photograph in a backup is named and nothing is restored.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'ava';
import { canonicalExtension } from '../../core/media/image-types.ts';
import { privateOriginalOf } from '../../core/media/media-paths.ts';
import { images } from '../fixtures/images/index.ts';
import { damageByte, runCommand, treeOf } from './helpers/archive-commands.ts';

interface Manifest {
  folders: { media: { files: { path: string; bytes: number; sha256: string }[] } };
}

const dir = mkdtempSync(path.join(tmpdir(), 'backup-media-'));
const dataDir = path.join(dir, 'data');
const backupDir = path.join(dir, 'backup');
const run = (name: 'ingest' | 'backup' | 'restore', args: string[], data = dataDir) => runCommand(name, args, { dataDir: data, cwd: dir });

test.before(async () => {
  const photos = path.join(dir, 'import', 'photos');
  mkdirSync(photos, { recursive: true });
  copyFileSync(images.noExif, path.join(photos, 'lane.jpg'));
  copyFileSync(images.orientation6, path.join(photos, 'chart.jpg'));
  copyFileSync(images.pngWithExif, path.join(photos, 'dot.png'));
  writeFileSync(path.join(dir, 'import', 'records.csv'), 'id,title_zh,title_en,images\nlane,塘栖小巷,A lane in Tangqi,photos/lane.jpg;photos/dot.png\nchart,测试图,Test chart,photos/chart.jpg\n');
  const ingest = await run('ingest', [path.join(dir, 'import', 'records.csv')]);
  if (ingest.code !== 0) throw new Error(`the photographs did not import: ${ingest.stdout}${ingest.stderr}`);
  const backup = await run('backup', [backupDir]);
  if (backup.code !== 0) throw new Error(`backup failed: ${backup.stderr}`);
});

test.after.always(() => rmSync(dir, { recursive: true, force: true }));

const manifestOf = (folder: string) => JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as Manifest;

test('the manifest lists every file of the media store, originals included, with its size and sha256', (t) => {
  const store = treeOf(path.join(dataDir, 'media'))!;
  const listed = manifestOf(backupDir).folders.media.files;
  t.true(Object.keys(store).some((file) => file.startsWith('private/')), 'the private originals are in the store');
  t.true(listed.length >= 3 * 2, `${listed.length} media files`);
  t.deepEqual(Object.fromEntries(listed.map((file) => [file.path, file.sha256])), store);
  for (const file of listed) t.is(file.bytes, readFileSync(path.join(backupDir, 'media', file.path)).length, file.path);
});

test('restore puts every media file back byte for byte and says it verified them', async (t) => {
  const restored = path.join(dir, 'restored');
  const result = await run('restore', [backupDir], restored);
  t.is(result.code, 0, result.stderr);
  t.regex(result.stdout, /: 2 records, \d+ media files in [\d.]+ s\. Verified: every sha256 matches/);
  t.deepEqual(treeOf(path.join(restored, 'media')), treeOf(path.join(dataDir, 'media')));
  const original = createHash('sha256').update(readFileSync(images.noExif)).digest('hex');
  const restoredOriginal = path.join(restored, 'media', privateOriginalOf('', original, canonicalExtension('jpeg')));
  t.deepEqual(readFileSync(restoredOriginal), readFileSync(images.noExif), 'the original photograph is restored under its sha256');
});

test('a backup with a damaged photograph is refused, naming the file, and nothing is restored', async (t) => {
  const damaged = path.join(dir, 'damaged-backup');
  cpSync(backupDir, damaged, { recursive: true });
  const victim = manifestOf(damaged).folders.media.files.find((file) => file.bytes > 100)!;
  damageByte(path.join(damaged, 'media', victim.path), 50);
  const target = path.join(dir, 'not-restored-damaged');
  const result = await run('restore', [damaged], target);
  t.is(result.code, 1);
  t.true(result.stderr.includes(`the backup ${damaged} is damaged: 1 file does not match the manifest’s checksums, e.g. media/${victim.path}; nothing was changed`), result.stderr);
  t.is(treeOf(target), undefined, 'the data directory was not even created');
});

test('a backup missing a photograph is refused as damaged and nothing is restored', async (t) => {
  const incomplete = path.join(dir, 'incomplete-backup');
  cpSync(backupDir, incomplete, { recursive: true });
  const victim = manifestOf(incomplete).folders.media.files[0]!;
  rmSync(path.join(incomplete, 'media', victim.path));
  const target = path.join(dir, 'not-restored-incomplete');
  mkdirSync(target);
  const result = await run('restore', [incomplete], target);
  t.is(result.code, 1);
  t.true(result.stderr.includes(`e.g. media/${victim.path}; nothing was changed`), result.stderr);
  t.deepEqual(treeOf(target), {}, 'the empty data directory stays empty');
});
