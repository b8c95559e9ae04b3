/**
 * Column mapping: headers matched to the template's fields by the declared table of names, in
 * Chinese and English (traditional too); the curator's mapping wins; a multi-value separator;
 * columns naming one field twice refuse the file. Saved mappings are reused from the CLI.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import { Catalog } from '../../core/catalog/catalog.ts';
import type { ImportProvenance } from '../../core/catalog/import-log.ts';
import type { ImportTarget } from '../../core/schema/column-names.ts';
import { matchColumn } from '../../ingest/mapping/match-column.ts';
import { encodingFixtures } from '../fixtures/encodings/index.ts';
import { importPaths, openWorkspace } from './helpers/import-files.ts';
import { cliWorkspace } from './helpers/run-cli.ts';

test('headers in Chinese and English name the template fields they mean', (t) => {
  const chinese = ['中文值'];
  const english = ['Some English value'];
  const cases: [string, unknown[], ImportTarget | undefined][] = [
    ['题名', chinese, 'title_zh'],
    ['标题', chinese, 'title_zh'],
    ['題名', chinese, 'title_zh'],
    ['编号', [], 'id'],
    ['經度', [], 'lon'],
    ['经度', [], 'lon'],
    ['name_en', chinese, 'title_en'],
    ['Title (English)', [], 'title_en'],
    ['英文名称', [], 'title_en'],
    ['Title', english, 'title_en'],
    ['Title', chinese, 'title_zh'],
    ['latitude', [], 'lat'],
    ['Start Year', [], 'start_year'],
    ['START-YEAR', [], 'start_year'],
    ['关键词', chinese, 'keywords_zh'],
    ['Keywords (EN)', [], 'keywords_en'],
    ['保护级别', [], 'protection_level'],
    ['Visibility', [], 'visibility'],
    ['备注', chinese, undefined],
  ];
  for (const [header, values, expected] of cases) t.is(matchColumn(header, values), expected, header);
});

test('the curator\'s mapping wins over the names: a column is left out or sent to another field, and lists split on the chosen separator', async (t) => {
  const archive = openWorkspace(t);
  const file = archive.write('mapped.csv', '编号,题名,备注,标签\nguangji-bridge,广济桥,明代石拱桥,运河、石拱桥\n');
  const report = await importPaths(archive, [file], { read: { mapping: { columns: { 备注: 'description_zh', 标签: 'keywords_zh' }, separator: '、' } } });
  t.deepEqual(report.totals(), { created: 1, updated: 0, unchanged: 0, failed: 0 });
  t.like(archive.catalog.getRecord('guangji-bridge')?.record, { title_zh: '广济桥', description_zh: '明代石拱桥', keywords_zh: ['运河', '石拱桥'] });
  const left = archive.write('left-out.csv', '编号,题名,英文名称\nleft-out,留下,Dropped\n');
  await importPaths(archive, [left], { read: { mapping: { columns: { 英文名称: null }, separator: ';' } } });
  t.is(archive.catalog.getRecord('left-out')?.record.title_en, undefined);
});

test('unknown columns are listed and never assigned; two columns for one field refuse the file', async (t) => {
  const archive = openWorkspace(t);
  const unknown = archive.write('unknown.csv', '编号,题名,备注,__proto__\nx1,一,note,{}\n');
  const report = await importPaths(archive, [unknown]);
  t.deepEqual(report.files[0]?.unknownColumns.sort(), ['__proto__', '备注'].sort());
  t.deepEqual(Object.keys(archive.catalog.getRecord('x1')!.record).sort(), ['id', 'title_zh']);
  const twice = archive.write('twice.csv', 'id,题名,title_zh\nx2,一,二\n');
  t.deepEqual((await importPaths(archive, [twice])).files[0]?.refused, { key: 'file.columns_same_field', params: { first: '题名', second: 'title_zh', field: 'title_zh' } });
});

test('a mapping saved in the catalog is used by `ingest --mapping NAME`, listed by --mappings, and an unknown name is a usage error naming the saved ones', async (t) => {
  const cli = cliWorkspace(t);
  const file = cli.write('notes.csv', '编号,题名,备注\nguangji-bridge,广济桥,明代石拱桥\n');
  mkdirSync(cli.dataDir, { recursive: true });
  const catalog = Catalog.open(path.join(cli.dataDir, 'catalog.db'));
  catalog.mappings.save('临平普查表', { columns: { 备注: 'description_zh' }, separator: ';' }, 'user:alice');
  catalog.close();
  const listed = await cli.run(['--mappings']);
  t.is(listed.code, 0);
  t.true(listed.stdout.includes('临平普查表: 备注 → description_zh (user:alice,'), listed.stdout);
  const unknown = await cli.run([file, '--mapping', 'nope']);
  t.is(unknown.code, 2);
  t.true(unknown.stderr.includes('no column mapping is saved as "nope"; saved ones: 临平普查表'), unknown.stderr);
  const result = await cli.run([file, '--mapping', '临平普查表']);
  t.is(result.code, 0, result.stderr);
  const db = new Database(path.join(cli.dataDir, 'catalog.db'), { readonly: true });
  t.is((db.prepare("SELECT description_zh FROM records WHERE id = 'guangji-bridge'").get() as { description_zh: string }).description_zh, '明代石拱桥');
  // The import history keeps the file's sha256, the mapping's name and how each column was applied.
  const provenance = JSON.parse((db.prepare('SELECT provenance FROM imports ORDER BY id DESC LIMIT 1').get() as { provenance: string }).provenance) as ImportProvenance;
  db.close();
  const bytes = readFileSync(path.join(cli.dir, file));
  t.deepEqual(provenance.files, [{ name: 'notes.csv', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }]);
  t.deepEqual(provenance.mapping, { profile: '临平普查表', columns: { 备注: 'description_zh' }, separator: ';' });
  t.deepEqual(provenance.applied?.[0]?.columns, [
    { header: '编号', target: 'id', how: 'matched' },
    { header: '题名', target: 'title_zh', how: 'matched' },
    { header: '备注', target: 'description_zh', how: 'mapping' },
  ]);
});

test('the CLI says how it read a GBK file instead of refusing it, and --encoding overrides the detection', async (t) => {
  const cli = cliWorkspace(t);
  const file = cli.copy(encodingFixtures.gbk, 'survey.csv');
  const result = await cli.run([file]);
  t.is(result.code, 0, result.stderr);
  // Three rows give the detector little to go on: the CLI says it is unsure and how to check.
  t.regex(result.stdout, /^survey\.csv: read as GB18030 \(GBK\), but the detection is unsure \(\d+% confident; it may also be Big5, Windows-1252\); check the imported text, and if it is garbled, undo the import and name the encoding with --encoding \(try --dry-run first\)$/m);
  t.true(result.stdout.includes('survey.csv: 3 created'), result.stdout);
  const wrong = await cli.run([file, '--encoding', 'ebcdic']);
  t.is(wrong.code, 2);
  t.true(wrong.stderr.includes('--encoding does not know "ebcdic"'), wrong.stderr);
  const given = await cli.run([file, '--encoding', 'gbk', '--lang', 'zh']);
  t.is(given.code, 0);
  t.true(given.stdout.includes('survey.csv：按指定的 GB18030 (GBK) 读取'), given.stdout);
});
