/**
 * ZIP archives of a record file and photographs (bad-inputs row 31): a good one imports with its
 * photographs; an archive with `../` or absolute entries, a symlink or a zip bomb is refused
 * whole before a byte is written, nothing lands outside the scratch folder, and no run leaves
 * temporary files behind.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { IMPORT_LIMITS } from '../../ingest/archive/import-limits.ts';
import { extractZip } from '../../ingest/archive/read-zip.ts';
import { ImportFileError } from '../../ingest/read/source-item.ts';
import { runIngest } from '../../ingest/run-ingest.ts';
import { archiveFixtures as zips } from '../fixtures/archives/index.ts';
import { openWorkspace, storedIds } from './helpers/import-files.ts';

test('a ZIP of a record file and its photographs imports, the photograph linked, and leaves no scratch folder', async (t) => {
  const archive = openWorkspace(t);
  const scratchDir = path.join(archive.dir, 'scratch');
  const { report, media } = await runIngest({ catalog: archive.catalog, engine: archive.engine, paths: [zips.recordsAndPhotos], scratchDir, displayRoot: archive.dir, media: { mediaDir: path.join(archive.dir, 'media') } });
  t.deepEqual(report.files.map((file) => [file.file, file.created]), [[`${zips.recordsAndPhotos}/records.csv`, 1]]);
  t.deepEqual(report.entries, []);
  t.is(media?.processed, 1);
  t.deepEqual(archive.catalog.media.linksOf('guangji-bridge').map((link) => link.source), ['photos/guangji.png']);
  t.false(existsSync(scratchDir));
});

for (const [name, file, key] of [
  ['an entry leading out with ../', zips.zipSlip, 'archive.unsafe_path'],
  ['an absolute entry name', zips.absolutePath, 'archive.unsafe_path'],
  ['a symbolic link', zips.symlink, 'archive.symlink'],
  ['a zip bomb', zips.bomb, 'archive.bomb'],
] as const) {
  test(`an archive with ${name} is refused whole: no record, no extracted file, no scratch folder`, async (t) => {
    const archive = openWorkspace(t);
    const scratchDir = path.join(archive.dir, 'scratch');
    const { report } = await runIngest({ catalog: archive.catalog, engine: archive.engine, paths: [file], scratchDir, displayRoot: archive.dir });
    t.is(report.files[0]?.refused?.key, key);
    t.true(report.hasFailures());
    t.deepEqual(storedIds(archive), []);
    t.false(existsSync(scratchDir));
    t.false(existsSync(path.join(archive.dir, 'evil.csv')));
  });
}

test('an archive over the entry count or the uncompressed size is refused naming the limit, before writing', async (t) => {
  const archive = openWorkspace(t);
  const target = path.join(archive.dir, 'out');
  const tooMany = await extractZip(zips.recordsAndPhotos, target, { ...IMPORT_LIMITS.zip, maxEntries: 2 }).catch((error: unknown) => error);
  t.like((tooMany as ImportFileError).detail, { key: 'archive.too_many_entries', params: { maximum: 2 } });
  const tooLarge = await extractZip(zips.recordsAndPhotos, target, { ...IMPORT_LIMITS.zip, maxTotalBytes: 100 }).catch((error: unknown) => error);
  t.like((tooLarge as ImportFileError).detail, { key: 'archive.too_large' });
  t.false(existsSync(target));
  const notZip = await extractZip(path.join(import.meta.dirname, '../fixtures/ingest/records.csv'), target, IMPORT_LIMITS.zip).catch((error: unknown) => error);
  t.like((notZip as ImportFileError).detail, { key: 'archive.unreadable' });
});

test('extraction leaves out macOS clutter and keeps the archive\'s folders', async (t) => {
  const archive = openWorkspace(t);
  const target = path.join(archive.dir, 'out');
  const written = await extractZip(zips.recordsAndPhotos, target, IMPORT_LIMITS.zip);
  t.deepEqual(written.map((file) => path.relative(target, file)).sort(), ['photos/guangji.png', 'records.csv']);
  t.deepEqual(readdirSync(target).sort(), ['photos', 'records.csv']);
});
