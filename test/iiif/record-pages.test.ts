import test from 'ava';
import { HIDDEN } from '../../core/catalog/visibility.ts';
import { addRecords, openTempArchive } from '../helpers/temp-archive.ts';

const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `r${String(index + 1).padStart(2, '0')}`, title_en: `Record ${index + 1}` }));

test('the archive is read in fixed pages of catalog keys, each holding only what the public may see', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, rows(10));
  const { catalog } = archive;
  // Keys 1–3, 4–6, 7–9, 10: hide one on the first page, the whole third page, delete one of the second.
  catalog.setVisibility(['r02', 'r07', 'r08'], HIDDEN, { actor: 'test' });
  catalog.setVisibility(['r09'], { state: 'embargoed', until: '2999-01-01T00:00:00Z' }, { actor: 'test' });
  catalog.deleteRecords(['r05']);
  t.deepEqual(catalog.pages.numbers(3), [1, 2, 4], 'the page with nothing public is not listed');
  const ids = (page: number) => catalog.pages.records(page, 3).map((stored) => stored.record.id);
  t.deepEqual(ids(1), ['r01', 'r03']);
  t.deepEqual(ids(2), ['r04', 'r06']);
  t.deepEqual(ids(3), []);
  t.deepEqual(ids(4), ['r10']);
  t.deepEqual(ids(1_000_000), []);
});

test('an embargo that has ended puts its record back on its page, with no write', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, rows(4));
  archive.catalog.setVisibility(['r03', 'r04'], { state: 'embargoed', until: '2030-06-01T00:00:00Z' }, { actor: 'test' });
  const before = Date.parse('2030-05-31T23:59:59Z');
  const after = Date.parse('2030-06-01T00:00:00Z');
  t.deepEqual(archive.catalog.pages.numbers(2, before), [1]);
  t.deepEqual(archive.catalog.pages.numbers(2, after), [1, 2]);
  t.deepEqual(archive.catalog.pages.records(2, 2, after).map((stored) => stored.record.id), ['r03', 'r04']);
});

test('records added later go on later pages: a page keeps its records as the archive grows', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, rows(5));
  const first = archive.catalog.pages.records(1, 2).map((stored) => stored.record.id);
  await addRecords(archive, [{ id: 'later', title_en: 'Added later' }]);
  t.deepEqual(archive.catalog.pages.records(1, 2).map((stored) => stored.record.id), first);
  t.deepEqual(archive.catalog.pages.records(3, 2).map((stored) => stored.record.id), ['r05', 'later']);
});
