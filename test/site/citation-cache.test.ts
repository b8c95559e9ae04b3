/**
 * The record page's citations are formatted once per record state and kept: what the page shows
 * is what formatting the record now would give, an edit shows at once, and the kept texts are
 * the ones citation-js formats.
 */
import test from 'ava';
import request from 'supertest';
import { formatCitation, type CitationContext, type CitationStyle } from '../../core/cite/cite-record.ts';
import { loadConfig } from '../../core/config.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { createApp } from '../../server/app.ts';
import { createCitationCache } from '../../server/present/citation-cache.ts';
import { addRecords, openTempArchive } from '../helpers/temp-archive.ts';
import { bridge, context } from '../cite/helpers/citation-fixture.ts';
import { silentLogger } from './helpers/fixture-site.ts';

/** The cache asked as the record page asks it: a record in a context, then a style. */
const cachedFormat = (max?: number) => {
  const citationsOf = createCitationCache(max);
  return (record: ArchiveRecord, style: CitationStyle, asked: CitationContext) => citationsOf(record, asked)(style);
};

test('a kept citation is the text citation-js formats, in every style, asked once or twice', (t) => {
  const format = cachedFormat();
  for (const style of ['gbt7714', 'apa', 'chicago'] as const) {
    const expected = formatCitation(bridge, style, context);
    t.is(format(bridge, style, context), expected, style);
    t.is(format(bridge, style, context), expected, `${style}, kept`);
  }
});

test('a change of title, datestamp or day of access gives a new citation, even within the same second', (t) => {
  const format = cachedFormat();
  t.is(format(bridge, 'gbt7714', context), '杭州市临平区文化遗产档案. 广济桥[EB/OL]. (2026-11-27)[2026-12-01]. https://heritage.example.org/items/guangji-bridge.');
  t.is(format({ ...bridge, title_zh: '广济古桥' }, 'gbt7714', context), '杭州市临平区文化遗产档案. 广济古桥[EB/OL]. (2026-11-27)[2026-12-01]. https://heritage.example.org/items/guangji-bridge.');
  t.is(format(bridge, 'apa', { ...context, modified: '2026-11-28T00:00:00Z' }), 'Linping Heritage Archive. (2026, November 28). Guangji Bridge. https://heritage.example.org/items/guangji-bridge');
  t.is(format(bridge, 'chicago', { ...context, accessed: new Date('2026-12-02T08:00:00Z') }), formatCitation(bridge, 'chicago', { ...context, accessed: new Date('2026-12-02T08:00:00Z') }));
});

test('a cache holding fewer records than are asked still answers each with its own citation', (t) => {
  const format = cachedFormat(2);
  const records = ['塘栖', '临平', '运河'].map((title, i) => ({ id: `r${i}`, title_zh: title }) as ArchiveRecord);
  for (let round = 0; round < 2; round++) {
    for (const record of records) t.true(format(record, 'gbt7714', context).includes(`${record.title_zh}[EB/OL]`), record.id);
  }
});

test('the record page shows the citation of the record as it is now: an edit shows on the next page', async (t) => {
  const { dir, catalog, engine } = openTempArchive(t);
  await addRecords({ catalog, engine }, [{ id: 'r1', title_zh: '广济桥', title_en: 'Guangji Bridge', type: 'bridge' }]);
  const app = createApp({ config: loadConfig({ ARCHIVE_DATA_DIR: dir, LOG_LEVEL: 'silent' }), catalog, engine, logger: silentLogger });
  for (let i = 0; i < 2; i++) {
    const page = await request(app).get('/items/r1');
    t.is(page.status, 200);
    t.regex(page.text, /广济桥\[EB\/OL\]/);
    t.regex(page.text, /Guangji Bridge/);
  }
  await addRecords({ catalog, engine }, [{ id: 'r1', title_zh: '广济古桥', title_en: 'Old Guangji Bridge', type: 'bridge' }]);
  const edited = await request(app).get('/items/r1');
  t.is(edited.status, 200);
  t.regex(edited.text, /广济古桥\[EB\/OL\]/);
  t.notRegex(edited.text, /广济桥\[EB\/OL\]/);
  t.regex(edited.text, /Old Guangji Bridge/);
});
