/**
 * XLSX workbooks, written by exceljs as Excel would save them: the sheet with an id column is
 * found (or the one named), formulas never run — their saved values import with a warning —,
 * a workbook of a million cells is refused, and reading leaves no temporary files behind.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'ava';
import ExcelJS from 'exceljs';
import { listSheets } from '../../ingest/read/read-xlsx.ts';
import { runIngest } from '../../ingest/run-ingest.ts';
import { importPaths, openWorkspace, storedIds } from './helpers/import-files.ts';

async function writeWorkbook(file: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(rows);
  await workbook.xlsx.writeFile(file);
  return file;
}

const RECORDS = [
  ['编号', '题名', '英文名称', '起始年份', '纬度', '经度'],
  ['guangji-bridge', '广济桥', 'Guangji Bridge', 1489, 30.4783, 120.2977],
  ['yujiashan-site', { richText: [{ text: '玉架山' }, { text: '遗址' }] }, 'Yujiashan Site', -3300, 30.4228, 120.3112],
];

test('the first sheet with an id column is read, a notes sheet before it is passed over, and the sheet list says so', async (t) => {
  const archive = openWorkspace(t);
  const file = await writeWorkbook(path.join(archive.dir, 'survey.xlsx'), { 说明: [['本表为临平区文物普查记录']], 记录: RECORDS });
  t.deepEqual(await listSheets(file), [
    { name: '说明', rows: 0, hasIdColumn: false },
    { name: '记录', rows: 2, hasIdColumn: true },
  ]);
  const report = await importPaths(archive, [file]);
  t.deepEqual(report.totals(), { created: 2, updated: 0, unchanged: 0, failed: 0 });
  t.like(archive.catalog.getRecord('yujiashan-site')?.record, { title_zh: '玉架山遗址', start_year: -3300, lat: 30.4228 });
});

test('a sheet is chosen by name; a name the workbook lacks is refused listing its sheets', async (t) => {
  const archive = openWorkspace(t);
  const file = await writeWorkbook(path.join(archive.dir, 'two.xlsx'), { 第一批: RECORDS, 第二批: [['id', 'title_zh'], ['second-batch', '第二批记录']] });
  await importPaths(archive, [file], { read: { sheet: '第二批' } });
  t.deepEqual(storedIds(archive), ['second-batch']);
  const missing = await importPaths(archive, [file], { read: { sheet: '第三批' } });
  t.deepEqual(missing.files[0]?.refused, { key: 'file.no_such_sheet', params: { sheet: '第三批', sheets: '第一批, 第二批' } });
});

test('formulas never run: a saved value imports with a warning, a formula without one or an error value refuses its row', async (t) => {
  const archive = openWorkspace(t);
  const file = await writeWorkbook(path.join(archive.dir, 'formulas.xlsx'), {
    records: [
      ['id', 'title_zh', 'title_en'],
      ['with-value', '有值', { formula: 'UPPER("bridge")', result: 'BRIDGE' }],
      ['hyperlink', '链接', { formula: 'HYPERLINK("http://169.254.169.254/","click")' }],
      ['error-cell', '错误', { error: '#N/A' }],
    ],
  });
  const report = await importPaths(archive, [file]);
  t.deepEqual(report.totals(), { created: 1, updated: 0, unchanged: 0, failed: 2 });
  t.is(archive.catalog.getRecord('with-value')?.record.title_en, 'BRIDGE');
  t.deepEqual(
    report.entries.map((entry) => [entry.line, entry.severity, entry.message.key]),
    [
      [2, 'warning', 'row.formula_value'],
      [3, 'error', 'row.formula_without_value'],
      [4, 'error', 'row.cell_error'],
    ],
  );
  t.is(report.entries[0]?.field, 'title_en');
});

test('a workbook of a million cells is refused as too large for a workbook, and a renamed CSV as not a workbook', async (t) => {
  const archive = openWorkspace(t);
  const file = path.join(archive.dir, 'huge.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const sheet = writer.addWorksheet('records');
  sheet.addRow(['id', ...Array.from({ length: 24 }, (_, index) => `c${index}`)]).commit();
  for (let row = 0; row < 40_000; row++) sheet.addRow([`r${row}`, ...Array.from({ length: 24 }, () => row)]).commit();
  await writer.commit();
  const report = await importPaths(archive, [file]);
  t.deepEqual(report.files[0]?.refused, { key: 'file.too_many_cells', params: { maximum: 500_000 } });
  const renamed = path.join(archive.dir, 'renamed.xlsx');
  writeFileSync(renamed, 'id,title_zh\nx,一\n');
  t.deepEqual((await importPaths(archive, [renamed])).files[0]?.refused, { key: 'file.not_xlsx' });
  t.deepEqual(storedIds(archive), []);
});

// Serial, with TMPDIR pointed at a folder of its own: other tests read workbooks at the same time.
test.serial('reading a workbook leaves no staging file: not in the run\'s scratch folder, not in the system temp folder', async (t) => {
  const archive = openWorkspace(t);
  const file = await writeWorkbook(path.join(archive.dir, 'survey.xlsx'), { 记录: RECORDS });
  const systemTemp = path.join(archive.dir, 'system-temp');
  mkdirSync(systemTemp);
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = systemTemp;
  t.teardown(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  });
  t.is(tmpdir(), systemTemp);
  const scratchDir = path.join(archive.dir, 'scratch');
  const { report } = await runIngest({ catalog: archive.catalog, paths: [file], scratchDir });
  t.is(report.totals().created, 2);
  t.false(existsSync(scratchDir));
  t.deepEqual(readdirSync(systemTemp), []);
});
