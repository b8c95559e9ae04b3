/**
 * The archive cites in APA with the style narrowed to web pages (core/cite/csl/apa-webpage.csl),
 * whose citeproc engine is a small part of the full style's: it must render every record exactly
 * as the full APA 7th style does, and stay what its generator makes from the installed style.
 */
import test from 'ava';
import { readFileSync } from 'node:fs';
import { citationJs } from '../../core/cite/citation-js.ts';
import { cslOfRecord, formatCitation, type CitationContext } from '../../core/cite/cite-record.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { APA_WEBPAGE_FILE, narrowedApaStyle } from '../../scripts/csl/apa-webpage.ts';
import { narrowStyleToType } from '../../scripts/csl/narrow-style-to-type.ts';

const TITLES = [
  'Guangji Bridge', 'the Grand Canal at Tangqi', 'Yujiashan Neolithic Site: Jade Cong (Tomb M12)', 'Seawall, Qing dynasty.', 'What Is a Seawall?',
  'Stone lion — east gate', '“Water North Street” houses', 'Ming & Qing stelae <rubbing>', 'ANCIENT WELL no. 3', 'Tangqi 1920s photographs, vol. 2',
  'A'.repeat(300), 'Qianlong’s stele! Rubbing', 'Grand Canal (Linping section); survey 2024', 'e.g. a title in lower case', 'Title with trailing space ',
];
const ZH_TITLES = ['广济桥', '乾隆御碑', '京杭大运河塘栖段', '《水北街》民居', '塘栖古镇：历史建筑（第二批）', '玉架山遗址。'];
const ARCHIVES = ['Linping Heritage Archive', 'Linping Heritage Archive.', 'Archive of Linping & Tangqi', 'Hangzhou (Linping) Archive'];
const DATES = ['2026-11-27T05:11:00Z', '2024-02-29T23:59:59Z', '1999-01-01T00:00:00Z', '2026-12-31T12:00:00Z'];
const ORIGINS = ['https://heritage.example.org', 'http://localhost:3000', 'https://example.org/archive'];

/** Records of every shape the archive cites: English and Chinese titles, punctuation, dates, names, origins. */
function variedCases(): { record: ArchiveRecord; context: CitationContext }[] {
  const cases = [];
  for (const [i, title] of [...TITLES, ...ZH_TITLES].entries()) {
    const chinese = i >= TITLES.length;
    const record = { id: `record-${i}`, ...(chinese ? { title_zh: title } : { title_en: title, title_zh: ZH_TITLES[i % ZH_TITLES.length] }) } as ArchiveRecord;
    const context: CitationContext = {
      publicOrigin: ORIGINS[i % ORIGINS.length]!,
      archiveName: { zh: '杭州市临平区文化遗产档案', en: ARCHIVES[i % ARCHIVES.length]! },
      modified: DATES[i % DATES.length]!,
      accessed: new Date(DATES[(i + 1) % DATES.length]!),
    };
    cases.push({ record, context });
  }
  return cases;
}

test('APA narrowed to web pages cites every kind of record exactly as the full APA 7th style does, as text and as HTML', (t) => {
  const { Cite } = citationJs();
  const cases = variedCases();
  for (const { record, context } of cases) {
    const item = new Cite(cslOfRecord(record, 'en', context));
    for (const format of ['text', 'html']) {
      const full = item.format('bibliography', { format, template: 'apa', lang: 'en-US' });
      t.is(item.format('bibliography', { format, template: 'apa-webpage', lang: 'en-US' }), full, `${record.id} (${format})`);
    }
    t.is(formatCitation(record, 'apa', context), item.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }).trim());
  }
  t.is(cases.length, TITLES.length + ZH_TITLES.length);
});

test('the shipped narrowed APA is what npm run generate:apa-webpage makes from the installed style', (t) => {
  t.is(readFileSync(APA_WEBPAGE_FILE, 'utf8'), narrowedApaStyle());
});

test('narrowing a style to one type keeps the branches its type takes or cannot decide alone, and the macros they call', (t) => {
  const style = [
    '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">',
    '<macro name="book-title"><text variable="title"/></macro>',
    '<macro name="web-title"><text variable="title" font-style="italic"/></macro>',
    '<bibliography><layout><choose>',
    '<if type="book chapter" match="any"><text macro="book-title"/></if>',
    '<else-if type="webpage" variable="URL" match="all"><text variable="URL"/></else-if>',
    '<else-if type="webpage post" match="any"><text macro="web-title"/></else-if>',
    '<else><text value="other"/></else>',
    '</choose><choose><if type="book"><text value="book"/></if><else><text value="not a book"/></else></choose></layout></bibliography></style>',
  ].join('');
  t.is(
    narrowStyleToType(style, 'webpage'),
    [
      '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">',
      '<macro name="web-title"><text variable="title" font-style="italic"/></macro>',
      '<bibliography><layout><choose>',
      '<if type="webpage" variable="URL" match="all"><text variable="URL"/></if>',
      '<else-if type="webpage post" match="any"><text macro="web-title"/></else-if>',
      '</choose><choose><if type="webpage" match="any"><text value="not a book"/></if></choose></layout></bibliography></style>',
    ].join(''),
  );
});
