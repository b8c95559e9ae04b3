/**
 * `npm run bench:memory [-- 100000 1000000] [--baseline=DIR] [--rounds=3]`: how much memory a real
 * server process (`server/main.ts`) holds on the synthetic archive of each size, and where. It is
 * started on a private copy of the bench catalog (with the snapshot file of its last run), answers
 * its first search, then takes a fixed mix of what visitors, harvesters and API clients ask (home,
 * searches, record pages with their citations, citation downloads, suggestions, IIIF manifests and
 * collections, OAI-PMH, the JSON API, the sitemap), `--rounds` times over 8 connections. Reported
 * per size: RSS after the start, after the mix, and the kernel's peak (VmHWM, which counts what
 * synchronous work held between two samples), with the heap the server keeps after a full
 * collection, and the mix's latency (p50 / p95 of its requests). `--baseline=DIR` runs the same on
 * the checkout in DIR (e.g. `main` before a change) first, on the same copy, back to back. Each
 * checkout's server gets the node options and environment its `npm start` gives it;
 * BENCH_SERVER_FLAGS adds more options to this code's (to try one before putting it in the start
 * script). `--detail` adds where the resident memory lies: V8's heap, other anonymous memory
 * (malloc: SQLite's caches, jieba's dictionary, worker threads), malloc's main heap, the mapped
 * catalog file, native addons, node's binary and libraries. A checkout whose `npm start` runs a
 * build (`node dist/server/main.js`) is built first, by its `prestart` script, as `npm start` does.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { buildSync } from 'esbuild';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../core/config.ts';
import { copyBenchCatalog, openBenchCatalog } from './lib/bench-catalog.ts';
import { exitOf, freePort, waitFor } from './lib/child-processes.ts';
import { recordPaths, SEARCH_PATHS, SUGGEST_PATHS } from './lib/site-requests.ts';
import { mb, percentile, printTable } from './lib/stats.ts';

const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const SIZES = process.argv.slice(2).filter((arg) => !arg.startsWith('--')).map(Number).filter((n) => n > 0);
const BASELINE = option('baseline');
const ROUNDS = Number(option('rounds') ?? 3);
const DETAIL = process.argv.includes('--detail');
const CONNECTIONS = 8;
const REPORTER = path.join(PROJECT_ROOT, 'bench', 'lib', 'report-memory.ts');

interface Memory {
  rss: number;
  peak: number;
  /** Of the RSS: anonymous memory (heaps, jieba's dictionary, SQLite's cache) and mapped files (code, the catalog's mmap). */
  anon: number;
  file: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  detail: Detail;
}

/** What bench/lib/report-memory.ts adds for `--detail` (bytes). */
interface Detail {
  heapCommittedBefore: number;
  threads: number;
  mappings: Record<string, number>;
}

/** The fixed mix for an archive of `size` records: every kind of reader, each path once per round. */
function mixOf(size: number): string[] {
  const records = recordPaths(size, 200);
  const ids = records.map((record) => record.slice('/items/'.length));
  return [
    '/', '/collections', '/collections/collection-1', '/about',
    ...SEARCH_PATHS,
    ...records,
    // Every citation style is on the record page in both languages; the downloads use BibTeX and RIS.
    ...records.slice(0, 50).map((record) => `${record}?lang=en`),
    ...ids.slice(0, 20).flatMap((id) => [`/items/${id}/cite.bib`, `/items/${id}/cite.ris`, `/items/${id}/cite.json`]),
    ...SUGGEST_PATHS,
    ...ids.slice(0, 30).map((id) => `/iiif/manifests/${id}`),
    '/iiif/archive', '/iiif/collections', '/iiif/collections/collection-2',
    '/oai?verb=Identify', '/oai?verb=ListSets', '/oai?verb=ListRecords&metadataPrefix=oai_dc', '/oai?verb=ListIdentifiers&metadataPrefix=oai_dc',
    ...ids.slice(0, 20).map((id) => `/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(`oai:localhost:${id}`)}`),
    '/api/v1/search?q=%E8%BF%90%E6%B2%B3', '/api/v1/collections', '/api/search.geojson?q=bridge',
    ...ids.slice(0, 20).map((id) => `/api/v1/records/${id}`),
    '/sitemap.xml', '/sitemaps/records-1.xml',
  ];
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-memory-'));
  const rows: Record<string, string>[] = [];
  const details: Record<string, string>[] = [];
  try {
    for (const size of SIZES.length > 0 ? SIZES : [100_000]) {
      const dataDir = await prepareArchive(size, path.join(work, String(size)));
      for (const [label, root] of [...(BASELINE ? [['baseline', path.resolve(BASELINE)]] : []), ['this code', PROJECT_ROOT]] as const) {
        console.log(`${size.toLocaleString('en')} records, ${label} (${root}), load ${loadText()} …`);
        const run = await measureServer(root, dataDir, size);
        rows.push(
          row(size, label, 'started, one search done', run.started, run.statuses, ''),
          row(size, label, `after the mix (${ROUNDS} × ${mixOf(size).length} requests)`, run.mixed, run.statuses, run.latency),
        );
        details.push(detailRow(size, label, 'started', run.started), detailRow(size, label, 'after the mix', run.mixed));
      }
    }
    console.log(`\nserver memory (RSS now, its anonymous and file-backed parts, the kernel's peak so far, the main thread's heap kept after a full GC and reserved, external), load ${loadText()}`);
    printTable(rows);
    if (DETAIL) {
      console.log(`\nwhere the RSS lies: V8's heap of the main thread (committed, before the full GC), the rest of the anonymous memory, malloc's main heap, mapped files`);
      printTable(details);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Starts the server of the checkout in `root` on `dataDir`, sends the mix, stops it. */
async function measureServer(root: string, dataDir: string, size: number): Promise<{ started: Memory; mixed: Memory; statuses: string; latency: string }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const memoryFile = path.join(path.dirname(dataDir), 'memory.json');
  const start = startOf(root);
  const server = spawn(process.execPath, [...start.flags, '--import', reporterFor(path.dirname(dataDir)), path.join(root, start.entry)], {
    cwd: root,
    env: { ...process.env, ...start.env, ARCHIVE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', BENCH_MEMORY_FILE: memoryFile },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitFor(async () => (await fetch(`${origin}/health`)).ok);
    await fetch(`${origin}/search?q=${encodeURIComponent('运河')}`).then((response) => response.text());
    const started = await memoryOf(server, memoryFile);
    const statuses = new Map<number, number>();
    const took: number[] = [];
    for (let round = 0; round < ROUNDS; round++) await sendAll(origin, mixOf(size), statuses, took);
    const mixed = await memoryOf(server, memoryFile);
    const latency = `${percentile(took, 50).toFixed(1)} / ${percentile(took, 95).toFixed(1)}`;
    return { started, mixed, latency, statuses: [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status} ×${count}`).join(', ') };
  } finally {
    server.kill('SIGTERM');
    await exitOf(server);
  }
}

/**
 * The node options, environment and entry point `npm start` of the checkout in `root` gives the
 * server (`[NAME=value …] node <options> server/main.ts` with `--import tsx` among the options, or
 * `node <options> dist/server/main.js`, a build its `prestart` writes: run here first), so what is
 * measured is what `npm start` runs; BENCH_SERVER_FLAGS adds more options to this code's (trying a flag).
 */
function startOf(root: string): { flags: string[]; env: Record<string, string>; entry: string } {
  const scripts: Record<string, string> = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
  const [, assignments = '', command = '', options = '', entry = ''] = /^((?:[A-Z_][A-Z0-9_]*=\S*\s+)*)(node|tsx)\s+(.*?)\s*((?:dist\/)?server\/main\.[jt]s)$/.exec(scripts.start!) ?? [];
  if (!entry) throw new Error(`cannot tell how ${root}'s npm start runs the server: ${scripts.start}`);
  if (scripts.prestart) {
    const built = spawnSync('npm', ['run', '--silent', 'prestart'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error(`${root}: npm run prestart failed`);
  }
  const env = Object.fromEntries(assignments.split(/\s+/).filter(Boolean).map((assignment) => assignment.split('=', 2) as [string, string]));
  // The tsx command (older checkouts) is node with tsx as its loader.
  const flags = [...(command === 'tsx' ? ['--import', 'tsx'] : []), ...options.split(/\s+/).filter(Boolean)];
  const tried = root === PROJECT_ROOT ? (process.env.BENCH_SERVER_FLAGS ?? '').split(/\s+/).filter(Boolean) : [];
  return { flags: [...flags, ...tried], env, entry };
}

/**
 * bench/lib/report-memory.ts as JavaScript in `dir`: a built server has no TypeScript loader, and
 * under tsx the reporter would only add the loader's own work to what is measured.
 */
function reporterFor(dir: string): string {
  const outfile = path.join(dir, 'report-memory.mjs');
  buildSync({ entryPoints: [REPORTER], outfile, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  return pathToFileURL(outfile).href;
}

/** Every path once, over CONNECTIONS concurrent clients, counting the answers' statuses and timing each (ms, into `took`). */
async function sendAll(origin: string, paths: readonly string[], statuses: Map<number, number>, took: number[]): Promise<void> {
  let next = 0;
  const client = async () => {
    while (next < paths.length) {
      const requested = paths[next++]!;
      const sent = performance.now();
      const response = await fetch(`${origin}${requested}`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
      await response.arrayBuffer();
      took.push(performance.now() - sent);
      if (response.status !== 200) console.log(`  ${response.status} ${requested}`);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
}

/** Asks the server (bench/lib/report-memory.ts) for its memory, and reads its peak from the kernel. */
async function memoryOf(server: ChildProcess, file: string): Promise<Memory> {
  rmSync(file, { force: true });
  server.kill('SIGUSR2');
  let reported: Pick<Memory, 'rss' | 'heapUsed' | 'heapTotal' | 'external' | 'detail'> | undefined;
  await waitFor(async () => {
    try {
      reported = JSON.parse(readFileSync(file, 'utf8'));
      return true;
    } catch {
      return false;
    }
  });
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { ...reported!, peak: field('VmHWM'), anon: field('RssAnon'), file: field('RssFile') + field('RssShmem') };
}

/** A private copy of the bench archive with the snapshot file its last run left (a restart). */
async function prepareArchive(size: number, dataDir: string): Promise<string> {
  const bench = await openBenchCatalog(size);
  copyBenchCatalog(bench, dataDir);
  for (const name of readdirSync(bench.dir).filter((file) => file.startsWith('search-snapshot.bin'))) copyFileSync(path.join(bench.dir, name), path.join(dataDir, name));
  bench.catalog.close();
  return dataDir;
}

function row(size: number, code: string, when: string, memory: Memory, statuses: string, latency: string): Record<string, string> {
  return { records: size.toLocaleString('en'), code, when, RSS: mb(memory.rss), 'anon / file': `${mb(memory.anon)} / ${mb(memory.file)}`, peak: mb(memory.peak), 'heap kept / reserved': `${mb(memory.heapUsed)} / ${mb(memory.heapTotal)}`, external: mb(memory.external), 'mix p50 / p95 ms': latency, answers: statuses };
}

function detailRow(size: number, code: string, when: string, memory: Memory): Record<string, string> {
  const { mappings, heapCommittedBefore, threads } = memory.detail;
  const anonymous = mappings.anonymous ?? 0;
  return {
    records: size.toLocaleString('en'),
    code,
    when,
    'V8 heap': mb(heapCommittedBefore),
    'other anonymous': mb(Math.max(0, anonymous - heapCommittedBefore)),
    'malloc [heap]': mb(mappings['malloc [heap]'] ?? 0),
    'catalog file': mb(mappings['catalog file'] ?? 0),
    'native addons': mb(mappings['native addons'] ?? 0),
    'node + libraries': mb((mappings['node binary'] ?? 0) + (mappings['system libraries'] ?? 0)),
    'other files / [..]': `${mb(mappings['other files'] ?? 0)} / ${mb(mappings['other [..]'] ?? 0)}`,
    threads: String(threads),
  };
}

const loadText = () => loadavg().map((load) => load.toFixed(2)).join(' / ');

await main();
