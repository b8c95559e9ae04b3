/**
 * Import modes: create-or-update (default), create only, update only, and "update without
 * touching unmapped fields" — the guarantee that a partial file never blanks the columns it lacks.
 */
import test from 'ava';
import { BATCH_SIZE } from '../../ingest/import-records-file.ts';
import { runIngest } from '../../ingest/run-ingest.ts';
import { importPaths, openWorkspace, storedIds } from './helpers/import-files.ts';

const FULL = [
  'id,title_zh,title_en,description_zh,period_zh,start_year,end_year,lat,lon,keywords_zh,visibility',
  'guangji-bridge,广济桥,Guangji Bridge,明代七孔石拱桥,明,1489,1489,30.4783,120.2977,运河;石拱桥,public',
  'yujiashan-site,玉架山遗址,Yujiashan Site,良渚文化聚落遗址,良渚文化,-3300,-2300,30.4228,120.3112,良渚,hidden',
].join('\n');

test('merge: a file of only id and title_en changes English titles and blanks nothing it has no column for', async (t) => {
  const archive = openWorkspace(t);
  await importPaths(archive, [archive.write('full.csv', FULL)]);
  const before = archive.catalog.getRecord('yujiashan-site')!;
  const partial = archive.write('partial.csv', 'id,title_en\nguangji-bridge,Guangji Stone Bridge\nyujiashan-site,Yujiashan Neolithic Site\n');
  const report = await importPaths(archive, [partial], { mode: 'merge' });
  t.deepEqual(report.totals(), { created: 0, updated: 2, unchanged: 0, failed: 0 });
  const after = archive.catalog.getRecord('yujiashan-site')!;
  t.deepEqual(after.record, { ...before.record, title_en: 'Yujiashan Neolithic Site' });
  t.deepEqual(after.visibility, before.visibility);
  t.deepEqual(archive.catalog.getRecord('guangji-bridge')?.record.keywords_zh, ['运河', '石拱桥']);
  // The same partial file again changes nothing.
  t.deepEqual((await importPaths(archive, [partial], { mode: 'merge' })).totals(), { created: 0, updated: 0, unchanged: 2, failed: 0 });
});

test('merge: lat alone completes against the stored lon, an emptied cell empties its field, unknown ids are refused', async (t) => {
  const archive = openWorkspace(t);
  await importPaths(archive, [archive.write('full.csv', FULL)]);
  const partial = archive.write('partial.csv', 'id,lat,description_zh\nguangji-bridge,30.5,\nnew-record,30.1,新的\n');
  const report = await importPaths(archive, [partial], { mode: 'merge' });
  t.deepEqual(report.totals(), { created: 0, updated: 1, unchanged: 0, failed: 1 });
  t.like(report.entries[0], { line: 3, field: 'id', message: { key: 'row.not_in_archive', params: { id: 'new-record' } } });
  t.like(archive.catalog.getRecord('guangji-bridge')?.record, { lat: 30.5, lon: 120.2977, title_zh: '广济桥', description_zh: undefined });
  t.deepEqual(storedIds(archive), ['guangji-bridge', 'yujiashan-site']);
});

test('the default mode replaces whole records, and its dry run says which updates would empty fields the file lacks', async (t) => {
  const archive = openWorkspace(t);
  await importPaths(archive, [archive.write('full.csv', FULL)]);
  const partial = archive.write('partial.csv', 'id,title_zh\nguangji-bridge,广济桥（修订）\n');
  const preview = await importPaths(archive, [partial], { dryRun: true });
  t.is(preview.emptyingUpdates, 1);
  const changes = preview.changes[0]!;
  t.like(changes, { line: 2, id: 'guangji-bridge' });
  t.deepEqual(changes.changes.find((change) => change.field === 'title_zh'), { field: 'title_zh', before: '广济桥', after: '广济桥（修订）' });
  t.true(changes.emptiedUnmapped.includes('title_en') && changes.emptiedUnmapped.includes('keywords_zh'));
  t.false(changes.emptiedUnmapped.includes('title_zh'));
  // The dry run wrote nothing.
  t.is(archive.catalog.getRecord('guangji-bridge')?.record.title_en, 'Guangji Bridge');
  await importPaths(archive, [partial]);
  t.is(archive.catalog.getRecord('guangji-bridge')?.record.title_en, undefined);
});

test('create only skips existing ids with a warning; update only refuses new ids; both say so per line', async (t) => {
  const archive = openWorkspace(t);
  await importPaths(archive, [archive.write('full.csv', FULL)]);
  const mixed = archive.write('mixed.csv', 'id,title_zh\nguangji-bridge,新题名\nfresh-record,新记录\n');
  const created = await importPaths(archive, [mixed], { mode: 'create' });
  t.deepEqual(created.totals(), { created: 1, updated: 0, unchanged: 1, failed: 0 });
  t.like(created.entries[0], { line: 2, severity: 'warning', message: { key: 'row.exists_skipped' } });
  t.is(archive.catalog.getRecord('guangji-bridge')?.record.title_zh, '广济桥');
  const other = archive.write('other.csv', 'id,title_zh\nguangji-bridge,新题名\nanother-record,另一条\n');
  const updated = await importPaths(archive, [other], { mode: 'update' });
  t.deepEqual(updated.totals(), { created: 0, updated: 1, unchanged: 0, failed: 1 });
  t.like(updated.entries[0], { line: 3, severity: 'error', message: { key: 'row.not_in_archive' } });
  t.deepEqual(storedIds(archive), ['fresh-record', 'guangji-bridge', 'yujiashan-site']);
});

test('a cancelled import keeps the whole batches it wrote, is recorded as cancelled, and can be undone', async (t) => {
  const archive = openWorkspace(t);
  const rows = Array.from({ length: 2500 }, (_, index) => `r${String(index).padStart(4, '0')},记录 ${index}`);
  const file = archive.write('many.csv', ['id,title_zh', ...rows].join('\n'));
  const controller = new AbortController();
  const { report } = await runIngest({
    catalog: archive.catalog,
    engine: archive.engine,
    paths: [file],
    displayRoot: archive.dir,
    signal: controller.signal,
    // Asked to stop once the first batch is written: the run ends after the batch it is writing.
    onProgress: ({ done }) => {
      if (done >= BATCH_SIZE) controller.abort();
    },
  });
  t.true(report.cancelled);
  t.true(report.files[0]!.cancelled);
  t.is(storedIds(archive).length % BATCH_SIZE, 0);
  t.true(storedIds(archive).length >= BATCH_SIZE && storedIds(archive).length < 2500);
  t.is(archive.catalog.imports.get(report.importId!)?.status, 'cancelled');
  t.like(archive.catalog.undoImport(report.importId!, { actor: 'test' }), { ok: true });
  t.deepEqual(storedIds(archive), []);
});
