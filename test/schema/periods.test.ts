import test from 'ava';
import { matchPeriods, periodContaining, periodOrder, PERIODS } from '../../core/schema/periods.ts';
import { validateRecord } from '../../core/schema/validate-record.ts';

const keys = (cell: string) => matchPeriods(cell).map((period) => period.key);

test('a period is recognised by its Chinese or English name, with or without 代, 朝 or "dynasty"', (t) => {
  for (const name of ['明', '明代', '明朝', 'Ming', 'Ming dynasty', 'ming']) t.deepEqual(keys(name), ['ming'], name);
  t.deepEqual(keys('良渚文化'), ['liangzhu']);
  t.deepEqual(keys('Liangzhu culture'), ['liangzhu']);
  t.deepEqual(keys('五代吴越'), ['wuyue']);
});

test('a cell naming two periods gives both', (t) => {
  for (const cell of ['明、清', '明清', 'Ming and Qing dynasties', '明;清']) t.deepEqual(keys(cell), ['ming', 'qing'], cell);
});

test('a name outside the vocabulary is not guessed at', (t) => {
  t.deepEqual(keys('新石器时代晚期'), []);
  t.deepEqual(keys('民居'), []);
});

test('years find the narrowest period that contains them, BCE included', (t) => {
  t.is(periodContaining(1489, 1489)?.key, 'ming');
  t.is(periodContaining(-3300, -2300)?.key, 'liangzhu');
  t.is(periodContaining(-221, -207)?.key, 'qin');
  t.is(periodContaining(1368, 1911), undefined, 'a span across dynasties names none');
});

test('periods are in chronological order', (t) => {
  const starts = PERIODS.map((period) => period.start);
  t.true(periodOrder('liangzhu') < periodOrder('qin') && periodOrder('qin') < periodOrder('ming'));
  t.is(starts.filter((start, index) => index > 0 && start < starts[index - 1]! - 1000).length, 0);
});

test('a record naming a known period without years gets the period’s years', (t) => {
  const outcome = validateRecord({ id: 'a', title_zh: '测试', period_zh: '秦' });
  t.true(outcome.ok);
  if (outcome.ok) t.deepEqual([outcome.record.start_year, outcome.record.end_year], [-221, -207]);
});

test('a record with years and no period gets the period that contains them', (t) => {
  const outcome = validateRecord({ id: 'a', title_en: 'Test', start_year: '1489' });
  t.true(outcome.ok);
  if (outcome.ok) t.deepEqual([outcome.record.period_zh, outcome.record.period_en], ['明', 'Ming dynasty']);
});

test('years that contradict the period import with a warning, never a rejection', (t) => {
  const outcome = validateRecord({ id: 'a', title_zh: '测试', period_zh: '明', start_year: '公元前221年', end_year: '-207' });
  t.true(outcome.ok);
  t.deepEqual(outcome.warnings.map((warning) => warning.code), ['period_years_disagree']);
  if (outcome.ok) t.deepEqual([outcome.record.start_year, outcome.record.period_zh], [-221, '明']);
});

test('a period still going on names no end year, so it fills in none', (t) => {
  const outcome = validateRecord({ id: 'a', title_zh: '测试', period_zh: '中华人民共和国' });
  t.true(outcome.ok);
  if (outcome.ok) t.deepEqual([outcome.record.start_year, outcome.record.end_year], [undefined, undefined]);
});

test('a period named in one language only gets its name in the other from the vocabulary', (t) => {
  const chinese = validateRecord({ id: 'a', title_zh: '测试', period_zh: '明代' });
  if (chinese.ok) t.deepEqual([chinese.record.period_zh, chinese.record.period_en], ['明代', 'Ming dynasty'], 'the curator’s own name is kept');
  const english = validateRecord({ id: 'b', title_en: 'Test', period_en: 'Neolithic' });
  if (english.ok) t.deepEqual([english.record.period_zh, english.record.period_en], ['新石器时代', 'Neolithic']);
  const both = validateRecord({ id: 'c', title_zh: '测试', period_zh: '明、清' });
  if (both.ok) t.is(both.record.period_en, 'Ming dynasty, Qing dynasty');
  const unknown = validateRecord({ id: 'd', title_zh: '测试', period_zh: '明鄭時期' });
  if (unknown.ok) t.is(unknown.record.period_en, undefined, 'a name outside the vocabulary is not translated');
  t.true(chinese.ok && english.ok && both.ok && unknown.ok);
});
