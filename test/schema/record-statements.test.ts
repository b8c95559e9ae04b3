import test from 'ava';
import { fieldMeta, RECORD_FIELDS } from '../../core/schema/record.ts';
import { recordStatements } from '../../core/schema/record-statements.ts';
import { validateRecord } from '../../core/schema/validate-record.ts';

const context = {
  publicOrigin: 'https://heritage.example.org',
  collectionById: new Map([['grand-canal', { id: 'grand-canal', order: 0, title_zh: '大运河', title_en: 'The Grand Canal' }]]),
};

function record(row: Record<string, unknown>) {
  const outcome = validateRecord(row);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.record;
}

test('every field that leaves the archive declares its Dublin Core element and its label; internal ones declare neither', (t) => {
  const internal = RECORD_FIELDS.filter((field) => fieldMeta(field).dc === undefined);
  t.deepEqual(internal, ['images', 'coordinates_source', 'geometry']);
  for (const field of RECORD_FIELDS) t.is(fieldMeta(field).dc === undefined, fieldMeta(field).label === undefined, field);
});

test('a bilingual record states each field once, its values tagged with their languages', (t) => {
  const statements = recordStatements(
    record({
      id: 'guangji-bridge',
      title_zh: '广济桥',
      title_en: 'Guangji Bridge',
      type: 'bridge',
      start_year: '-221',
      end_year: '8',
      collections: 'grand-canal;unknown-collection',
      keywords_zh: '石拱桥;运河',
      related: 'shangtang-river',
      lat: '30.48',
      lon: '120.19',
    }),
    context,
  );
  const byLabel = Object.fromEntries(statements.map((statement) => [statement.label, statement]));
  t.deepEqual(byLabel['site.field.id']?.values, [{ value: 'https://heritage.example.org/items/guangji-bridge' }]);
  t.like(byLabel['site.field.title'], { dc: 'title', schemaOrg: 'name', fields: ['title_zh', 'title_en'], values: [{ value: '广济桥', lang: 'zh' }, { value: 'Guangji Bridge', lang: 'en' }] });
  t.deepEqual(byLabel['site.field.type']?.values, [{ value: '桥梁', lang: 'zh' }, { value: 'Bridge', lang: 'en' }]);
  t.deepEqual(byLabel['site.field.years']?.values, [{ value: '公元前221年–公元8年', lang: 'zh' }, { value: '221 BCE – 8 CE', lang: 'en' }]);
  t.deepEqual(byLabel['site.field.years']?.fields, ['start_year', 'end_year']);
  t.deepEqual(byLabel['site.field.collections']?.values, [{ value: '大运河', lang: 'zh' }, { value: 'The Grand Canal', lang: 'en' }, { value: 'unknown-collection' }]);
  t.deepEqual(byLabel['site.field.keywords']?.values, [{ value: '石拱桥', lang: 'zh' }, { value: '运河', lang: 'zh' }]);
  t.deepEqual(byLabel['site.field.related']?.values, [{ value: 'https://heritage.example.org/items/shangtang-river' }]);
  t.deepEqual(byLabel['site.field.coordinates']?.values, [{ value: '30.48, 120.19' }]);
  t.is(byLabel['site.field.description'], undefined, 'an empty field states nothing');
});
