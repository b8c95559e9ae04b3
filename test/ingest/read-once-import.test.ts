/**
 * A UTF-8 CSV the importer can vouch for is parsed once (vouch-delimited.ts) instead of twice: the
 * archive it leaves must be the one the two-pass import leaves — the same records, versions,
 * index terms and suggestions — and a file refused by its header still writes nothing.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { runIngest, type IngestOptions } from '../../ingest/run-ingest.ts';
import { archiveContents } from './helpers/archive-contents.ts';
import { openTempArchive } from '../helpers/temp-archive.ts';

const PLACES = ['塘栖', '超山', '临平', '乔司'];
const HEADER = 'id,title_zh,title_en,description_zh,type,start_year,end_year,admin_area,keywords_zh,place_zh,images';

function rows(count: number, edition: string): string {
  const lines = [HEADER];
  for (let n = 0; n < count; n++) {
    const place = PLACES[n % PLACES.length]!;
    lines.push(`r-${n},"${place}第${n}号桥，""${edition}""",${place} bridge ${n},"${place}运河沿线的石拱桥。\n${edition}",bridge,${1000 + (n % 900)},${1100 + (n % 900)},浙江省/杭州市/临平区/${place}镇,运河;桥梁,${place},${n % 500 ? '' : `photos/${n}.jpg;photos/${n}b.jpg`}`);
  }
  lines.push('bad-row,too,few'); // a row refused for its cells
  lines.push('bad-year,标题,title,描述,bridge,not-a-year,1900,,,,'); // a row refused by validation
  lines.push(',,,,,,,,,,'); // a row of blank cells: not a row
  return `${lines.join('\r\n')}\r\n`;
}

async function importTwice(countFirst: boolean, t: ExecutionContext) {
  const archive = openTempArchive(t);
  const first = path.join(archive.dir, 'first.csv');
  const second = path.join(archive.dir, 'second.csv');
  writeFileSync(first, rows(1500, '初版'));
  writeFileSync(second, rows(1800, '修订'));
  const options = (file: string): IngestOptions => ({ catalog: archive.catalog, engine: archive.engine, paths: [file], countFirst });
  const reports = [];
  for (const file of [first, second]) {
    const progress: string[] = [];
    const { report } = await runIngest({ ...options(file), onProgress: (p) => progress.push(`${p.total} rows, ${p.images?.total ?? 0} images`) });
    reports.push({ totals: report.totals(), rows: report.files[0]!.rows, totals_seen: [...new Set(progress)], entries: report.entries.length });
  }
  return { reports, contents: archiveContents(archive.catalog.file) };
}

test('an import that parses its CSV once leaves the archive the two-pass import leaves', async (t) => {
  const once = await importTwice(false, t);
  const twice = await importTwice(true, t);
  t.deepEqual(once.reports, twice.reports);
  t.deepEqual(once.reports.map((report) => report.totals), [
    { created: 1500, updated: 0, unchanged: 0, failed: 2 },
    { created: 300, updated: 1500, unchanged: 0, failed: 2 },
  ]);
  t.deepEqual(once.reports.map((report) => report.totals_seen), [['1502 rows, 6 images'], ['1802 rows, 8 images']]);
  t.is(once.contents.versions!.length, 3300);
  t.true(once.contents.terms!.length > 100 && once.contents.suggestions!.length > 1000);
  for (const table of Object.keys(once.contents)) t.deepEqual(once.contents[table], twice.contents[table], table);
});

test('a vouched CSV whose header has no id column is refused whole, writing nothing', async (t) => {
  const archive = openTempArchive(t);
  const file = path.join(archive.dir, 'records.csv');
  writeFileSync(file, `编号错,title_zh\n${Array.from({ length: 1200 }, (_, n) => `x-${n},塘栖`).join('\n')}\n`);
  const { report } = await runIngest({ catalog: archive.catalog, engine: archive.engine, paths: [file] });
  t.like(report.files[0], { rows: 0, created: 0, refused: { key: 'file.no_id_column' } });
  t.is(archive.catalog.countRecords(), 0);
});
