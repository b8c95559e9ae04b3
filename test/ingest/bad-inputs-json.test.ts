/**
 * Row 15 of shared/bad-inputs.md: hostile JSON. A file that is not a JSON array of records is
 * refused whole; an element or line that is not a flat record is skipped and named.
 */
import test from 'ava';
import { translate } from '../../core/i18n/translate.ts';
import { MAX_JSON_DEPTH } from '../../ingest/read/source-item.ts';
import { fixtures } from '../fixtures/ingest/index.ts';
import { describeEntry, importPaths, openWorkspace, storedIds } from './helpers/import-files.ts';

const DEPTH = 10_000;
const nested = (depth: number) => `${'['.repeat(depth)}"deep"${']'.repeat(depth)}`;

test('row 15: `__proto__` keys neither pollute Object.prototype nor reach the record, which imports without them', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.protoKeysJson]);
  t.is(({} as Record<string, unknown>).polluted, undefined);
  t.is((Object.prototype as Record<string, unknown>).polluted, undefined);
  const record = archive.catalog.getRecord('proto-1')?.record;
  t.deepEqual(record, { id: 'proto-1', title_zh: '原型' });
  t.is(Object.getPrototypeOf(record), Object.prototype);
  t.deepEqual(report.files[0]?.unknownColumns, ['__proto__', 'constructor']);
  // A `__proto__` nested in a field is just a wrong value for that field.
  t.deepEqual(report.entries.map(describeEntry), ['3 keywords_zh problem.wrong_type']);
});

test('row 15: a 10,000-deep nested value is skipped as too deep, naming its line; the records around it import', async (t) => {
  const archive = openWorkspace(t);
  const deepJson = archive.write('deep.json', `[\n{"id": "before", "title_zh": "之前"},\n{"id": "deep", "title_zh": "深", "keywords_zh": ${nested(DEPTH)}},\n{"id": "after", "title_zh": "之后"}\n]\n`);
  const deepJsonl = archive.write('deep.jsonl', `{"id": "before-l", "title_zh": "之前"}\n{"id": "deep-l", "title_zh": "深", "description_en": ${nested(DEPTH)}}\n{"id": "after-l", "title_zh": "之后"}\n`);
  const report = await importPaths(archive, [deepJson, deepJsonl]);
  t.deepEqual(report.entries.map(describeEntry), ['3 - row.json_too_deep', '2 - row.json_too_deep']);
  t.deepEqual(report.entries[0]?.message.params, { maximum: MAX_JSON_DEPTH });
  t.is(report.entries[0]?.line, 3);
  t.deepEqual(storedIds(archive), ['after', 'after-l', 'before', 'before-l']);
});

test('row 15: a 10,000-deep array as the whole file is refused as the wrong root, not a crash', async (t) => {
  const archive = openWorkspace(t);
  const deep = archive.write('deep-root.json', nested(DEPTH));
  const report = await importPaths(archive, [deep]);
  t.deepEqual(report.entries.map(describeEntry), ['1 - row.not_json_object']);
  t.deepEqual(storedIds(archive), []);
});

test('row 15: a JSON file whose root is not an array is refused whole', async (t) => {
  const archive = openWorkspace(t);
  const scalars = ['"text"', 'null', '42', 'true'].map((root, index) => archive.write(`root-${index}.json`, root));
  const report = await importPaths(archive, [fixtures.wrongRootJson, ...scalars]);
  t.deepEqual(
    report.files.map((file) => file.refused?.key),
    ['file.json_root', 'file.json_root', 'file.json_root', 'file.json_root', 'file.json_root'],
  );
  t.is(translate('en', 'file.json_root'), 'the JSON file must hold an array of records: [ {…}, {…} ]');
  t.deepEqual(storedIds(archive), []);
});

test('row 15: a truncated JSON array is refused before any write, naming the line where it breaks off', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.truncatedJson]);
  t.like(report.files[0]?.refused, { key: 'file.bad_json', params: { line: 3 } });
  t.deepEqual(storedIds(archive), []);
});

test('row 15: a JSON syntax error V8 gives no position for is still placed on its line', async (t) => {
  const archive = openWorkspace(t);
  const trailingComma = archive.write('trailing-comma.json', '[\n  {"id": "a", "title_zh": "甲"},\n  {"id": "b", "title_zh": "乙"},\n]\n');
  const report = await importPaths(archive, [trailingComma]);
  t.like(report.files[0]?.refused, { key: 'file.bad_json', params: { line: 4 } });
});

test('row 15: a truncated last JSON line is skipped and named; the complete lines import', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.truncatedJsonl]);
  t.deepEqual(report.entries.map(describeEntry), ['2 - row.bad_json']);
  t.deepEqual(storedIds(archive), ['t-1']);
});
