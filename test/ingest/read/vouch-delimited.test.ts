/**
 * The quick look that spares an import its first parse must never vouch for a file csv-parse
 * refuses, and must count the rows `readCsv` gives. Each case is a real file read both ways.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import type { ColumnPlan } from '../../../ingest/mapping/plan-columns.ts';
import { readCsv } from '../../../ingest/read/read-csv.ts';
import { openRecordFile } from '../../../ingest/read/record-readers.ts';
import { imageReferencesOf } from '../../../ingest/read/read-table.ts';
import { DelimitedScanner, vouchDelimited } from '../../../ingest/read/vouch-delimited.ts';
import { makeTempDir } from '../../helpers/temp-archive.ts';

const HEADER = 'id,title_zh,description_zh\n';

/** Files it vouches for, as csv-parse reads them. */
const READABLE: Record<string, string> = {
  plain: `${HEADER}a1,塘栖古桥,石拱桥\na2,超山,梅花\n`,
  'no final line break': `${HEADER}a1,塘栖古桥,石拱桥`,
  'quoted cells with delimiters, escaped quotes and line breaks': `${HEADER}"a1","广济桥，又名""长桥""","第一行\r\n第二行, 还有逗号"\na2,"",x\n`,
  'CRLF and lone CR line ends': `${HEADER.replace('\n', '\r\n')}a1,t,d\r\na2,t,d\ra3,t,d\r\n`,
  'a byte-order mark and a quoted header': `\ufeff"id","title_zh","description_zh"\na1,t,d\n`,
  'blank lines and rows of blank cells': `${HEADER}\na1,t,d\n,,\n , \u3000 ,\n\n"",,\na2,t,d\n`,
  'a row with the wrong number of cells': `${HEADER}a1,t\na2,t,d,extra\n`,
  'only a header': HEADER,
};

/** Files csv-parse refuses (or reads in a way not vouched for): the import then reads them whole first. */
const NOT_VOUCHED: Record<string, string> = {
  'a quote inside an unquoted cell': `${HEADER}a1,塘栖"古桥,d\n`,
  'text after a closing quote': `${HEADER}a1,"塘栖"古桥,d\n`,
  'an unclosed quote': `${HEADER}a1,"塘栖古桥,d\na2,t,d\n`,
  'a space before an opening quote': `${HEADER}a1, "t",d\n`,
};

async function readCsvRows(file: string): Promise<{ rows: number } | { error: string }> {
  let rows = 0;
  try {
    for await (const _ of readCsv(file, { countOnly: true })) rows++;
  } catch (error) {
    return { error: String(error) };
  }
  return { rows };
}

for (const [name, text] of Object.entries(READABLE)) {
  test(`a file with ${name} is vouched for with the rows readCsv gives`, async (t) => {
    const file = path.join(makeTempDir(t, 'vouch-'), 'records.csv');
    writeFileSync(file, text);
    const read = await readCsvRows(file);
    t.true('rows' in read, JSON.stringify(read));
    t.is(await vouchDelimited(file, ','), 'rows' in read ? read.rows : -1);
  });
}

for (const [name, text] of Object.entries(NOT_VOUCHED)) {
  test(`a file with ${name} is not vouched for`, async (t) => {
    const file = path.join(makeTempDir(t, 'vouch-'), 'records.csv');
    writeFileSync(file, text);
    t.is(await vouchDelimited(file, ','), undefined);
  });
}

test('the count does not depend on where the file is split into chunks', (t) => {
  const bytes = Buffer.from(READABLE['quoted cells with delimiters, escaped quotes and line breaks']! + READABLE['blank lines and rows of blank cells']!.slice(HEADER.length));
  const whole = new DelimitedScanner(0x2c);
  t.true(whole.scan(bytes));
  const expected = whole.end();
  t.is(expected, 4);
  for (let at = 0; at <= bytes.length; at++) {
    const split = new DelimitedScanner(0x2c);
    const vouched = split.scan(bytes.subarray(0, at)) && split.scan(bytes.subarray(at));
    t.true(vouched, `split at byte ${at}`);
    t.is(split.end(), expected, `split at byte ${at}`);
  }
});

test('a tab-separated file is scanned with tabs as delimiters', async (t) => {
  const file = path.join(makeTempDir(t, 'vouch-'), 'records.tsv');
  writeFileSync(file, 'id\ttitle_zh\na1\t"塘栖, 古桥"\na2\tt\n');
  t.is(await vouchDelimited(file, '\t'), 2);
});

test('with the plan of a file, the scan counts its image references as the full count does', async (t) => {
  const file = path.join(makeTempDir(t, 'vouch-'), 'records.csv');
  const lines = ['id,title_zh,备注,images'];
  for (let n = 0; n < 50; n++) lines.push(`a${n},"塘栖, ${n}",x,"${n % 3 ? `photos/${n}.jpg; photos/${n}b.jpg;` : ''}"`);
  lines.push('short,row', ',,,', 'a-last,t,x, photos/last.jpg ');
  writeFileSync(file, `${lines.join('\n')}\n`);
  let plan: ColumnPlan | undefined;
  const opened = await openRecordFile(file, 'csv', { onPlan: (planned) => (plan = planned) });
  let [rows, images] = [0, 0];
  for await (const item of opened.count()) {
    rows++;
    if ('fields' in item) images += imageReferencesOf(item.fields);
  }
  t.is(images, 67);
  t.deepEqual(await opened.vouch(plan), { rows, images });
});
