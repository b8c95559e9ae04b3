/**
 * The timeline view: a result set's periods on one axis from the Neolithic to today, BCE written
 * as 公元前… / … BCE, every period linking to the list of its records, and a table that says the
 * same in text.
 */
import test from 'ava';
import { PERIODS } from '../../core/schema/periods.ts';
import { AXIS_END, AXIS_START, axisPosition, TIMELINE_SCALE } from '../../server/present/timeline-scale.ts';
import { hostilePeriodValue } from '../fixtures/site/index.ts';
import { withFixtureSite } from './helpers/fixture-site.ts';
import { decodeEntities, totalOf } from './helpers/html.ts';

const { test: typed, get } = withFixtureSite();

/** The table's rows: period link, years, count. */
function tableRows(html: string): { href: string; label: string; years: string; count: number }[] {
  const body = html.match(/<table class="timeline__table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...body.matchAll(/<tr><th scope="row"><a href="([^"]*)"[^>]*>([^<]*)<\/a><\/th><td[^>]*>([^<]*)<\/td><td class="timeline__count">(\d+)<\/td><\/tr>/g)].map((m) => ({
    href: decodeEntities(m[1]!),
    label: decodeEntities(m[2]!),
    years: decodeEntities(m[3]!),
    count: Number(m[4]),
  }));
}

/** The chart's bars: link, x, width and label, in drawing order. */
function bars(html: string): { href: string; x: number; width: number; text: string }[] {
  return [...html.matchAll(/<a class="timeline__row[^"]*" href="([^"]*)" tabindex="-1">\s*<rect class="timeline__bar" x="([\d.]+)%" y="[\d.]+" width="([\d.]+)%"[^>]*\/>\s*<text[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    href: decodeEntities(m[1]!),
    x: Number(m[2]),
    width: Number(m[3]),
    text: decodeEntities(m[4]!),
  }));
}

test('the axis runs from the earliest period of the vocabulary to the latest, without gaps or overlaps', (t) => {
  for (const period of PERIODS) t.true(period.start >= AXIS_START && period.end <= AXIS_END, period.key);
  t.is(Math.round(TIMELINE_SCALE.reduce((sum, piece) => sum + piece.share, 0) * 1e9) / 1e9, 1);
  for (let i = 1; i < TIMELINE_SCALE.length; i++) t.is(TIMELINE_SCALE[i]!.from, TIMELINE_SCALE[i - 1]!.to);
  t.is(axisPosition(AXIS_START), 0);
  t.is(axisPosition(AXIS_END), 1);
  t.is(axisPosition(-999_999), 0, 'years before the axis are clamped');
});

test('the Ming dynasty is no narrower on the axis than the Liangzhu culture, whose span is nearly four times longer', (t) => {
  const width = (key: string) => {
    const period = PERIODS.find((entry) => entry.key === key)!;
    return axisPosition(period.end) - axisPosition(period.start);
  };
  t.true(width('ming') >= width('liangzhu'), `Ming ${width('ming')}, Liangzhu ${width('liangzhu')}`);
  t.true(width('liangzhu') > 0.05, 'the Liangzhu culture is still readable');
  let previous = -1;
  for (let year = AXIS_START; year <= AXIS_END; year += 50) {
    t.true(axisPosition(year) > previous, `the axis grows with the years at ${year}`);
    previous = axisPosition(year);
  }
});

typed('the timeline draws the periods in chronological order on one axis, with BCE labels in both languages', async (t) => {
  const english = await get(t, '/search?view=timeline');
  t.is(english.status, 200);
  const drawn = bars(english.text);
  t.deepEqual(drawn.map((bar) => bar.text), ['Liangzhu culture · 2', 'Qin dynasty · 1', 'Han dynasty · 1', 'Ming dynasty · 15', 'Qing dynasty · 20']);
  for (let i = 1; i < drawn.length; i++) t.true(drawn[i]!.x >= drawn[i - 1]!.x, 'later periods sit further right');
  t.true(english.text.includes('>3000 BCE</text>'));
  t.true(english.text.includes('>1 CE</text>'));
  t.deepEqual(tableRows(english.text).slice(0, 3).map((row) => row.years), ['3300–2300 BCE', '221–207 BCE', '202 BCE – 220 CE']);
  t.true(english.text.includes('The scale changes at 3000 BCE, 1000 BCE, 1 CE, 1000 CE'));

  const chinese = await get(t, '/search?view=timeline', 'zh');
  t.true(chinese.text.includes('>公元前3000年</text>'));
  t.true(chinese.text.includes('>公元1年</text>'));
  t.deepEqual(tableRows(chinese.text).slice(0, 3).map((row) => row.years), ['公元前3300年–前2300年', '公元前221年–前207年', '公元前202年–公元220年']);
  t.deepEqual(bars(chinese.text).map((bar) => bar.text), ['良渚文化 · 2', '秦 · 1', '汉 · 1', '明 · 15', '清 · 20']);
});

typed('every period of the timeline links to the list of its records, which holds as many as it counted', async (t) => {
  const page = await get(t, `/search?view=timeline&q=${encodeURIComponent('塘栖')}`);
  const rows = tableRows(page.text);
  t.true(rows.length >= 2);
  for (const row of rows) {
    const list = await get(t, row.href);
    t.is(list.status, 200, row.href);
    t.is(totalOf(list.text), row.count, `${row.label} promised ${row.count}`);
    t.false(row.href.includes('view='), 'the links lead to the list');
    t.true(row.href.startsWith(`/search?q=${encodeURIComponent('塘栖')}&period=`), 'the search is kept');
  }
  t.deepEqual(bars(page.text).map((bar) => bar.href), rows.filter((row) => !row.years.includes('Not on')).map((row) => row.href), 'the chart links where the table does');
});

typed('a period outside the vocabulary is listed in the table, off the axis, and its link works too', async (t) => {
  const page = await get(t, '/search?view=timeline');
  const other = tableRows(page.text).find((row) => row.years === 'Not on the timeline');
  t.truthy(other);
  t.is(other!.href, `/search?period=${encodeURIComponent(hostilePeriodValue).replace(/%20/g, '+')}`);
  t.is(totalOf((await get(t, other!.href)).text), other!.count);
  t.false(bars(page.text).some((bar) => bar.href === other!.href));
});

typed('choosing a period replaces the one chosen before, and the chosen period is marked', async (t) => {
  const page = await get(t, '/search?view=timeline&period=ming');
  const qing = tableRows(page.text).find((row) => row.label === 'Qing dynasty')!;
  t.is(qing.href, '/search?period=qing');
  t.true(page.text.includes('<a href="/search?period&#x3D;ming" aria-current="true">Ming dynasty</a>'));
  t.true(page.text.includes('class="timeline__row timeline__row--selected"'));
});

typed('a year range in force is shaded on the axis', async (t) => {
  const page = await get(t, '/search?view=timeline&year_from=-3500&year_to=1000');
  t.regex(page.text, /<rect class="timeline__range" x="[\d.]+%" y="0" width="[\d.]+%"/);
  t.true(page.text.includes('<span class="chip__facet">Years:</span> 3500 BCE to 1000 CE'), 'a range across the eras names both');
  const chinese = await get(t, '/search?view=timeline&year_from=-3500&year_to=1000', 'zh');
  t.true(chinese.text.includes('<span class="chip__facet">年代范围:</span> 公元前3500年至公元1000年'));
  t.false((await get(t, '/search?view=timeline')).text.includes('timeline__range'));
});

typed('the chart is hidden from assistive technology and out of the tab order; the table is the text equivalent', async (t) => {
  const page = await get(t, '/search?view=timeline');
  t.true(page.text.includes('<svg class="timeline__chart" width="100%" height="'));
  t.regex(page.text, /<svg class="timeline__chart"[^>]*aria-hidden="true"/);
  const chart = page.text.match(/<svg class="timeline__chart"[\s\S]*?<\/svg>/)![0];
  const links = [...chart.matchAll(/<a\s[^>]*>/g)].map((m) => m[0]);
  t.is(links.length, 5);
  t.true(links.every((link) => link.includes('tabindex="-1"')));
  t.true(page.text.includes('<caption>Records per period</caption>'));
  t.false(/\sstyle=/.test(page.text), 'positions are SVG attributes, not style');
  t.is(page.text.match(/<ol class="hits">/), null, 'the timeline replaces the list of hits');
});

typed('the timeline has no pages, works on a collection page, and says so when nothing has a period', async (t) => {
  const paged = await get(t, '/search?view=timeline&page=2');
  t.is(paged.status, 200);
  t.true(paged.text.includes(`<link rel="canonical" href="${t.context.config.publicOrigin}/search?view&#x3D;timeline">`));
  const collection = await get(t, '/collections/liangzhu?view=timeline');
  t.deepEqual(bars(collection.text).map((bar) => bar.text), ['Liangzhu culture · 2']);
  t.is(bars(collection.text)[0]!.href, '/collections/liangzhu?period=liangzhu');
  const none = await get(t, '/search?view=timeline&type=document&q=english');
  t.true(none.text.includes('None of these records has a period that can be placed on the timeline.'));
});
