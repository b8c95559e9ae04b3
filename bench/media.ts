/**
 * `npm run bench:media [-- --large=3 --unchanged=1000]`
 *
 * The full image pipeline (`runIngest` with images: hashing, sniffing, header check, exifr,
 * derivatives, IIIF tiles, original kept, staging + rename, media rows, record writes) against
 * bare sharp calls that produce the same derivatives and tiles from the same files in the same
 * run (one decode, the same encoders, no hashing, metadata, staging or catalog). Both run on the
 * real fixture photographs and on generated 24-megapixel photographs:
 *
 *  1. time per image, one at a time (median, p95) and the ratio pipeline / bare (target ≤ 1.2×);
 *     each image is imported by itself, twice, bare and pipeline alternating, and the faster of
 *     the two runs counts, so both sides see the same background load on a shared machine;
 *  2. images per second with a pool of one image per core, for both; best of three rounds run
 *     in alternating order;
 *  3. peak RSS of the pipeline for N and 4N large photographs, each in a fresh process, to show
 *     memory is bounded by the pool, not by the number of images;
 *  4. re-importing a folder of unchanged photographs (the 1,000-image claim).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { Catalog } from '../core/catalog/catalog.ts';
import { DECODE_OPTIONS } from '../ingest/media/decode-image.ts';
import { deriveImages } from '../ingest/media/derive-images.ts';
import { createPool } from '../ingest/media/image-pool.ts';
import { DEFAULT_PIPELINE_SETTINGS } from '../ingest/media/media-step.ts';
import { encodeTiles } from '../ingest/media/write-iiif-tiles.ts';
import { runIngest } from '../ingest/run-ingest.ts';
import { images } from '../test/fixtures/images/index.ts';
import { mb, median, ms, percentile, printTable, timeMs } from './lib/stats.ts';

const LARGE = { width: 6000, height: 4000 };
/** Every fixture a decoder accepts (the broken ones fail fast and have no bare equivalent). */
const DECODABLE_FIXTURES = [
  images.jpegWithGps, images.canonDslr, images.orientationUpright, images.orientation6, images.orientation8,
  images.iptcStaffPhotographer, images.tiffWithIptcIccXmp, images.pngWithExif, images.avif, images.webp,
  images.noExif, images.cmykJpeg, images.pngInvalidIccp, images.exifBadOffsets,
];

const { values: options } = parseArgs({
  options: {
    large: { type: 'string', default: '3' },
    unchanged: { type: 'string', default: '1000' },
    child: { type: 'string' },
  },
});

if (options.child) {
  // A memory run in a fresh process: import the photographs listed in the CSV, report peak RSS.
  const work = mkdtempSync(path.join(tmpdir(), 'bench-media-child-'));
  const { seconds } = await timeIngest(work, options.child, availableParallelism());
  console.log(JSON.stringify({ seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
  rmSync(work, { recursive: true, force: true });
} else {
  await main();
}

async function main(): Promise<void> {
  const largeCount = Number(options.large);
  const work = mkdtempSync(path.join(tmpdir(), 'bench-media-'));
  try {
    console.log(`sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}; ${availableParallelism()} cores; libvips threads per image ${sharp.concurrency()}`);
    console.log(`load average at start: ${loadavg().map((load) => load.toFixed(1)).join(' ')} (other work on the machine slows both sides alike)`);
    console.log(`generating ${largeCount * 4} photographs of ${LARGE.width}×${LARGE.height} (24 MP)…`);
    const large = await generateLargePhotographs(path.join(work, 'large'), largeCount * 4);
    const fixtures = copyFixtures(path.join(work, 'fixtures'));
    const sets = { [`fixtures (${fixtures.length} real photographs)`]: fixtures, [`24 MP (${largeCount} generated)`]: large.slice(0, largeCount) };
    // Both sides read warm files.
    for (const file of [...fixtures, ...large]) readFileSync(file);

    // Warm-up: module loading, libvips start-up and JIT are paid before anything is measured.
    await bareDerivatives(fixtures[0]!, path.join(work, 'warm-up-bare'));
    await timeIngest(path.join(work, 'warm-up-pipeline'), writeRecordsCsv(work, 'warm-up', fixtures.slice(0, 1)), 1);

    console.log('\n1. Time per image, one image at a time');
    const latencyRows = [];
    for (const [name, files] of Object.entries(sets)) {
      const { bare, pipeline } = await latencies(work, `latency-${latencyRows.length}`, files);
      latencyRows.push({
        set: name,
        'pipeline median': ms(median(pipeline)),
        'pipeline p95': ms(percentile(pipeline, 95)),
        'bare sharp median': ms(median(bare)),
        'bare sharp p95': ms(percentile(bare, 95)),
        'ratio (total)': `${(sum(pipeline) / sum(bare)).toFixed(2)}×`,
      });
    }
    printTable(latencyRows);

    const pool = availableParallelism();
    console.log(`\n2. Throughput, ${pool} images at a time`);
    const throughputRows = [];
    for (const [name, files] of Object.entries({ ...sets, [`24 MP (${largeCount * 4} generated)`]: large })) {
      const run = `throughput-${throughputRows.length}`;
      const csv = writeRecordsCsv(work, run, files);
      const bareRounds: number[] = [];
      const pipelineRounds: number[] = [];
      for (const round of [0, 1, 2]) {
        const measureBare = async () => bareRounds.push(await bareThroughput(files, path.join(work, `${run}-bare-${round}`), pool));
        const measurePipeline = async () => pipelineRounds.push((await timeIngest(path.join(work, `${run}-pipeline-${round}`), csv, pool)).seconds);
        if (round % 2 === 0) await measureBare().then(measurePipeline);
        else await measurePipeline().then(measureBare);
        rmSync(path.join(work, `${run}-bare-${round}`), { recursive: true, force: true });
        rmSync(path.join(work, `${run}-pipeline-${round}`), { recursive: true, force: true });
      }
      const bare = Math.min(...bareRounds);
      const seconds = Math.min(...pipelineRounds);
      throughputRows.push({
        set: name,
        'pipeline images/s': (files.length / seconds).toFixed(2),
        'bare sharp images/s': (files.length / bare).toFixed(2),
        ratio: `${(seconds / bare).toFixed(2)}×`,
      });
    }
    printTable(throughputRows);

    console.log(`\n3. Peak memory of the pipeline (each in a fresh process, ${pool} images at a time)`);
    const memoryRows = [];
    for (const count of [largeCount, largeCount * 4]) {
      const csv = writeRecordsCsv(work, `memory-${count}`, large.slice(0, count));
      const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, `--child=${csv}`], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`memory run failed: ${child.stderr}`);
      const { seconds, maxRssBytes } = JSON.parse(child.stdout.trim().split('\n').pop()!) as { seconds: number; maxRssBytes: number };
      memoryRows.push({ images: `${count} × 24 MP`, 'peak RSS': mb(maxRssBytes), 'images/s': (count / seconds).toFixed(2) });
    }
    printTable(memoryRows);

    const unchangedCount = Number(options.unchanged);
    console.log(`\n4. A folder of ${unchangedCount} photographs, imported, then imported again unchanged`);
    const folder = await generateSmallPhotographs(path.join(work, 'folder', 'photos'), unchangedCount);
    const dataDir = path.join(work, 'folder-data');
    const first = await timeIngest(dataDir, folder, pool);
    const again = await timeIngest(dataDir, folder, pool);
    printTable([
      { run: 'first import', seconds: first.seconds.toFixed(1), processed: first.media.processed, unchanged: first.media.unchanged },
      { run: 're-import, unchanged', seconds: again.seconds.toFixed(1), processed: again.media.processed, unchanged: again.media.unchanged },
    ]);
    console.log(`\nload average at end: ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Each image imported by itself (a one-row records file into a shared catalog: the whole ingest,
 * record write included) and produced by bare sharp calls, alternating which goes first.
 */
async function latencies(work: string, run: string, files: readonly string[]): Promise<{ bare: number[]; pipeline: number[] }> {
  const bare: number[] = [];
  const pipeline: number[] = [];
  const dataDir = path.join(work, `${run}-pipeline`);
  mkdirSync(dataDir, { recursive: true });
  const catalog = Catalog.open(path.join(dataDir, 'catalog.db'));
  try {
    for (const [index, file] of files.entries()) {
      const times = { bare: [] as number[], pipeline: [] as number[] };
      for (const repeat of [0, 1]) {
        // A fresh media folder each time: the pipeline must not find the photograph already done.
        const mediaDir = path.join(dataDir, `media-${index}-${repeat}`);
        const csv = writeRecordsCsv(work, `${run}-${index}-${repeat}`, [file]);
        const measureBare = async () => times.bare.push(await timeMs(() => bareDerivatives(file, path.join(work, `${run}-bare`, `${index}-${repeat}`))));
        const measurePipeline = async () =>
          times.pipeline.push(await timeMs(async () => {
            const { report } = await runIngest({ catalog, paths: [csv], media: { mediaDir, concurrency: 1 } });
            if (report.hasFailures()) throw new Error(`the benchmark import failed: ${JSON.stringify(report.entries.slice(0, 3))}`);
          }));
        if ((index + repeat) % 2 === 0) await measureBare().then(measurePipeline);
        else await measurePipeline().then(measureBare);
      }
      bare.push(Math.min(...times.bare));
      pipeline.push(Math.min(...times.pipeline));
    }
  } finally {
    catalog.close();
  }
  return { bare, pipeline };
}

async function bareThroughput(files: readonly string[], dir: string, size: number): Promise<number> {
  const pool = createPool(size);
  const started = performance.now();
  await Promise.all(files.map((file, index) => pool.run(() => bareDerivatives(file, path.join(dir, String(index))))));
  return (performance.now() - started) / 1000;
}

/** The same derivatives and tiles as the pipeline from the same file: one decode, the same sharp calls, nothing around them. */
async function bareDerivatives(file: string, out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  const bytes = await readFile(file);
  const { data, info } = await sharp(bytes, { ...DECODE_OPTIONS, limitInputPixels: DEFAULT_PIPELINE_SETTINGS.maxPixels }).raw().toBuffer({ resolveWithObject: true });
  const decoded = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  // deriveImages is only sharp calls (resize, encode, write); `seconds: 0` means no timeout.
  await Promise.all([deriveImages(decoded, out, { seconds: () => 0 }), encodeTiles(decoded.clone()).toFile(path.join(out, 'iiif'))]);
}

async function timeIngest(dataDir: string, input: string, concurrency: number) {
  mkdirSync(dataDir, { recursive: true });
  const catalog = Catalog.open(path.join(dataDir, 'catalog.db'));
  const started = performance.now();
  const { media, report } = await runIngest({ catalog, paths: [input], media: { mediaDir: path.join(dataDir, 'media'), concurrency } });
  const seconds = (performance.now() - started) / 1000;
  catalog.close();
  if (report.hasFailures()) throw new Error(`the benchmark import failed: ${JSON.stringify(report.entries.slice(0, 3))}`);
  return { seconds, media: media! };
}

/** A records file beside the photographs' folders (image paths may not leave the import file's folder). */
function writeRecordsCsv(work: string, name: string, files: readonly string[]): string {
  const csv = path.join(work, `records-${name}.csv`);
  const rows = files.map((file, index) => `${name}-${index},Photograph ${index},${path.relative(work, file).split(path.sep).join('/')}`);
  writeFileSync(csv, `id,title_en,images\n${rows.join('\n')}\n`);
  return csv;
}

/** 24-megapixel JPEGs like a camera's (about 10 MB each): a real photograph enlarged, tinted differently each time, with film grain. */
async function generateLargePhotographs(dir: string, count: number): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const grain = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
  const pool = createPool(availableParallelism());
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      pool.run(async () => {
        const file = path.join(dir, `large-${index}.jpg`);
        await sharp(images.jpegWithGps)
          .resize(LARGE.width, LARGE.height, { fit: 'cover' })
          .modulate({ hue: (index * 37) % 360 })
          .composite([{ input: grain, tile: true, blend: 'soft-light' }])
          .jpeg({ quality: 90 })
          .toFile(file);
        return file;
      }),
    ),
  );
}

function copyFixtures(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return DECODABLE_FIXTURES.map((fixture) => {
    const file = path.join(dir, path.basename(fixture));
    copyFileSync(fixture, file);
    return file;
  });
}

/** Small JPEGs, each with its own number in its EXIF so that no two have the same bytes (the same hash). */
async function generateSmallPhotographs(dir: string, count: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (let index = 0; index < count; index++) {
    const background = { r: (index * 7) % 256, g: (index * 13) % 256, b: (index * 29) % 256 };
    await sharp({ create: { width: 160, height: 120, channels: 3, background } })
      .jpeg()
      .withExif({ IFD0: { ImageDescription: `photograph ${index}` } })
      .toFile(path.join(dir, `IMG_${String(index).padStart(4, '0')}.jpg`));
  }
  return dir;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
