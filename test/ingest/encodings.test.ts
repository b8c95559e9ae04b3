/**
 * Encodings (bad-inputs row 2): real files in each encoding the importer reads, detected in the
 * documented order (BOM, strict UTF-8, then the detector) and overridable; Chinese headers map to
 * the template's fields; a damaged or mixed UTF-8 file is refused before any write, never guessed.
 */
import test from 'ava';
import iconv from 'iconv-lite';
import { translate } from '../../core/i18n/translate.ts';
import { chooseEncoding, isUnsure, otherCandidates } from '../../ingest/read/detect-encoding.ts';
import { ImportFileError } from '../../ingest/read/source-item.ts';
import { encodingFixtures as files } from '../fixtures/encodings/index.ts';
import { importPaths, openWorkspace, storedIds } from './helpers/import-files.ts';

const LINPING_IDS = ['guangji-bridge', 'tangqi-old-town', 'yujiashan-site'];
/** `广济桥` encoded as GBK, the default of Chinese Excel. */
const GBK_GUANGJI_BRIDGE = Buffer.from([0xb9, 0xe3, 0xbc, 0xc3, 0xc7, 0xc5]);

const cases = [
  ['UTF-8', files.utf8, 'utf-8', 'utf8'],
  ['UTF-8 with a BOM', files.utf8Bom, 'utf-8', 'bom'],
  ['GBK (GB18030)', files.gbk, 'gb18030', 'detected'],
  ['UTF-16LE with a BOM', files.utf16leBom, 'utf-16le', 'bom'],
  ['UTF-16BE with a BOM', files.utf16beBom, 'utf-16be', 'bom'],
  ['UTF-16LE without a BOM', files.utf16leNoBom, 'utf-16le', 'detected'],
  ['UTF-16BE without a BOM', files.utf16beNoBom, 'utf-16be', 'detected'],
] as const;

for (const [name, file, encoding, how] of cases) {
  test(`a CSV in ${name} with Chinese headers imports its Chinese intact`, async (t) => {
    t.like(await chooseEncoding(file), { encoding, how });
    const archive = openWorkspace(t);
    const report = await importPaths(archive, [file]);
    t.deepEqual(report.totals(), { created: 3, updated: 0, unchanged: 0, failed: 0 });
    t.deepEqual(report.files[0]?.unknownColumns, []);
    t.like(report.files[0]?.encoding, { encoding, how });
    t.like(archive.catalog.getRecord('guangji-bridge')?.record, { title_zh: '广济桥', title_en: 'Guangji Bridge', period_zh: '明', lon: 120.2977, lat: 30.4783, keywords_zh: ['运河', '石拱桥'] });
    t.is(archive.catalog.getRecord('tangqi-old-town')?.record.title_zh, '塘栖古镇水北街');
  });
}

test('a Big5 CSV in traditional characters is detected as Big5 and keeps its characters', async (t) => {
  t.like(await chooseEncoding(files.big5), { encoding: 'big5', how: 'detected' });
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [files.big5]);
  t.deepEqual(report.totals(), { created: 3, updated: 0, unchanged: 0, failed: 0 });
  t.like(archive.catalog.getRecord('guangji-bridge')?.record, { title_zh: '廣濟橋', keywords_zh: ['運河', '石拱橋'] });
});

test('a Windows-1252 file is read as Windows-1252, not named GBK: accents, curly quotes and the euro sign survive', async (t) => {
  t.like(await chooseEncoding(files.windows1252), { encoding: 'windows-1252', how: 'detected' });
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [files.windows1252]);
  t.deepEqual(report.totals(), { created: 2, updated: 0, unchanged: 0, failed: 0 });
  t.like(archive.catalog.getRecord('cafe-de-flore')?.record, { title_en: 'Café de Flore', description_en: '“Famous” café — Saint-Germain; coffee €5' });
  t.is(archive.catalog.getRecord('muller-bridge')?.record.title_en, 'Müller’s Bridge');
});

test('Excel\'s "Unicode text" (tab-separated UTF-16) and GBK JSON lines with Chinese keys import', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [files.excelUnicodeText, files.gbkJsonl]);
  t.deepEqual(report.files.map((file) => [file.created, file.failed]), [[3, 0], [0, 0]]);
  t.like(report.files[1]?.encoding, { encoding: 'gb18030' });
  // The JSON lines name fewer fields than the TSV: they replace those two records (the default mode).
  t.is(report.files[1]?.updated, 2);
  t.is(archive.catalog.getRecord('tangqi-old-town')?.record.title_zh, '塘栖古镇');
  t.deepEqual(storedIds(archive), LINPING_IDS);
});

test('the curator\'s encoding wins over the detector, and bytes that encoding has no character for refuse the file naming the line', async (t) => {
  t.deepEqual(await chooseEncoding(files.gbk, 'big5'), { encoding: 'big5', how: 'given' });
  const archive = openWorkspace(t);
  const asUtf8 = await importPaths(archive, [files.gbk], { read: { encoding: 'utf-8' } });
  t.deepEqual(asUtf8.files[0]?.refused, { key: 'file.not_utf8', params: { line: 1 } });
  const asBig5 = await importPaths(archive, [files.windows1252], { read: { encoding: 'big5' } });
  t.deepEqual(asBig5.files[0]?.refused, { key: 'file.undecodable', params: { line: 2, encoding: 'Big5' } });
  t.deepEqual(storedIds(archive), []);
});

test('a GBK file forced to be read as Windows-1252 is refused for its encoding — its garbled header and the encoding the archive detects — not for a missing id column', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [files.gbk], { read: { encoding: 'windows-1252' } });
  const refused = report.files[0]!.refused!;
  t.is(refused.key, 'file.header_wrong_encoding');
  t.like(refused.params, { encoding: 'Windows-1252', detected: 'GB18030 (GBK)' });
  t.regex(String(refused.params!.header), /^±àºÅ,/, 'the header as it was (mis)read');
  t.regex(translate('en', refused.key, refused.params), /the encoding is most likely wrong: the archive detects GB18030 \(GBK\)\. Choose GB18030 \(GBK\)/);
  t.regex(translate('zh', refused.key, refused.params), /编码多半选错了：档案自动识别为 GB18030 \(GBK\)/);
  // A file that really has no id column, read in the encoding it is in, is told so with its header.
  const plain = archive.write('no-id.csv', iconv.encode('题名,备注\n广济桥,石拱桥\n', 'gbk'));
  const given = await importPaths(archive, [plain], { read: { encoding: 'gb18030' } });
  t.like(given.files[0]?.refused, { key: 'file.header_given_encoding', params: { encoding: 'GB18030 (GBK)', header: '题名,备注' } });
  t.deepEqual(storedIds(archive), []);
});

test('a short GBK file’s detection is marked unsure, with the other encodings it may be in; forty varied rows are not', async (t) => {
  const archive = openWorkspace(t);
  const short = archive.write('short.csv', iconv.encode('编号,题名\nshort-1,石桥\n', 'gbk'));
  const choice = await chooseEncoding(short);
  t.true(isUnsure(choice), `${choice.encoding} at ${choice.confidence}%`);
  t.true(otherCandidates(choice).length > 0);
  t.false(otherCandidates(choice).includes(choice.encoding));
  const places = ['广济桥', '塘栖古镇', '余家山遗址', '临平山', '超山梅花', '上塘河', '丁山河', '水北街'];
  const notes = ['这座桥横跨京杭大运河，是现存唯一的七孔石拱桥。', '古镇临水而建，街市沿河展开，民居多为清代建筑。', '遗址出土了大量新石器时代的陶器和石器。', '山上有宋代摩崖题刻，登高可望西湖与钱塘江。'];
  const rows = Array.from({ length: 40 }, (_, i) => `long-${i},${places[i % 8]},${notes[i % 4]}`);
  const long = archive.write('long.csv', iconv.encode(`编号,题名,描述\n${rows.join('\n')}\n`, 'gbk'));
  t.like(await chooseEncoding(long), { encoding: 'gb18030', how: 'detected' });
  t.false(isUnsure(await chooseEncoding(long)));
});

test('UTF-8 lines with one GBK line pasted in are refused before any write, naming that line, never read as GBK', async (t) => {
  const archive = openWorkspace(t);
  const mixed = archive.write('mixed.csv', Buffer.concat([Buffer.from('id,title_zh\nutf8-row,正常的一行\ngbk-row,'), GBK_GUANGJI_BRIDGE, Buffer.from('\n')]));
  const report = await importPaths(archive, [mixed]);
  t.deepEqual(report.files[0]?.refused, { key: 'file.damaged_utf8', params: { line: 3 } });
  t.regex(translate('zh', 'file.damaged_utf8', { line: 3 }), /第 3 行/);
  const jsonl = archive.write('mixed.jsonl', Buffer.concat([Buffer.from('{"id": "ok", "title_zh": "好"}\n{"id": "gbk", "title_zh": "'), GBK_GUANGJI_BRIDGE, Buffer.from('"}\n')]));
  t.deepEqual((await importPaths(archive, [jsonl])).files[0]?.refused, { key: 'file.damaged_utf8', params: { line: 2 } });
  t.deepEqual(storedIds(archive), []);
});

test('a file that is no text at all is refused as an unknown encoding', async (t) => {
  const archive = openWorkspace(t);
  const binary = archive.write('binary.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8, 0x00, 0x01]));
  const error = await chooseEncoding(binary).catch((caught: unknown) => caught);
  t.true(error instanceof ImportFileError);
  t.is((error as ImportFileError).detail.key, 'file.encoding_unknown');
});
