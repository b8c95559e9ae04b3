/**
 * Exports of a search as a researcher takes them away and a curator brings them back: every
 * public record of the search (past the engine's largest page), in the import template's form,
 * and re-imported unchanged into a fresh archive.
 */
import test from 'ava';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { HIDDEN } from '../../core/catalog/visibility.ts';
import { EXPORT_COLUMNS, toTemplateObject } from '../../core/schema/template-row.ts';
import { validateRecord } from '../../core/schema/validate-record.ts';
import { syncIndex } from '../../core/search/sync-index.ts';
import { runIngest } from '../../ingest/run-ingest.ts';
import { withPublicRelations } from '../../server/services/public-relations.ts';
import { fixtureRecordCount } from '../fixtures/site/index.ts';
import { makeTempDir, openTempArchive } from '../helpers/temp-archive.ts';
import { openFixtureSite, type FixtureSite } from './helpers/fixture-site.ts';
import { decodeEntities } from './helpers/html.ts';

const typed = test as import('ava').TestFn<FixtureSite>;
/** Enough to need three pages of the engine's largest page. */
const EXTRA = 230;
const hiddenId = 'shangtang-river';
const formulaId = 'formula-title';

typed.before(async (t) => {
  t.context = await openFixtureSite();
  const extra = Array.from({ length: EXTRA }, (_, i) => ({ id: `bulk-${i}`, title_zh: `批量记录${i}`, title_en: `Bulk record ${i}`, type: 'document', start_year: i === 0 ? -221 : 1000 + i, keywords_zh: '批量;测试' }));
  const records = [...extra, { id: formulaId, title_en: '=HYPERLINK("http://evil.example","x")', description_en: '-1 is not a formula here', lon: -8.5, lat: 41.1 }].map((row) => {
    const outcome = validateRecord(row);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    return outcome.record;
  });
  t.context.catalog.writeBatch(records);
  t.context.catalog.setVisibility([hiddenId], HIDDEN, { actor: 'cli:test' });
  await syncIndex(t.context.catalog, t.context.engine);
});
typed.after.always(async (t) => {
  await t.context.close();
});

/** The fixture, the bulk records and the formula record, less the hidden one. */
const total = fixtureRecordCount + EXTRA + 1 - 1;
const get = (t: { context: FixtureSite }, url: string) => request(t.context.app).get(url).set('Accept-Language', 'en').buffer(true).parse((response, done) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
});

typed('the CSV export holds every public record of the search, past the engine\'s largest page, with a BOM and the template\'s columns', async (t) => {
  const response = await get(t, '/export.csv');
  t.is(response.status, 200);
  t.is(response.headers['content-type'], 'text/csv; charset=utf-8');
  t.regex(String(response.headers['content-disposition']), /^attachment; filename=archive-export-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = response.body as Buffer;
  t.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM, so Excel reads the Chinese');
  const [header, ...rows] = parse(bytes, { bom: true }) as string[][];
  t.deepEqual(header, [...EXPORT_COLUMNS]);
  t.is(rows.length, total);
  const ids = rows.map((row) => row[0]);
  t.is(new Set(ids).size, ids.length, 'no record twice');
  t.false(ids.includes(hiddenId));
  const formula = rows.find((row) => row[0] === formulaId)!;
  t.is(formula[header!.indexOf('title_en')], '\'=HYPERLINK("http://evil.example","x")', 'a formula cell is neutralised');
  t.is(formula[header!.indexOf('lon')], '-8.5', 'numbers are not: a western longitude stays a number');
  t.is(rows.find((row) => row[0] === 'bulk-0')![header!.indexOf('start_year')], '-221');
  t.is(rows.find((row) => row[0] === 'guangji-bridge')![header!.indexOf('images')], 'images/guangji.png', 'a record\'s images by the paths it was imported with');
  const related = rows.find((row) => row[0] === 'guangji-bridge')![header!.indexOf('related')]!.split(';');
  t.true(t.context.catalog.getRecords(['guangji-bridge'])[0]!.record.related!.includes(hiddenId), 'the catalog relates the bridge to the hidden record');
  t.false(related.includes(hiddenId), 'the export does not name the hidden record');
  t.false(related.includes('no-such-record'), 'nor an id that is no record');
});

typed('a search\'s export holds exactly its results; a collection page links the export of its own records', async (t) => {
  const [, ...rows] = parse((await get(t, `/export.csv?q=${encodeURIComponent('批量')}&type=document`)).body as Buffer, { bom: true }) as string[][];
  t.is(rows.length, EXTRA);
  const page = await request(t.context.app).get('/collections/grand-canal').set('Accept-Language', 'en');
  t.true(decodeEntities(page.text).includes('href="/export.csv?collection=grand-canal"'));
  const [, ...inCollection] = parse((await get(t, '/export.csv?collection=grand-canal')).body as Buffer, { bom: true }) as string[][];
  t.true(inCollection.length > 0 && inCollection.every((row) => (row[EXPORT_COLUMNS.indexOf('collections')] ?? '').split(';').includes('grand-canal')));
  const search = await request(t.context.app).get('/search?q=%E6%89%B9%E9%87%8F').set('Accept-Language', 'en');
  t.true(decodeEntities(search.text).includes('href="/export.jsonl?q=%E6%89%B9%E9%87%8F"'));
});

typed('JSON and JSON Lines exports hold the same records as the CSV', async (t) => {
  const json = JSON.parse((await get(t, '/export.json')).body.toString('utf8')) as { id: string }[];
  const lines: { id: string }[] = ((await get(t, '/export.jsonl')).body as Buffer).toString('utf8').trimEnd().split('\n').map((line: string) => JSON.parse(line) as { id: string });
  t.is(json.length, total);
  t.deepEqual(lines.map((record) => record.id), json.map((record) => record.id));
  t.false(json.some((record) => record.id === hiddenId));
});

typed('the XLSX export is one sheet with the template\'s columns; a formula-like title is text that never runs, numbers are numbers', async (t) => {
  const response = await get(t, '/export.xlsx');
  t.is(response.status, 200);
  t.regex(String(response.headers['content-disposition']), /filename=archive-export-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  const bytes = response.body as Buffer;
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  t.is(workbook.worksheets.length, 1);
  const sheet = workbook.worksheets[0]!;
  t.is(sheet.rowCount, total + 1);
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  t.deepEqual(header, [...EXPORT_COLUMNS]);
  const rowOf = (id: string) => sheet.getRows(2, total)!.find((row) => row.getCell(1).value === id)!;
  const formula = rowOf(formulaId).getCell(EXPORT_COLUMNS.indexOf('title_en') + 1);
  t.is(formula.type, ExcelJS.ValueType.String);
  t.is(formula.value, '=HYPERLINK("http://evil.example","x")');
  t.is(rowOf(formulaId).getCell(EXPORT_COLUMNS.indexOf('lon') + 1).value, -8.5);
  t.is(rowOf('guangji-bridge').getCell(EXPORT_COLUMNS.indexOf('title_zh') + 1).value, '广济桥');
});

typed('an export re-imports into a fresh archive record for record, in every format', async (t) => {
  const originals = new Map(
    withPublicRelations(t.context.catalog, [...t.context.catalog.iterateRecords()].flat().filter((stored) => stored.record.id !== hiddenId).map((stored) => stored.record)).map((record) => [record.id, toTemplateObject(record)]),
  );
  for (const extension of ['csv', 'xlsx', 'json', 'jsonl']) {
    const dir = makeTempDir(t, 'reimport-');
    const file = path.join(dir, `export.${extension}`);
    writeFileSync(file, (await get(t, `/export.${extension}`)).body as Buffer);
    const archive = openTempArchive(t);
    const { report } = await runIngest({ catalog: archive.catalog, engine: archive.engine, paths: [file] });
    t.is(report.totals().created, total, extension);
    for (const stored of [...archive.catalog.iterateRecords()].flat()) {
      const original = originals.get(stored.record.id)!;
      // The CSV's formula guard (a leading ') is undone by the import: the formula record comes back as it was.
      t.deepEqual(withoutImages(toTemplateObject(stored.record)), withoutImages(original), `${extension}: ${stored.record.id}`);
    }
  }
});

/** An export names its records' images but carries no photographs: without them at hand an import links none. */
function withoutImages(record: Record<string, unknown>): Record<string, unknown> {
  const { images: _images, ...rest } = record;
  return rest;
}

typed('a bad search parameter is a 400 before any byte of an export; an unknown format is a 404', async (t) => {
  const bad = await request(t.context.app).get('/export.csv?year_from=abc').set('Accept-Language', 'en');
  t.is(bad.status, 400);
  t.is(bad.headers['content-disposition'], undefined);
  t.is((await request(t.context.app).get('/export.pdf')).status, 404);
});
