/**
 * Row 16 of shared/bad-inputs.md: a big file is streamed in batches of BATCH_SIZE, each batch one
 * transaction, with progress; a killed import leaves whole batches only and a re-run completes it.
 */
import test from 'ava';
import { BATCH_SIZE } from '../../ingest/import-records-file.ts';
import { catalogFacts, cliWorkspace, finished, latestReport } from './helpers/run-cli.ts';

const ROWS = 20_000;

/** `ROWS` valid records, generated rather than committed. */
function bigCsv(): string {
  const lines = ['id,title_zh,title_en,description_zh,type,start_year,end_year,admin_area,keywords_zh'];
  for (let n = 0; n < ROWS; n++) {
    const id = `big-${String(n).padStart(5, '0')}`;
    lines.push(`${id},第${n}号记录,Record ${n},临平运河沿线的第${n}号遗存。,bridge,${1000 + (n % 900)},${1900 + (n % 100)},浙江省/杭州市/临平区,运河;桥梁`);
  }
  return `${lines.join('\n')}\n`;
}

const progressLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('importing big.csv '));

test('row 16: a 20,000-row file imports in batches with progress on stderr and exact counts', async (t) => {
  const cli = cliWorkspace(t);
  cli.write('big.csv', bigCsv());
  const result = await cli.run(['big.csv']);
  t.is(result.code, 0, result.stderr);
  const progress = progressLines(result.stderr);
  t.regex(progress[0]!, new RegExp(`^importing big\\.csv ${BATCH_SIZE}/${ROWS} \\(\\d+/s\\)$`), 'the first progress line comes after the first batch');
  t.regex(progress.at(-1)!, new RegExp(`^importing big\\.csv ${ROWS}/${ROWS} `));
  t.true(result.stdout.includes('big.csv: 20,000 created, 0 updated, 0 unchanged, 0 failed'), result.stdout);
  t.deepEqual(catalogFacts(cli.dataDir), { records: ROWS, integrity: 'ok', queued: 0, indexed: ROWS });
  t.like(latestReport(cli.dataDir).json.totals, { created: ROWS, failed: 0 });
});

test('row 16: an import killed mid-file leaves an intact catalog of whole batches, and a re-run completes it', async (t) => {
  const cli = cliWorkspace(t);
  cli.write('big.csv', bigCsv());
  const child = cli.start(['big.csv']);
  const exited = finished(child);
  // The first progress line is printed once the first batch has been committed and indexed.
  const firstBatchDone = new Promise<void>((resolve) => {
    let stderr = '';
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      if (/importing big\.csv \d+\/\d+/.test(stderr)) resolve();
    });
  });
  await Promise.race([firstBatchDone, exited]);
  child.kill('SIGKILL');
  const killed = await exited;
  t.is(killed.signal, 'SIGKILL', 'the import was still running when killed');

  const afterKill = catalogFacts(cli.dataDir);
  t.is(afterKill.integrity, 'ok');
  t.true(afterKill.records >= BATCH_SIZE && afterKill.records < ROWS, `${afterKill.records} records after the kill`);
  t.is(afterKill.records % BATCH_SIZE, 0, 'no half batch is visible');

  const rerun = await cli.run(['big.csv']);
  t.is(rerun.code, 0, rerun.stderr);
  t.true(rerun.stdout.includes(`big.csv: ${(ROWS - afterKill.records).toLocaleString('en')} created, 0 updated, ${afterKill.records.toLocaleString('en')} unchanged, 0 failed`), rerun.stdout);
  t.deepEqual(catalogFacts(cli.dataDir), { records: ROWS, integrity: 'ok', queued: 0, indexed: ROWS });
});
