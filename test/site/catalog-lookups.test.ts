/**
 * The period names every page labels its facets with come from a scan of every record: they are
 * read again when a page meets a period they lack, or once they are old, never on every write
 * (an import writes every second).
 */
import test from 'ava';
import { CatalogLookups } from '../../server/catalog-lookups.ts';
import { addRecords, openTempArchive } from '../helpers/temp-archive.ts';

const han = (id: string) => ({ id, title_zh: `汉代遗存${id}`, period_zh: '汉', period_en: 'Han dynasty' });

/** Counts the catalog's period-name scans. */
function countScans(catalog: { periodNames(): unknown[] }): { scans: number } {
  const counter = { scans: 0 };
  const scan = catalog.periodNames.bind(catalog);
  catalog.periodNames = () => (counter.scans++, scan());
  return counter;
}

test('writes of periods the labels know read no names again; a new period is labelled once a page has asked for it', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [han('han-1')]);
  const counter = countScans(archive.catalog);
  const lookups = new CatalogLookups(archive.catalog, { missedPeriodRetryMs: 0 });
  t.is(lookups.current().periodLabels.get('汉')?.en, 'Han dynasty');
  await addRecords(archive, [han('han-2'), han('han-3')]);
  t.is(lookups.current().periodLabels.get('汉')?.en, 'Han dynasty');
  t.is(counter.scans, 1, 'the write changed no period: no second scan');

  await addRecords(archive, [{ id: 'ming-1', title_zh: '明代石桥', period_zh: '明', period_en: 'Ming dynasty' }]);
  t.is(lookups.current().periodLabels.get('明'), undefined, 'not read yet: nobody had asked for it');
  t.is(lookups.current().periodLabels.get('明')?.en, 'Ming dynasty', 'read once a page asked for it');
  t.is(counter.scans, 2);
});

test('a period renamed by a write is read again once the names are older than their maximum age', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [han('han-1')]);
  const lookups = new CatalogLookups(archive.catalog, { periodNamesMaxAgeMs: 0 });
  t.is(lookups.current().periodLabels.get('汉')?.en, 'Han dynasty');
  await addRecords(archive, [{ ...han('han-1'), period_en: 'Han' }]);
  t.is(lookups.current().periodLabels.get('汉')?.en, 'Han');
  t.is(lookups.current().collections.length, 0, 'collections are read with them');
});
