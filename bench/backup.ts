/**
 * `npm run bench:backup [-- --records=100000 --photos=200]`: backup and restore of a synthetic
 * archive (catalog with its embedded search index, photograph folders of realistic sizes, an
 * original each), against in the same run:
 *  1. the plain copy (`cp -r` of the data directory, no snapshot, no checksums) and one sha256
 *     pass over the same bytes, the two costs a verified backup cannot avoid;
 *  2. a writer process importing 1,000-record batches: its batches per second alone and while a
 *     backup runs, and the backup's own time under that load (the backup must finish, hold whole
 *     batches only, and not stall the writer).
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../core/backup/create-backup.ts';
import { listFolderFiles } from '../core/backup/list-folder-files.ts';
import { digestFile } from '../core/backup/file-checksums.ts';
import { restoreBackup } from '../core/backup/restore-backup.ts';
import { inspectCatalogFile } from '../core/catalog/backup-catalog.ts';
import { Catalog } from '../core/catalog/catalog.ts';
import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { reindexAll } from '../core/search/sync-index.ts';
import { syntheticRecords } from './lib/synthetic-records.ts';
import { mb, median, printTable, timeMs } from './lib/stats.ts';

const { values } = parseArgs({ options: { records: { type: 'string', default: '100000' }, photos: { type: 'string', default: '200' } } });
const RECORDS = Number(values.records);
const PHOTOS = Number(values.photos);
const WRITE_BATCH = 5000;
/** Bytes of one photograph's files: derivatives in three formats and sizes, a few IIIF tiles, info.json. */
const PHOTO_FILES: [name: string, bytes: number][] = [
  ['thumb.avif', 6_000], ['thumb.webp', 8_000], ['thumb.jpg', 12_000],
  ['display.avif', 60_000], ['display.webp', 80_000], ['display.jpg', 120_000],
  ['large.avif', 200_000], ['large.webp', 260_000], ['large.jpg', 400_000],
  ['iiif/info.json', 900], ...Array.from({ length: 12 }, (_, n): [string, number] => [`iiif/full/${n}.jpg`, 40_000]),
];
const ORIGINAL_BYTES = 3_000_000;
const software = { name: 'heritage-archive', version: 'bench' };

const root = mkdtempSync(path.join(tmpdir(), 'bench-backup-'));
try {
  const dataDir = path.join(root, 'data');
  console.log(`building ${RECORDS.toLocaleString('en')} records and ${PHOTOS} photographs… (load average ${loadavg()[0]!.toFixed(1)})`);
  await buildArchive(dataDir);
  const sizes = await sizeOf(dataDir);
  console.log(`archive: catalog ${mb(sizes.catalog)}, media ${mb(sizes.media)} in ${sizes.mediaFiles} files`);

  const copyMs = await timeMs(() => cpSync(dataDir, path.join(root, 'plain-copy'), { recursive: true }));
  const hashMs = await timeMs(async () => {
    for (const file of [path.join(dataDir, 'catalog.db'), ...(await listFolderFiles(path.join(dataDir, 'media'))).map((f) => path.join(dataDir, 'media', f))]) await digestFile(file);
  });
  const backupMs = await timeMs(() => createBackup({ dataDir, destination: path.join(root, 'backup-idle'), software }));
  const restoreMs = await timeMs(() => restoreBackup({ source: path.join(root, 'backup-idle'), dataDir: path.join(root, 'restored') }));
  printTable([
    { step: 'plain copy (cp -r, baseline)', seconds: s(copyMs), 'MB/s': rate(sizes.total, copyMs), ratio: '1.00×' },
    { step: 'one sha256 pass (baseline)', seconds: s(hashMs), 'MB/s': rate(sizes.total, hashMs), ratio: ratio(hashMs, copyMs) },
    { step: 'npm run backup (idle archive)', seconds: s(backupMs), 'MB/s': rate(sizes.total, backupMs), ratio: ratio(backupMs, copyMs) },
    { step: 'npm run restore (verify, copy, verify, integrity_check, counts)', seconds: s(restoreMs), 'MB/s': rate(sizes.total, restoreMs), ratio: ratio(restoreMs, copyMs) },
  ]);
  console.log(`backup folder: ${mb((await sizeOf(path.join(root, 'backup-idle'))).total)} (data directory ${mb(sizes.total)})`);
  rmSync(path.join(root, 'plain-copy'), { recursive: true });
  rmSync(path.join(root, 'restored'), { recursive: true });

  console.log(`\nload average ${loadavg()[0]!.toFixed(1)}; with a writer importing 1,000-record batches in another process:`);
  const writer = startWriter(path.join(dataDir, 'catalog.db'));
  await writer.batchesAfter(5);
  const aloneFrom = writer.batches.length;
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const alone = writer.batches.slice(aloneFrom);
  const duringFrom = writer.batches.length;
  const busyMs = await timeMs(() => createBackup({ dataDir, destination: path.join(root, 'backup-busy'), software }));
  const during = writer.batches.slice(duringFrom);
  writer.stop();
  const copy = inspectCatalogFile(path.join(root, 'backup-busy', 'catalog.db'));
  printTable([
    { run: 'writer alone (baseline)', 'batches/s': perSecond(alone.length, 5000), 'median commit ms': median(alone).toFixed(1), 'backup s': '-' },
    { run: 'writer during backup', 'batches/s': perSecond(during.length, busyMs), 'median commit ms': during.length ? median(during).toFixed(1) : '-', 'backup s': s(busyMs) },
  ]);
  console.log(`backup under load: ${copy.tables.records!.toLocaleString('en')} records (whole batches: ${(copy.tables.records! - RECORDS) % 1000 === 0}), integrity_check ${copy.integrity}, ${during.length} batches committed while it ran; idle backup ${s(backupMs)} s`);
} finally {
  rmSync(root, { recursive: true, force: true });
}

async function buildArchive(dataDir: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const catalog = Catalog.open(path.join(dataDir, 'catalog.db'));
  let batch = [];
  for (const record of syntheticRecords(RECORDS)) {
    batch.push(record);
    if (batch.length === WRITE_BATCH) (catalog.writeBatch(batch), (batch = []));
  }
  catalog.writeBatch(batch);
  const engine = new EmbeddedEngine(catalog);
  await reindexAll(catalog, engine);
  await engine.close();
  catalog.close();
  for (let n = 0; n < PHOTOS; n++) {
    const hash = createHash('sha256').update(`photo ${n}`).digest('hex');
    for (const [name, bytes] of PHOTO_FILES) {
      const file = path.join(dataDir, 'media', hash.slice(0, 2), hash, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(bytes));
    }
    const original = path.join(dataDir, 'media', 'private', hash.slice(0, 2), `${hash}.jpg`);
    mkdirSync(path.dirname(original), { recursive: true });
    writeFileSync(original, randomBytes(ORIGINAL_BYTES));
  }
}

async function sizeOf(dir: string): Promise<{ catalog: number; media: number; mediaFiles: number; total: number }> {
  const catalog = (await digestFile(path.join(dir, 'catalog.db'))).bytes;
  const files = await listFolderFiles(path.join(dir, 'media'));
  let media = 0;
  for (const file of files) media += (await digestFile(path.join(dir, 'media', file))).bytes;
  return { catalog, media, mediaFiles: files.length, total: catalog + media };
}

function startWriter(catalogFile: string) {
  const child = spawn(process.execPath, ['--import=tsx', path.join(import.meta.dirname, 'lib', 'catalog-writer.ts'), catalogFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const batches: number[] = [];
  let waiting: { count: number; resolve: () => void } | undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      const match = /^batch \d+ ([\d.]+)$/.exec(line);
      if (match) batches.push(Number(match[1]));
    }
    if (waiting && batches.length >= waiting.count) waiting.resolve();
  });
  return {
    batches,
    batchesAfter: (count: number) => new Promise<void>((resolve) => (waiting = { count, resolve })),
    stop: () => child.kill('SIGKILL'),
  };
}

function s(ms: number): string {
  return (ms / 1000).toFixed(1);
}

function rate(bytes: number, ms: number): string {
  return (bytes / 1e6 / (ms / 1000)).toFixed(0);
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

function perSecond(count: number, ms: number): string {
  return (count / (ms / 1000)).toFixed(1);
}
