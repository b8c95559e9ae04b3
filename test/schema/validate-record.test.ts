import test from 'ava';
import type { FieldProblem } from '../../core/schema/problems.ts';
import { MAX_LIST_ITEMS } from '../../core/schema/record.ts';
import { unknownFields, validateRecord, type RawRow } from '../../core/schema/validate-record.ts';
import { RECORD_TYPES } from '../../core/schema/vocabularies.ts';

/** The record a valid row becomes; fails the test with the problems otherwise. */
function recordOf(t: { fail(message: string): void }, row: RawRow) {
  const outcome = validateRecord(row);
  if (!outcome.ok) {
    t.fail(`expected a valid record, got ${JSON.stringify(outcome.problems)}`);
    throw new Error('invalid');
  }
  return outcome.record;
}

/** The problems of an invalid row; an empty list if the row is valid. */
function problemsOf(row: RawRow): FieldProblem[] {
  const outcome = validateRecord(row);
  return outcome.ok ? [] : outcome.problems;
}

test('a record needs a title in Chinese or English, reported on title_zh', (t) => {
  t.deepEqual(problemsOf({ id: 'untitled' }), [{ field: 'title_zh', code: 'title_required' }]);
  t.deepEqual(problemsOf({ id: 'blank-titles', title_zh: '  ', title_en: '' }), [{ field: 'title_zh', code: 'title_required' }]);
  t.is(recordOf(t, { id: 'english-only', title_en: 'Guangji Bridge' }).title_en, 'Guangji Bridge');
});

test('a record needs an id', (t) => {
  t.deepEqual(problemsOf({ title_zh: '广济桥' }), [{ field: 'id', code: 'required' }]);
});

test('a start year after the end year is refused, naming start_year and its value', (t) => {
  t.deepEqual(problemsOf({ id: 'reversed', title_zh: '颠倒', start_year: '1990', end_year: '1900' }), [
    { field: 'start_year', code: 'start_after_end', received: '1990' },
  ]);
  t.deepEqual(problemsOf({ id: 'reversed-bce', title_zh: '颠倒', start_year: '公元前221年', end_year: '-300' }), [
    { field: 'start_year', code: 'start_after_end', received: '-221' },
  ]);
});

test('a single year, start or end, dates the record to that one year', (t) => {
  const startOnly = recordOf(t, { id: 'start-only', title_zh: '只有起始年', start_year: '1489' });
  t.deepEqual([startOnly.start_year, startOnly.end_year], [1489, 1489]);
  const endOnly = recordOf(t, { id: 'end-only', title_zh: '只有结束年', end_year: '前221年' });
  t.deepEqual([endOnly.start_year, endOnly.end_year], [-221, -221]);
});

test('an unreadable year is reported once, with the reason from parseYear', (t) => {
  t.deepEqual(problemsOf({ id: 'roman', title_zh: '罗马', start_year: 'MCMXC', end_year: '1990' }), [
    { field: 'start_year', code: 'year_unrecognised', received: 'MCMXC' },
  ]);
  t.deepEqual(problemsOf({ id: 'zero', title_zh: '零', end_year: '0' }), [{ field: 'end_year', code: 'year_zero', received: '0' }]);
  t.deepEqual(problemsOf({ id: 'far', title_zh: '远', start_year: 1e9 }), [{ field: 'start_year', code: 'year_out_of_range', received: '1000000000' }]);
});

test('latitude 200 and longitude -181 are out of range, with the allowed range in the problem', (t) => {
  t.deepEqual(problemsOf({ id: 'lat', title_zh: '纬度', lat: '200', lon: '120' }), [
    { field: 'lat', code: 'out_of_range', received: '200', params: { minimum: -90, maximum: 90 } },
  ]);
  t.deepEqual(problemsOf({ id: 'lon', title_zh: '经度', lat: '30', lon: '-181' }), [
    { field: 'lon', code: 'out_of_range', received: '-181', params: { minimum: -180, maximum: 180 } },
  ]);
  const edge = recordOf(t, { id: 'edge', title_zh: '边界', lat: '-90', lon: '180' });
  t.deepEqual([edge.lat, edge.lon], [-90, 180]);
});

test('a latitude without a longitude is refused as incomplete coordinates', (t) => {
  t.deepEqual(problemsOf({ id: 'half', title_zh: '半个坐标', lat: '30.42' }), [{ field: 'lat', code: 'coordinates_incomplete', received: '30.42' }]);
  t.deepEqual(problemsOf({ id: 'other-half', title_zh: '半个坐标', lon: '120.3' }), [{ field: 'lat', code: 'coordinates_incomplete' }]);
});

test('coordinates are plain decimals: hexadecimal, exponents and words are not numbers', (t) => {
  t.deepEqual(problemsOf({ id: 'hex', title_zh: '十六进制', lat: '0x10', lon: '1e1' }), [
    { field: 'lat', code: 'not_a_number', received: '0x10' },
    { field: 'lon', code: 'not_a_number', received: '1e1' },
  ]);
  t.deepEqual(problemsOf({ id: 'word', title_zh: '文字', lat: 'north', lon: true }), [
    { field: 'lat', code: 'not_a_number', received: 'north' },
    { field: 'lon', code: 'not_a_number', received: 'true' },
  ]);
  const typed = recordOf(t, { id: 'typed', title_zh: '全角', lat: '３０.５', lon: '\u2212120.25' });
  t.deepEqual([typed.lat, typed.lon], [30.5, -120.25]);
});

test('a `;` list cell is split, trimmed, emptied of blanks and duplicates: `a; b;;a` is [a, b]', (t) => {
  t.deepEqual(recordOf(t, { id: 'list', title_zh: '列表', keywords_zh: 'a; b;;a' }).keywords_zh, ['a', 'b']);
  t.is(recordOf(t, { id: 'empty-list', title_zh: '空列表', keywords_zh: ' ; ;' }).keywords_zh, undefined);
});

test('JSON arrays and numbers are taken as lists, years and coordinates', (t) => {
  const record = recordOf(t, {
    id: 'from-json',
    title_zh: '来自 JSON',
    keywords_en: ['canal', ' bridge ', 'canal', ''],
    start_year: -221,
    end_year: -207,
    lat: 30.42,
    lon: 120.3,
  });
  t.deepEqual(record.keywords_en, ['canal', 'bridge']);
  t.deepEqual([record.start_year, record.end_year, record.lat, record.lon], [-221, -207, 30.42, 120.3]);
  t.is(recordOf(t, { id: 12, title_zh: 1489 }).title_zh, '1489');
  t.is(recordOf(t, { id: 12, title_zh: 1489 }).id, '12');
});

test('a value of the wrong JSON type is refused with what was expected and what came', (t) => {
  t.deepEqual(problemsOf({ id: 'object-title', title_zh: { text: '广济桥' } }), [
    { field: 'title_zh', code: 'wrong_type', received: '{"text":"广济桥"}', params: { expected: 'text' } },
  ]);
  t.deepEqual(problemsOf({ id: 'array-year', title_zh: '数组', start_year: [1990] }), [
    { field: 'start_year', code: 'wrong_type', received: '[1990]', params: { expected: 'year' } },
  ]);
  t.deepEqual(problemsOf({ id: 'object-list', title_zh: '对象', keywords_zh: [{}] }), [
    { field: 'keywords_zh', code: 'wrong_type', received: '[{}]', params: { expected: 'list' } },
  ]);
  t.deepEqual(problemsOf({ id: 'number-type', title_zh: '数字', type: 3 }), [{ field: 'type', code: 'wrong_type', received: '3', params: { expected: 'text' } }]);
});

test('over-long text and lists are refused with their limit; the value shown is truncated', (t) => {
  const [title] = problemsOf({ id: 'long-title', title_zh: '长'.repeat(501) });
  t.like(title, { field: 'title_zh', code: 'too_long', params: { maximum: 500 } });
  t.is(title?.received, `${'长'.repeat(80)}…`);
  t.truthy(recordOf(t, { id: 'long-enough', title_zh: '长'.repeat(500) }));
  t.like(problemsOf({ id: 'long-keyword', title_zh: '关键词', keywords_zh: ['词'.repeat(101)] })[0], { field: 'keywords_zh', code: 'too_long', params: { maximum: 100 } });
  const many = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, index) => `k${index}`);
  t.like(problemsOf({ id: 'many-keywords', title_zh: '太多', keywords_zh: many })[0], { field: 'keywords_zh', code: 'too_many_items', params: { maximum: MAX_LIST_ITEMS } });
});

test('an unknown vocabulary value is refused, listing the keys to choose from', (t) => {
  t.deepEqual(problemsOf({ id: 'castle', title_zh: '城堡', type: 'castle' }), [
    { field: 'type', code: 'not_in_vocabulary', received: 'castle', params: { options: RECORD_TYPES.map((entry) => entry.key).join(', ') } },
  ]);
  t.like(problemsOf({ id: 'level', title_zh: '级别', protection_level: '乡级' })[0], { field: 'protection_level', code: 'not_in_vocabulary', received: '乡级' });
});

test('vocabulary labels and aliases are stored as their keys', (t) => {
  const record = recordOf(t, { id: 'labels', title_zh: '标签', type: 'Canal Section', protection_level: '国保' });
  t.deepEqual([record.type, record.protection_level], ['canal-section', 'national']);
});

test('admin_area levels may be separated by `/`, ` > ` or `›` and are stored with `/`', (t) => {
  for (const written of ['浙江省/杭州市/临平区', '浙江省 / 杭州市 / 临平区', '浙江省 > 杭州市 > 临平区', '浙江省›杭州市›临平区', '/浙江省//杭州市/临平区/']) {
    t.is(recordOf(t, { id: 'area', title_zh: '区划', admin_area: written }).admin_area, '浙江省/杭州市/临平区', written);
  }
});

test('every problem of a row is reported at once, one per field', (t) => {
  const problems = problemsOf({ id: 'many-problems', start_year: 'MCMXC', lat: '200', lon: '120', type: 'castle' });
  t.deepEqual(problems.map((problem) => `${problem.field} ${problem.code}`).sort(), [
    'lat out_of_range',
    'start_year year_unrecognised',
    'title_zh title_required',
    'type not_in_vocabulary',
  ]);
});

test('an unsafe id is mapped to a safe one with a warning, and the original kept in identifier', (t) => {
  const outcome = validateRecord({ id: 'GC/2024 001', title_zh: '斜杠' });
  t.true(outcome.ok);
  if (!outcome.ok) return;
  t.regex(outcome.record.id, /^gc-2024-001-[0-9a-f]{8}$/);
  t.is(outcome.record.identifier, 'GC/2024 001');
  t.deepEqual(outcome.warnings, [{ field: 'id', code: 'id_mapped', received: 'GC/2024 001', params: { id: outcome.record.id } }]);
});

test('an id too long to be kept in identifier is refused, naming id rather than identifier', (t) => {
  const id = 'y'.repeat(300);
  t.deepEqual(problemsOf({ id, title_zh: '太长' }), [{ field: 'id', code: 'too_long', received: `${'y'.repeat(80)}…`, params: { maximum: 256 } }]);
});

test('ids in related and collections are mapped the way record ids are', (t) => {
  const record = recordOf(t, { id: 'refs', title_zh: '引用', related: 'guangji-bridge;GC/2024 001', collections: 'grand-canal' });
  const mapped = recordOf(t, { id: 'GC/2024 001', title_zh: '被引用' }).id;
  t.deepEqual(record.related, ['guangji-bridge', mapped]);
  t.deepEqual(record.collections, ['grand-canal']);
});

test('unknown fields are listed and never reach the record', (t) => {
  const row = JSON.parse('{"id": "extra", "title_zh": "多余", "seq": 7, "content_hash": "x", "__proto__": {"polluted": true}}') as RawRow;
  t.deepEqual(unknownFields(row).sort(), ['__proto__', 'content_hash', 'seq']);
  const record = recordOf(t, row);
  t.deepEqual(Object.keys(record).sort(), ['id', 'title_zh']);
  t.is((record as Record<string, unknown>).polluted, undefined);
  t.is(({} as Record<string, unknown>).polluted, undefined);
});
