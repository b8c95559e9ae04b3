import test from 'ava';
import { formatYearSpan } from '../../core/i18n/format-year-span.ts';

test('a span entirely before the common era names the era once in each language', (t) => {
  t.is(formatYearSpan(-3300, -2300, 'zh'), '公元前3300年–前2300年');
  t.is(formatYearSpan(-3300, -2300, 'en'), '3300–2300 BCE');
});

test('a span from BCE into CE names both eras', (t) => {
  t.is(formatYearSpan(-221, 8, 'zh'), '公元前221年–公元8年');
  t.is(formatYearSpan(-221, 8, 'en'), '221 BCE – 8 CE');
});

test('a span in the common era needs no era', (t) => {
  t.is(formatYearSpan(1368, 1644, 'zh'), '1368年–1644年');
  t.is(formatYearSpan(1368, 1644, 'en'), '1368–1644');
});

test('a single year is written once', (t) => {
  t.is(formatYearSpan(1489, 1489, 'zh'), '1489年');
  t.is(formatYearSpan(1489, 1489, 'en'), '1489');
  t.is(formatYearSpan(-221, -221, 'zh'), '公元前221年');
  t.is(formatYearSpan(-221, -221, 'en'), '221 BCE');
});

test('one missing end gives the other year alone, and no years give nothing', (t) => {
  t.is(formatYearSpan(1489, undefined, 'en'), '1489');
  t.is(formatYearSpan(undefined, -2300, 'zh'), '公元前2300年');
  t.is(formatYearSpan(undefined, undefined, 'zh'), undefined);
});

test('1 BCE to 1 CE are neighbouring years, with no year 0 between them', (t) => {
  t.is(formatYearSpan(-1, 1, 'zh'), '公元前1年–公元1年');
  t.is(formatYearSpan(-1, 1, 'en'), '1 BCE – 1 CE');
});

test('a span reaching the last year the schema accepts is still going', (t) => {
  t.is(formatYearSpan(1949, 2100, 'zh'), '1949年至今');
  t.is(formatYearSpan(1949, 2100, 'en'), '1949 – present');
  t.is(formatYearSpan(-221, 2100, 'en'), '221 BCE – present');
});
