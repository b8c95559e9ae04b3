/**
 * The real `npm run ingest` command in a child process: exit status (0 imported, 1 something
 * refused, 2 bad usage), what it prints, and the JSON and CSV reports it writes.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import sharp from 'sharp';
import { fixtures } from '../fixtures/ingest/index.ts';
import { catalogFacts, cliWorkspace, latestReport } from './helpers/run-cli.ts';

test('importing a file exits 0, prints per-file and total counts, and writes a JSON and a CSV report', async (t) => {
  const cli = cliWorkspace(t);
  const file = cli.copy(fixtures.recordsCsv);
  const result = await cli.run([file]);
  t.is(result.code, 0, result.stderr);
  const lines = result.stdout.trim().split('\n');
  t.deepEqual(lines.slice(0, 2), ['records.csv: 3 created, 0 updated, 0 unchanged, 0 failed', 'total: 3 created, 0 updated, 0 unchanged, 0 failed']);
  t.regex(lines[2]!, /^report written to data\/reports\/ingest-[\dTZ-]+\.csv$/);
  const report = latestReport(cli.dataDir);
  t.is(report.names.length, 2);
  t.like(report.json, { dryRun: false, totals: { created: 3, updated: 0, unchanged: 0, failed: 0 }, entries: [] });
  t.deepEqual(report.csvRows, [['file', 'line', 'id', 'severity', 'field', 'code', 'message_zh', 'message_en']]);
  t.deepEqual(catalogFacts(cli.dataDir), { records: 3, integrity: 'ok', queued: 0, indexed: 3 });
});

test('running the same import again exits 0 with every record unchanged and says nothing changed', async (t) => {
  const cli = cliWorkspace(t);
  const file = cli.copy(fixtures.recordsCsv);
  t.is((await cli.run([file])).code, 0);
  const again = await cli.run([file]);
  t.is(again.code, 0);
  t.true(again.stdout.includes('records.csv: 0 created, 0 updated, 3 unchanged, 0 failed'), again.stdout);
  t.true(again.stdout.includes('nothing changed in the archive'));
  t.like(latestReport(cli.dataDir).json.totals, { created: 0, updated: 0, unchanged: 3, failed: 0 });
});

test('a refused row makes the CLI exit 1, print the problem with file and line, and list it in the CSV report', async (t) => {
  const cli = cliWorkspace(t);
  const file = cli.copy(fixtures.errorsAfterMultilineCsv);
  const result = await cli.run([file]);
  t.is(result.code, 1);
  t.true(result.stdout.includes('problems (2):'), result.stdout);
  t.true(result.stdout.includes('errors-after-multiline.csv line 5: start_year: expected a year such as 1990, -3300, 3300 BCE or 公元前3300年 but received "MCMXC"'));
  t.true(result.stdout.includes('errors-after-multiline.csv line 9: the row has 2 columns but the header has 4; row skipped'));
  t.deepEqual(
    latestReport(cli.dataDir).csvRows.slice(1).map((row) => row.slice(0, 6)),
    [
      ['errors-after-multiline.csv', '5', 'bad-year', 'error', 'start_year', 'problem.year_unrecognised'],
      ['errors-after-multiline.csv', '9', '', 'error', '', 'row.wrong_column_count'],
    ],
  );
  t.is(catalogFacts(cli.dataDir).records, 3);
});

test('a refused file makes the CLI exit 1 and say why, in its output and in the CSV report, with nothing from it written', async (t) => {
  const cli = cliWorkspace(t);
  const file = cli.copy(fixtures.unterminatedQuoteCsv);
  const result = await cli.run([file]);
  t.is(result.code, 1);
  t.true(result.stdout.includes('unterminated-quote.csv was not imported: the quote opened on line 4 is never closed; check the double quotes on that line'), result.stdout);
  t.is(catalogFacts(cli.dataDir).records, 0);
  const report = latestReport(cli.dataDir);
  t.like(report.json.files[0], { file: 'unterminated-quote.csv', refused: { key: 'file.unterminated_quote' } });
  t.deepEqual(report.csvRows.slice(1), [
    [
      'unterminated-quote.csv',
      '4',
      '',
      'error',
      '',
      'file.unterminated_quote',
      '第 4 行的引号没有闭合；请检查该行的双引号',
      'the quote opened on line 4 is never closed; check the double quotes on that line',
    ],
  ]);
});

test('a dry run reports what would be created and writes no record, index row or image derivative', async (t) => {
  const cli = cliWorkspace(t);
  const folder = cli.copy(fixtures.collectionDir, 'collection');
  await sharp({ create: { width: 4, height: 4, channels: 3, background: '#8a6' } }).png().toFile(path.join(cli.dir, 'collection', 'photo.png'));
  cli.write('collection/with-image.csv', 'id,title_zh,images\nwith-image,有图像,photo.png\n');
  const result = await cli.run([folder, '--dry-run']);
  t.is(result.code, 0, result.stdout);
  t.is(result.stdout.split('\n')[0], 'dry run: validated only, nothing written');
  t.true(result.stdout.includes('total: 3 created, 0 updated, 0 unchanged, 0 failed'));
  t.false(result.stdout.includes('nothing changed'));
  const report = latestReport(cli.dataDir);
  t.regex(report.names.at(-1)!, /-dry-run\.json$/);
  t.like(report.json, { dryRun: true, totals: { created: 3 } });
  t.deepEqual(catalogFacts(cli.dataDir), { records: 0, integrity: 'ok', queued: 0, indexed: 0 });
  t.false(existsSync(path.join(cli.dataDir, 'media')));
  t.deepEqual(readdirSync(cli.dataDir).filter((name) => !/^(catalog\.db(-wal|-shm)?|logs|reports)$/.test(name)), []);
});

test('--on-existing=error refuses changed records and exits 1; --on-existing=skip keeps them and exits 0', async (t) => {
  const cli = cliWorkspace(t);
  cli.write('first.csv', 'id,title_zh\nkept,原来的\n');
  cli.write('second.csv', 'id,title_zh\nkept,改过的\n');
  t.is((await cli.run(['first.csv'])).code, 0);
  const refused = await cli.run(['second.csv', '--on-existing=error']);
  t.is(refused.code, 1);
  t.true(refused.stdout.includes('second.csv line 2: id "kept" is already in the archive; refused (--on-existing=error)'), refused.stdout);
  const skipped = await cli.run(['second.csv', '--on-existing=skip']);
  t.is(skipped.code, 0);
  t.true(skipped.stdout.includes('second.csv line 2: id "kept" is already in the archive; skipped (--on-existing=skip)'), skipped.stdout);
  t.true(skipped.stdout.includes('second.csv: 0 created, 0 updated, 1 unchanged, 0 failed'));
});

test('--lang=zh prints the summary, problems and report path in Chinese', async (t) => {
  const cli = cliWorkspace(t);
  const file = cli.copy(fixtures.oneInvalidRowCsv);
  const result = await cli.run([file, '--lang=zh']);
  t.is(result.code, 1);
  t.deepEqual(result.stdout.trim().split('\n').slice(0, 4), [
    'one-invalid-row.csv：新建 2，更新 0，未变 0，失败 1',
    '问题（1 项）：',
    '  one-invalid-row.csv 第 3 行：lat：应在 -90 到 90 之间，实际为 200',
    '合计：新建 2，更新 0，未变 0，失败 1',
  ]);
  t.regex(result.stdout, /报告已写入 data\/reports\/ingest-[\dTZ-]+\.csv/);
  const again = await cli.run([file, '--lang=zh']);
  t.true(again.stdout.includes('one-invalid-row.csv：新建 0，更新 0，未变 2，失败 1'), again.stdout);
});

test('unknown columns are named in the CLI output and the record imports', async (t) => {
  const cli = cliWorkspace(t);
  const file = cli.copy(fixtures.unknownColumnsCsv);
  const result = await cli.run([file]);
  t.is(result.code, 0);
  t.true(result.stdout.includes('unknown-columns.csv: ignored unknown columns seq, content_hash, created_at, import_id, __proto__, constructor, notes'), result.stdout);
});

test('a bad option exits 2 with the usage, before touching the data directory', async (t) => {
  const cli = cliWorkspace(t);
  const expected: [string[], string][] = [
    [['--on-existing=sometimes', 'x.csv'], 'the option --on-existing must be one of update, skip, error but received "sometimes"'],
    [['--bogus'], 'unknown option --bogus'],
  ];
  for (const [args, reason] of expected) {
    const result = await cli.run(args);
    t.is(result.code, 2, args.join(' '));
    t.true(result.stderr.startsWith(`${reason}\nusage: npm run ingest -- `), result.stderr);
  }
  t.false(existsSync(cli.dataDir));
});

test('a folder with nothing to import exits 2; a path that does not exist is reported as not found and exits 1', async (t) => {
  const cli = cliWorkspace(t);
  cli.write('notes.txt', 'not a record file');
  const nothing = await cli.run(['.']);
  t.is(nothing.code, 2);
  t.true(nothing.stderr.includes('nothing to import in: .'), nothing.stderr);
  const missing = await cli.run(['missing.csv']);
  t.is(missing.code, 1);
  t.true(missing.stdout.includes('missing.csv was not imported: file not found: missing.csv'), missing.stdout);
});
