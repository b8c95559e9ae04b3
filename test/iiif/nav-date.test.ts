import test from 'ava';
import { navDateOf } from '../../server/iiif/nav-date.ts';
import { officialValidatorErrorCounts, schemaErrors, XSD_DATE_TIME } from './helpers/iiif-schema.ts';

test('a CE year is its first instant in UTC, four digits at least', (t) => {
  t.is(navDateOf(1489), '1489-01-01T00:00:00Z');
  t.is(navDateOf(618), '0618-01-01T00:00:00Z');
  t.is(navDateOf(1), '0001-01-01T00:00:00Z');
});

test('a BCE year is numbered astronomically, as XSD 1.1 dateTime numbers it', (t) => {
  // The archive's −3300 is 3300 BCE; XSD's year 0000 is 1 BCE, so 3300 BCE is −3299.
  t.is(navDateOf(-3300), '-3299-01-01T00:00:00Z');
  t.is(navDateOf(-221), '-0220-01-01T00:00:00Z');
  t.is(navDateOf(-1), '0000-01-01T00:00:00Z');
  t.is(navDateOf(-100_000), '-99999-01-01T00:00:00Z');
});

test('every navDate the archive writes is an XSD dateTime with a time zone', (t) => {
  for (const year of [-100_000, -3300, -1, 1, 618, 2100]) t.regex(navDateOf(year), XSD_DATE_TIME);
  for (const invalid of ['1489-01-01T00:00:00', '+1489-01-01T00:00:00Z', '221-01-01T00:00:00Z', '1489-13-01T00:00:00Z']) t.notRegex(invalid, XSD_DATE_TIME, invalid);
});

test('a BCE navDate passes the schema under both checks, and a navDate without a time zone fails ajv', (t) => {
  const manifest = (navDate: string) => ({
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://archive.example.org/iiif/manifests/x',
    type: 'Manifest',
    label: { en: ['x'] },
    navDate,
    items: [{ id: 'https://archive.example.org/iiif/manifests/x/canvas/1', type: 'Canvas', width: 10, height: 10, items: [] }],
  });
  t.deepEqual(schemaErrors(manifest(navDateOf(-3300))), []);
  t.deepEqual(officialValidatorErrorCounts({ bce: manifest(navDateOf(-3300)) }), { bce: 0 });
  t.true(schemaErrors(manifest('1489-01-01')).length > 0);
});
