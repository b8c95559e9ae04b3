import test from 'ava';
import type { Catalog } from '../../core/catalog/catalog.ts';
import { query } from '../helpers/temp-archive.ts';
import { catalogRows } from '../helpers/catalog-sql.ts';
import { importPaths, openWorkspace } from './helpers/import-files.ts';

const curator = { actor: 'cli:curator' };

/** Every record as the catalog holds it — content, visibility, photographs — and every collection: the checksum an undo must restore. */
function snapshot(catalog: Catalog) {
  return {
    records: catalogRows(catalog, 'SELECT id, content_hash, visibility, embargo_until FROM records ORDER BY id'),
    media: catalogRows(catalog, 'SELECT record_id, position, hash FROM record_media ORDER BY record_id, position'),
    collections: catalogRows(catalog, 'SELECT id, content_hash FROM collections ORDER BY id'),
  };
}

const BASE = ['id,title_zh,title_en,type', 'guangji-bridge,广济桥,Guangji Bridge,bridge', 'tangqi-town,塘栖古镇,Tangqi Old Town,site', 'hidden-one,撤下的记录,Withdrawn,document'].join('\n');
const CHANGES = [
  'id,title_zh,title_en,type,visibility',
  'guangji-bridge,广济桥（重修）,Guangji Bridge (rebuilt),bridge,',
  'tangqi-town,塘栖古镇,Tangqi Old Town,site,hidden',
  'hidden-one,撤下的记录,Withdrawn,document,public',
  'new-record,新记录,A new record,site,',
  'another-new,又一条,Another new one,stele,2099-01-01',
].join('\n');

async function importedTwice(t: Parameters<typeof openWorkspace>[0]) {
  const workspace = openWorkspace(t);
  await importPaths(workspace, [workspace.write('base.csv', BASE)]);
  workspace.catalog.setVisibility(['hidden-one'], { state: 'hidden' }, curator);
  const before = snapshot(workspace.catalog);
  const report = await importPaths(workspace, [workspace.write('changes.csv', CHANGES)]);
  t.deepEqual(report.totals(), { created: 2, updated: 3, unchanged: 0, failed: 0 });
  return { workspace, before, importId: report.importId! };
}

test('import then undo leaves the catalog record for record as it was before the import (the checksum test)', async (t) => {
  const { workspace, before, importId } = await importedTwice(t);
  t.notDeepEqual(snapshot(workspace.catalog), before);
  const outcome = workspace.catalog.undoImport(importId, curator);
  t.like(outcome, { ok: true, deleted: 2, restored: 3, kept: [] });
  t.deepEqual(snapshot(workspace.catalog), before);
  t.like(workspace.catalog.imports.get(importId), { status: 'undone' });
  t.truthy(workspace.catalog.getTombstone('new-record'), 'records the import created are tombstoned');
});

test('the search index follows an undo', async (t) => {
  const { workspace, importId } = await importedTwice(t);
  workspace.catalog.undoImport(importId, curator);
  const { syncIndex } = await import('../../core/search/sync-index.ts');
  await syncIndex(workspace.catalog, workspace.engine);
  t.is((await workspace.engine.search(query({ text: '新记录' }))).total, 0);
  t.is((await workspace.engine.search(query({ text: '重修' }))).total, 0);
  t.deepEqual((await workspace.engine.search(query({ text: '塘栖' }))).hits.map((hit) => hit.record.id), ['tangqi-town'], 'public again');
});

test('the undo is itself in every record\'s history, and history is never rewritten', async (t) => {
  const { workspace, importId } = await importedTwice(t);
  workspace.catalog.undoImport(importId, curator);
  t.deepEqual(
    workspace.catalog.history.ofRecord('guangji-bridge').map((version) => [version.action, version.actor, version.note]),
    [['created', 'import:1', undefined], ['updated', `import:${importId}`, undefined], ['undone', 'cli:curator', `undo of import ${importId}`]],
  );
});

test('undoing twice is refused and changes nothing', async (t) => {
  const { workspace, importId } = await importedTwice(t);
  workspace.catalog.undoImport(importId, curator);
  const after = snapshot(workspace.catalog);
  t.like(workspace.catalog.undoImport(importId, curator), { ok: false, refusal: { reason: 'already_undone', importId } });
  t.like(workspace.catalog.undoImport(999, curator), { ok: false, refusal: { reason: 'unknown_import' } });
  t.deepEqual(snapshot(workspace.catalog), after);
});

test('an undo whose records changed again later is refused, naming the later changes; --force undoes the rest and keeps them', async (t) => {
  const { workspace, importId } = await importedTwice(t);
  workspace.catalog.writeBatch([{ id: 'new-record', title_zh: '新记录（馆员改过）' }], { actor: 'user:editor' });
  const changed = snapshot(workspace.catalog);
  const refused = workspace.catalog.undoImport(importId, curator);
  t.like(refused, { ok: false, refusal: { reason: 'later_changes' } });
  if (refused.ok || refused.refusal.reason !== 'later_changes') return;
  t.deepEqual(refused.refusal.changes.map((change) => [change.id, change.versionNo, change.actor]), [['new-record', 2, 'user:editor']]);
  t.deepEqual(snapshot(workspace.catalog), changed, 'nothing changed');
  const forced = workspace.catalog.undoImport(importId, { ...curator, force: true });
  t.like(forced, { ok: true, deleted: 1, restored: 3 });
  t.is(workspace.catalog.getRecord('new-record')?.record.title_zh, '新记录（馆员改过）', 'the later change is kept');
  t.is(workspace.catalog.getRecord('another-new'), undefined);
});

test('an import that changed a collection is undone with it, and collections follow --on-existing', async (t) => {
  const workspace = openWorkspace(t);
  const folder = (title: string) => {
    workspace.write('collection.yml', `id: canal\norder: 1\ntitle_zh: ${title}\nnarrative_zh: 专题的叙述\n`);
    workspace.write('records.csv', 'id,title_zh\ncanal-record,运河记录');
    return workspace.dir;
  };
  await importPaths(workspace, [folder('运河')]);
  const refused = await importPaths(workspace, [folder('运河（改名）')], { onExisting: 'error' });
  t.deepEqual(refused.entries.map((entry) => entry.message.key), ['collection.exists_error']);
  t.is(workspace.catalog.getCollection('canal')?.title_zh, '运河', 'refused: the narrative and title are kept');
  const skipped = await importPaths(workspace, [folder('运河（改名）')], { onExisting: 'skip' });
  t.deepEqual(skipped.entries.map((entry) => entry.message.key), ['collection.exists_skipped']);
  t.is(workspace.catalog.getCollection('canal')?.title_zh, '运河');
  const updated = await importPaths(workspace, [folder('运河（改名）')]);
  t.is(workspace.catalog.getCollection('canal')?.title_zh, '运河（改名）');
  t.like(workspace.catalog.undoImport(updated.importId!, curator), { ok: true, collections: 1 });
  t.is(workspace.catalog.getCollection('canal')?.title_zh, '运河');
});

test('a visibility column sets the state of new and existing records; an absent or empty one keeps it; a bad value is a row error', async (t) => {
  const { workspace } = await importedTwice(t);
  t.deepEqual(workspace.catalog.getRecord('tangqi-town')?.visibility, { state: 'hidden' });
  t.deepEqual(workspace.catalog.getRecord('hidden-one')?.visibility, { state: 'public' });
  t.deepEqual(workspace.catalog.getRecord('another-new')?.visibility, { state: 'embargoed', until: '2099-01-01T00:00:00Z' });
  t.deepEqual(workspace.catalog.getRecord('guangji-bridge')?.visibility, { state: 'public' });
  const report = await importPaths(workspace, [workspace.write('bad.csv', 'id,title_zh,visibility\nguangji-bridge,广济桥,sometimes\n')]);
  t.deepEqual(report.entries.map((entry) => `${entry.line} ${entry.field} ${entry.message.key}`), ['2 visibility problem.bad_visibility']);
  t.deepEqual(report.files[0]?.unknownColumns, [], 'visibility is not an unknown column');
  t.is(workspace.catalog.getRecord('guangji-bridge')?.record.title_zh, '广济桥（重修）', 'the row was not imported');
});
