import test from 'ava';
import { BATCH_SIZE } from '../../ingest/import-records-file.ts';
import { fixtures } from '../fixtures/ingest/index.ts';
import { importPaths, openWorkspace } from './helpers/import-files.ts';
import { cliWorkspace } from './helpers/run-cli.ts';

test('row 16: the progress line for the end of a file is printed once, even when the file ends on a full batch', async (t) => {
  const cli = cliWorkspace(t);
  const rows = Array.from({ length: BATCH_SIZE }, (_, n) => `r-${n},第${n}条`);
  cli.write('one-batch.csv', `id,title_zh\n${rows.join('\n')}\n`);
  const result = await cli.run(['one-batch.csv']);
  t.is(result.code, 0);
  const progress = result.stderr.split('\n').filter((line) => line.startsWith('importing '));
  t.deepEqual(progress.map((line) => line.replace(/ \(\d+\/s\)$/, '')), [`importing one-batch.csv ${BATCH_SIZE}/${BATCH_SIZE}`]);
});

test('row 4: a hostile value with a line break prints as one line of the CLI problem list', async (t) => {
  const cli = cliWorkspace(t);
  const file = cli.copy(fixtures.htmlCellsCsv);
  const result = await cli.run([file]);
  t.is(result.code, 1);
  const problemLine = result.stdout.split('\n').find((line) => line.startsWith('  html-cells.csv line 3: '));
  t.regex(problemLine ?? '', /^  html-cells\.csv line 3: type: "<img src=x onerror=alert\(1\)>, "and".more" is not in the vocabulary; use one of: /, result.stdout);
});

test('a JSON row with a numeric id that fails validation is reported under that id', async (t) => {
  const archive = openWorkspace(t);
  const file = archive.write('numeric-id.jsonl', '{"id": 12, "title_zh": "数字编号", "start_year": "MCMXC"}\n');
  const report = await importPaths(archive, [file]);
  t.deepEqual(report.entries.map((entry) => [entry.line, entry.id, entry.message.key]), [[1, '12', 'problem.year_unrecognised']]);
});
