import { readFileSync } from 'node:fs';
import test from 'ava';
import { IngestReport } from '../../ingest/report.ts';
import { neutraliseFormula } from '../../core/csv/neutralise-formula.ts';
import { writeReport } from '../../ingest/write-report.ts';
import { makeTempDir } from '../helpers/temp-archive.ts';

test("cells a spreadsheet would run as a formula get a leading ': = + - @ tab and carriage return", (t) => {
  for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) t.is(neutraliseFormula(cell), `'${cell}`, JSON.stringify(cell));
  for (const cell of ['', 'plain', ' =1', '1-1', "'=1", '＝1', '广济桥']) t.is(neutraliseFormula(cell), cell, JSON.stringify(cell));
});

function sampleReport(): IngestReport {
  const report = new IngestReport();
  report.files.push(
    { file: 'gbk.csv', rows: 0, created: 0, updated: 0, unchanged: 0, failed: 0, refused: { key: 'file.not_utf8', params: { line: 2 } }, unknownColumns: [] },
    { file: 'records.csv', rows: 2, created: 1, updated: 0, unchanged: 0, failed: 1, unknownColumns: [] },
  );
  report.add({ file: 'records.csv', line: 3, id: '=bad', severity: 'error', field: 'start_year', message: { key: 'problem.year_unrecognised', params: { field: 'start_year', received: '=MCMXC' } } });
  return report;
}

test('the CSV report starts with a BOM and lists refused files and row problems, one row each', async (t) => {
  const written = await writeReport(sampleReport(), makeTempDir(t), { dryRun: false });
  const csv = readFileSync(written.csv, 'utf8');
  t.true(csv.startsWith('\uFEFFfile,line,id,severity,field,code,message_zh,message_en\n'));
  const rows = csv.trim().split('\n').slice(1);
  t.is(rows.length, 2);
  t.true(rows[0]!.startsWith('gbk.csv,2,,error,,file.not_utf8,第 2 行不是 UTF-8 编码'), rows[0]);
  t.true(rows[1]!.startsWith("records.csv,3,'=bad,error,start_year,problem.year_unrecognised,"), rows[1]);
});

test('the JSON report keeps raw values, totals and both languages of each message', async (t) => {
  const written = await writeReport(sampleReport(), makeTempDir(t), { dryRun: true });
  t.regex(written.json, /ingest-[\dTZ-]+-dry-run\.json$/);
  const json = JSON.parse(readFileSync(written.json, 'utf8'));
  t.like(json, { dryRun: true, totals: { created: 1, failed: 1 }, entriesNotListed: 0 });
  t.like(json.entries[0], { id: '=bad', message_en: 'start_year: expected a year such as 1990, -3300, 3300 BCE or 公元前3300年 but received "=MCMXC"' });
  t.like(json.files[0], { file: 'gbk.csv', refused: { key: 'file.not_utf8' } });
});
