import test from 'ava';
import { HIDDEN } from '../../core/catalog/visibility.ts';
import { catalogRows, countRows } from '../helpers/catalog-sql.ts';
import { addRecords, openTempArchive } from '../helpers/temp-archive.ts';

const bridge = { id: 'guangji-bridge', title_zh: '广济桥', title_en: 'Guangji Bridge', type: 'bridge' };
const curator = { actor: 'cli:curator' };

test('creating a record keeps version 1: nothing before, the whole record after, when and by whom', async (t) => {
  const archive = openTempArchive(t);
  archive.catalog.writeBatch([{ record: { ...bridge, type: 'bridge' } }], { importId: 7 });
  const [version] = archive.catalog.history.ofRecord('guangji-bridge');
  t.like(version, { versionNo: 1, action: 'created', actor: 'import:7', importId: 7 });
  t.is(version!.before, undefined);
  t.deepEqual(version!.after, { record: bridge, visibility: { state: 'public' }, media: [] });
  t.regex(version!.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  t.is(archive.catalog.getRecord('guangji-bridge')!.modified, version!.at);
});

test('writing the same record again writes no version and leaves its datestamp alone', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [bridge]);
  const modified = archive.catalog.getRecord('guangji-bridge')!.modified;
  t.deepEqual(archive.catalog.writeBatch([{ ...bridge, type: 'bridge' as const }]), ['unchanged']);
  t.is(archive.catalog.history.ofRecord('guangji-bridge').length, 1);
  t.is(archive.catalog.getRecord('guangji-bridge')!.modified, modified);
});

test('an update keeps the record before and after, and its datestamp never moves backwards', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [bridge]);
  const first = archive.catalog.getRecord('guangji-bridge')!.modified;
  await addRecords(archive, [{ ...bridge, title_en: 'Guangji Old Bridge' }]);
  const versions = archive.catalog.history.ofRecord('guangji-bridge');
  t.deepEqual(versions.map((version) => version.action), ['created', 'updated']);
  t.is(versions[1]!.before?.record.title_en, 'Guangji Bridge');
  t.is(versions[1]!.after?.record.title_en, 'Guangji Old Bridge');
  t.true(archive.catalog.getRecord('guangji-bridge')!.modified >= first);
});

test('withdrawing a record is a version of its own, and the record keeps its content', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [bridge]);
  const actions = archive.catalog.setVisibility(['guangji-bridge', 'no-such-record'], HIDDEN, curator);
  t.deepEqual([...actions], [['guangji-bridge', 'updated']]);
  const latest = archive.catalog.history.latest('guangji-bridge')!;
  t.like(latest, { action: 'visibility', actor: 'cli:curator' });
  t.deepEqual(latest.after?.visibility, { state: 'hidden' });
  t.deepEqual(archive.catalog.getRecord('guangji-bridge')!.visibility, { state: 'hidden' });
  t.deepEqual(archive.catalog.setVisibility(['guangji-bridge'], HIDDEN, curator).get('guangji-bridge'), 'unchanged');
});

test('deleting a record leaves a tombstone, a version holding what it was, and a delete in the outbox', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [bridge]);
  t.deepEqual(archive.catalog.deleteRecords(['guangji-bridge', 'never-existed'], { reason: 'duplicate of another record', ...curator }), ['guangji-bridge']);
  t.is(archive.catalog.getRecord('guangji-bridge'), undefined);
  t.like(archive.catalog.getTombstone('guangji-bridge'), { recordId: 'guangji-bridge', reason: 'duplicate of another record', actor: 'cli:curator' });
  const latest = archive.catalog.history.latest('guangji-bridge')!;
  t.like(latest, { versionNo: 2, action: 'deleted', note: 'duplicate of another record' });
  t.is(latest.before?.record.title_zh, '广济桥');
  t.is(latest.after, undefined);
  t.deepEqual(catalogRows(archive.catalog, 'SELECT record_id, op FROM index_queue'), [{ record_id: 'guangji-bridge', op: 'delete' }]);
});

test('restoring an old version brings it back as a new version; history is never rewritten', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [bridge]);
  await addRecords(archive, [{ ...bridge, title_en: 'Guangji Old Bridge' }]);
  const restored = archive.catalog.restoreVersion('guangji-bridge', 1, curator);
  t.like(restored, { action: 'updated' });
  t.is(archive.catalog.getRecord('guangji-bridge')!.record.title_en, 'Guangji Bridge');
  const versions = archive.catalog.history.ofRecord('guangji-bridge');
  t.deepEqual(versions.map((version) => [version.versionNo, version.action, version.note]), [[1, 'created', undefined], [2, 'updated', undefined], [3, 'restored', 'version 1']]);
  t.is(archive.catalog.restoreVersion('guangji-bridge', 9, curator), undefined, 'a version that does not exist');
});

test('restoring a deleted record creates it again and its tombstone goes', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [bridge]);
  archive.catalog.deleteRecords(['guangji-bridge'], curator);
  t.is(archive.catalog.restoreVersion('guangji-bridge', 2, curator), undefined, 'the deletion itself cannot be restored');
  t.like(archive.catalog.restoreVersion('guangji-bridge', 1, curator), { action: 'created' });
  t.is(archive.catalog.getRecord('guangji-bridge')?.record.title_zh, '广济桥');
  t.is(archive.catalog.getTombstone('guangji-bridge'), undefined);
  t.is(countRows(archive.catalog, 'record_versions'), 3);
});

test('the change feed pages through records and tombstones in datestamp order, within a window', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, Array.from({ length: 25 }, (_, i) => ({ id: `r-${String(i).padStart(2, '0')}`, title_en: `Record ${i}` })));
  archive.catalog.deleteRecords(['r-03'], curator);
  const seen: string[] = [];
  let cursor;
  for (;;) {
    const page = archive.catalog.changes.page({}, 10, cursor);
    if (page.length === 0) break;
    seen.push(...page.map((entry) => `${entry.kind}:${entry.id}`));
    cursor = { datestamp: page.at(-1)!.datestamp, id: page.at(-1)!.id };
  }
  t.is(seen.length, 25);
  t.true(seen.includes('tombstone:r-03'));
  t.false(seen.includes('record:r-03'));
  t.is(new Set(seen).size, 25, 'no entry twice across pages');
  t.is(archive.catalog.changes.count({}), 25);
  t.is(archive.catalog.changes.count({ until: '2000-01-01T00:00:00Z' }), 0);
  t.deepEqual(archive.catalog.changes.page({ from: '2999-01-01T00:00:00Z' }, 10), []);
});

test('a version keeps no second copy of the record: its state after is the next version\'s before, or the record as it is now', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [bridge]);
  t.deepEqual(catalogRows(archive.catalog, 'SELECT before, after, after_follows FROM record_versions'), [{ before: null, after: null, after_follows: 1 }]);
  t.deepEqual(archive.catalog.history.get('guangji-bridge', 1)!.after, { record: bridge, visibility: { state: 'public' }, media: [] }, 'the present state');
  await addRecords(archive, [{ ...bridge, title_en: 'Guangji Old Bridge' }]);
  archive.catalog.setVisibility(['guangji-bridge'], HIDDEN, curator);
  archive.catalog.deleteRecords(['guangji-bridge'], curator);
  const versions = archive.catalog.history.ofRecord('guangji-bridge');
  t.deepEqual(
    versions.map((version) => [version.action, version.before?.record.title_en, version.before?.visibility.state, version.after?.record.title_en, version.after?.visibility.state]),
    [
      ['created', undefined, undefined, 'Guangji Bridge', 'public'],
      ['updated', 'Guangji Bridge', 'public', 'Guangji Old Bridge', 'public'],
      ['visibility', 'Guangji Old Bridge', 'public', 'Guangji Old Bridge', 'hidden'],
      ['deleted', 'Guangji Old Bridge', 'hidden', undefined, undefined],
    ],
  );
  for (const [index, version] of versions.entries()) t.deepEqual(archive.catalog.history.get('guangji-bridge', version.versionNo), version, `version ${index + 1} read alone`);
  t.deepEqual(archive.catalog.history.first('guangji-bridge'), versions[0]);
  t.deepEqual(archive.catalog.history.latest('guangji-bridge'), versions[3]);
  t.like(archive.catalog.restoreVersion('guangji-bridge', 2, curator), { action: 'created' });
  t.deepEqual(archive.catalog.history.latest('guangji-bridge')!.after, { record: { ...bridge, title_en: 'Guangji Old Bridge' }, visibility: { state: 'public' }, media: [] });
  t.deepEqual(catalogRows(archive.catalog, 'SELECT count(*) AS n FROM record_versions WHERE after IS NOT NULL'), [{ n: 0 }]);
});
