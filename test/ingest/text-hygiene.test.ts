/**
 * What the importer says about a file is as clean as the file is not: terminal escapes in a
 * header never reach the curator's terminal, a NUL never reaches a page, a line number is said
 * once, parser details read in Chinese with --lang=zh, and an overflowing number is quoted as
 * written.
 */
import path from 'node:path';
import test from 'ava';
import request from 'supertest';
import { loadConfig } from '../../core/config.ts';
import { translate } from '../../core/i18n/translate.ts';
import { createApp } from '../../server/app.ts';
import { silentLogger } from '../site/helpers/fixture-site.ts';
import { describeEntry, importPaths, openWorkspace } from './helpers/import-files.ts';
import { cliWorkspace } from './helpers/run-cli.ts';

const ESC = '\u001b';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

test('a CSV header and a file name carrying terminal escape codes are printed with the codes made harmless', async (t) => {
  const cli = cliWorkspace(t);
  cli.write(`evil${ESC}[2J.csv`, `id,title_zh,${ESC}[31mred${ESC}[0m,notes${ESC}]0;owned\u0007\nok,好,x,y\n`);
  cli.write('repeated.csv', `id,${ESC}[1mtitle,${ESC}[1mtitle\nok2,好,好\n`);
  const result = await cli.run(['.']);
  t.notRegex(result.stdout + result.stderr, CONTROL);
  t.true(result.stdout.includes('evil\ufffd[2J.csv: ignored unknown columns \ufffd[31mred\ufffd[0m, notes\ufffd]0;owned\ufffd'), result.stdout);
  t.true(result.stdout.includes('repeated.csv was not imported: the header repeats the column "\ufffd[1mtitle"'), result.stdout);
});

test('problems with a line number say it once, and parser details are in Chinese with --lang=zh', async (t) => {
  const cli = cliWorkspace(t);
  cli.write('lines.jsonl', '{"id": "a", "title_zh": "甲"}\n{"id": "b" "title_zh": "乙"}\n[1, 2]\n');
  cli.write('quotes.csv', 'id,title_zh\nq1,好\nq2,他说"好"\n');
  cli.write('minified.json', '[{"id":"m1","title_zh":"一"},{"id":"m2","title_zh":"二"}{"id":"m3"}]');
  const english = await cli.run(['lines.jsonl', 'quotes.csv', 'minified.json']);
  t.true(english.stdout.includes('lines.jsonl line 2: invalid JSON at column 12: a comma "," is missing between two items; row skipped'), english.stdout);
  t.true(english.stdout.includes('lines.jsonl line 3: expected a JSON object {…}; row skipped'), english.stdout);
  t.true(english.stdout.includes('quotes.csv was not imported: line 3: malformed CSV: a double quote inside a cell that does not start with one'), english.stdout);
  t.true(english.stdout.includes('minified.json was not imported: line 1, column 55: invalid JSON: a comma "," is missing between two items'), english.stdout);
  t.notRegex(english.stdout, /line (\d+): line \1/);

  const chinese = await cli.run(['lines.jsonl', 'quotes.csv', 'minified.json', '--lang=zh']);
  t.true(chinese.stdout.includes('lines.jsonl 第 2 行：第 12 列 JSON 格式错误：两项之间缺少逗号 “,”；已跳过该行'), chinese.stdout);
  t.true(chinese.stdout.includes('quotes.csv 未导入：第 3 行 CSV 格式错误：不以双引号开头的单元格中出现了双引号'), chinese.stdout);
  t.true(chinese.stdout.includes('minified.json 未导入：第 1 行第 55 列 JSON 格式错误：两项之间缺少逗号 “,”'), chinese.stdout);
  // csv-parse's and V8's own (English) wording never shows through.
  t.notRegex(chinese.stdout, /Invalid Opening Quote|Expected ','|in JSON at position/);
});

test('a number too large for JSON to hold is reported as written, not as null, and a text field keeps it as text', async (t) => {
  const archive = openWorkspace(t);
  const file = archive.write('huge.jsonl', '{"id": "huge", "title_zh": "大", "lat": 1e400, "lon": 120, "start_year": -1E999}\n{"id": "text", "title_zh": 1e400}\n');
  const report = await importPaths(archive, [file]);
  t.deepEqual(report.entries.map(describeEntry), ['1 start_year problem.year_unrecognised', '1 lat problem.not_a_number']);
  t.deepEqual(
    report.entries.map((entry) => translate('en', entry.message.key, entry.message.params)),
    ['start_year: expected a year such as 1990, -3300, 3300 BCE or 公元前3300年 but received "-1E999"', 'lat: expected a number but received "1e400"'],
  );
  t.is(archive.catalog.getRecord('text')?.record.title_zh, '1e400');
});

test('a NUL in a record or in a search never reaches a page raw', async (t) => {
  const archive = openWorkspace(t);
  const file = archive.write('nul.csv', 'id,title_zh,title_en,description_en\nnul-record,空\u0000字符,Null\u0000byte,before\u0000after\n');
  const report = await importPaths(archive, [file]);
  t.deepEqual(report.entries, []);
  const config = loadConfig({ ARCHIVE_DATA_DIR: path.join(archive.dir, 'data'), LOG_LEVEL: 'silent' });
  const app = createApp({ config, catalog: archive.catalog, engine: archive.engine, logger: silentLogger });
  for (const page of ['/items/nul-record', '/search?q=%00Null', '/search?q=before%00', '/items/%00']) {
    const response = await request(app).get(page).set('Accept-Language', 'en');
    t.false(response.text.includes('\u0000'), page);
    t.true(response.status < 500, page);
  }
  const record = await request(app).get('/items/nul-record').set('Accept-Language', 'en');
  t.true(record.text.includes('Null\ufffdbyte'));
});
