import test from 'ava';
import { isoYear, isoYearInstant } from '../../core/linked-data/iso-year.ts';
import { schemaOrgOf } from '../../core/linked-data/schema-org.ts';
import { validateRecord } from '../../core/schema/validate-record.ts';

const context = {
  publicOrigin: 'https://heritage.example.org',
  collectionById: new Map([['yujiashan-liangzhu', { id: 'yujiashan-liangzhu', order: 0, title_zh: '玉架山与良渚文化', title_en: 'Yujiashan and the Liangzhu culture' }]]),
  modified: '2026-12-01T09:30:00Z',
};

test('years are written in ISO 8601 astronomical numbering: 1 BCE is year 0000, 3300 BCE is -3299', (t) => {
  t.deepEqual([-3300, -221, -1, 1, 8, 1489].map(isoYear), ['-3299', '-0220', '0000', '0001', '0008', '1489']);
  t.is(isoYearInstant(-3300, 'begin'), '-3299-01-01T00:00:00Z');
  t.is(isoYearInstant(1644, 'end'), '1644-12-31T23:59:59Z');
});

test('an artefact is an ArchiveComponent with its BCE span as temporal coverage, its collections and its place', (t) => {
  const outcome = validateRecord({
    id: 'jade-cong',
    title_zh: '玉琮',
    title_en: 'Jade cong',
    type: 'artifact',
    start_year: '3300 BCE',
    end_year: '2300 BCE',
    place_zh: '玉架山',
    collections: 'yujiashan-liangzhu',
    keywords_en: 'jade;Liangzhu',
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  const data = schemaOrgOf(outcome.record, context) as Record<string, unknown>;
  t.like(data, { '@type': 'ArchiveComponent', temporalCoverage: '-3299/-2299', identifier: 'jade-cong' });
  t.deepEqual(data.isPartOf, [{ '@type': 'Collection', '@id': 'https://heritage.example.org/collections/yujiashan-liangzhu', name: [{ '@value': '玉架山与良渚文化', '@language': 'zh-Hans' }, { '@value': 'Yujiashan and the Liangzhu culture', '@language': 'en' }] }]);
  t.deepEqual(data.spatialCoverage, [{ '@type': 'Place', name: { '@value': '玉架山', '@language': 'zh-Hans' } }]);
  t.deepEqual(data.keywords, [{ '@value': 'jade', '@language': 'en' }, { '@value': 'Liangzhu', '@language': 'en' }]);
  t.is(data.geo, undefined, 'geo belongs to places');
});
