/**
 * `npm run eval:relevance`: imports each judged archive into a temporary data directory — the demo
 * archive (collections/, eval/judgments.ts) and the real-heritage fixture
 * (eval/fixtures/real-heritage/, eval/real-heritage-judgments.ts) — runs its judged queries and
 * prints recall@10, MRR and simplified/traditional parity per kind of query. Exits non-zero below
 * the targets: recall@10 ≥ 0.95 on each archive, parity 100%.
 * `-- --engine meilisearch` evaluates the Meilisearch engine (MEILI_HOST must be set).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../core/config.ts';
import { openArchive } from '../core/open-archive.ts';
import type { SearchEngine } from '../core/search/types.ts';
import { runIngest } from '../ingest/run-ingest.ts';
import { JUDGMENTS, type Judgment } from './judgments.ts';
import { REAL_HERITAGE_JUDGMENTS } from './real-heritage-judgments.ts';

const RECALL_TARGET = 0.95;
const TOP = 10;

interface Outcome {
  judgment: Judgment;
  recall: number;
  reciprocalRank: number;
  total: number;
  missing: string[];
}

interface JudgedArchive {
  name: string;
  paths: (config: Config) => string[];
  judgments: Judgment[];
}

const ARCHIVES: JudgedArchive[] = [
  { name: 'demo archive', paths: (config) => [config.collectionsDir], judgments: JUDGMENTS },
  { name: 'real-heritage fixture', paths: () => [path.join(import.meta.dirname, 'fixtures', 'real-heritage')], judgments: REAL_HERITAGE_JUDGMENTS },
];

async function evaluate(engine: SearchEngine, judgment: Judgment): Promise<Outcome> {
  const lang = /\p{Script=Han}/u.test(judgment.query) ? 'zh' : 'en';
  const result = await engine.search({ text: judgment.query, filters: {}, sort: 'relevance', page: 1, pageSize: TOP, lang });
  const top = result.hits.map((hit) => hit.record.id);
  const missing = judgment.relevant.filter((id) => !top.includes(id));
  const firstRank = top.findIndex((id) => judgment.relevant.includes(id));
  return {
    judgment,
    recall: (judgment.relevant.length - missing.length) / judgment.relevant.length,
    reciprocalRank: firstRank === -1 ? 0 : 1 / (firstRank + 1),
    total: result.total,
    missing,
  };
}

/** Imports `archive` into a fresh data directory and runs its judgments; true when it meets the targets. */
async function evaluateArchive(archive: JudgedArchive, engineName: string | undefined): Promise<boolean> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eval-relevance-'));
  const config = loadConfig({ ...process.env, ARCHIVE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(engineName && { ARCHIVE_ENGINE: engineName }) });
  const opened = await openArchive(config);
  try {
    const { report } = await runIngest({ catalog: opened.catalog, engine: opened.engine, paths: archive.paths(config) });
    if (report.hasFailures()) throw new Error(`the ${archive.name} did not import cleanly; run npm run ingest on it to see why`);
    const outcomes: Outcome[] = [];
    for (const judgment of archive.judgments) outcomes.push(await evaluate(opened.engine, judgment));
    return report_(archive, opened.engine.name, opened.catalog.countRecords(), outcomes);
  } finally {
    await opened.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report_(archive: JudgedArchive, engineName: string, records: number, outcomes: Outcome[]): boolean {
  const totals = new Map(outcomes.map((o) => [o.judgment.query, o.total]));
  const pairs = outcomes.filter((o) => o.judgment.pair);
  const unequal = pairs.filter((o) => totals.get(o.judgment.pair!) !== o.total);
  const mean = (list: Outcome[], pick: (o: Outcome) => number) => list.reduce((sum, o) => sum + pick(o), 0) / list.length;

  console.log(`${archive.name} — engine: ${engineName}; ${records} records; ${outcomes.length} judged queries\n`);
  console.log('kind            queries  recall@10  MRR');
  for (const kind of [...new Set(outcomes.map((o) => o.judgment.kind))]) {
    const ofKind = outcomes.filter((o) => o.judgment.kind === kind);
    console.log(`${kind.padEnd(16)}${String(ofKind.length).padStart(7)}  ${mean(ofKind, (o) => o.recall).toFixed(3).padStart(9)}  ${mean(ofKind, (o) => o.reciprocalRank).toFixed(3)}`);
  }
  const recall = mean(outcomes, (o) => o.recall);
  const parity = pairs.length === 0 ? 1 : (pairs.length - unequal.length) / pairs.length;
  console.log(`\nrecall@10 ${recall.toFixed(3)} (target ≥ ${RECALL_TARGET})   MRR ${mean(outcomes, (o) => o.reciprocalRank).toFixed(3)}   simplified/traditional parity ${(parity * 100).toFixed(0)}% (${pairs.length} pairs, target 100%)`);
  for (const o of outcomes.filter((o) => o.missing.length > 0)) console.log(`  miss: ${o.judgment.kind} "${o.judgment.query}" lacks ${o.missing.join(', ')} in its top ${TOP}`);
  for (const o of unequal) console.log(`  parity: "${o.judgment.query}" ${o.total} hits vs "${o.judgment.pair}" ${totals.get(o.judgment.pair!)}`);
  console.log('');
  return recall >= RECALL_TARGET && parity === 1;
}

const { values } = parseArgs({ options: { engine: { type: 'string' } } });
let passed = true;
for (const archive of ARCHIVES) passed = (await evaluateArchive(archive, values.engine)) && passed;
process.exitCode = passed ? 0 : 1;
