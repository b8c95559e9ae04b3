/**
 * Editing in the browser, over real HTTP on a real catalog: the form saves through the catalog
 * as `user:NAME` with the import's validation and messages; two editors saving the same record
 * are told and lose nothing; visibility, delete, history comparison and restore; a writer holding
 * the archive answers "busy" without waiting. Every refusal changes nothing.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import type { ExecutionContext } from 'ava';
import { formValuesOf } from '../../server/curator/present/record-form-fields.ts';
import type { FixtureSite } from '../site/helpers/fixture-site.ts';
import { decodeEntities } from '../site/helpers/html.ts';
import { csrfOf, signedIn, withCuratorSite, type Agent } from './helpers/curator-site.ts';
import { formValuesIn } from './helpers/form-values.ts';

const test = withCuratorSite();

/** What a browser posts from the edit form of `id` as it stands, with `changes` typed in. */
async function editForm(t: ExecutionContext<FixtureSite>, agent: Agent, id: string, changes: Record<string, string>) {
  const page = await agent.get(`/curator/records/${id}/edit`);
  t.is(page.status, 200);
  const version = /name="version" value="(\d+)"/.exec(page.text)![1]!;
  const values: Record<string, string> = formValuesOf(t.context.catalog.getRecord(id)!.record);
  delete values.images;
  delete values.coordinates_source;
  return { _csrf: csrfOf(page.text), version, ...values, ...changes };
}

function alertOf(html: string): string {
  return decodeEntities(/role="alert">\s*(?:<p>)?([^<]*)</.exec(html)?.[1] ?? '');
}

test('an editor saves a change: a new version by user:editor, the public page and the search show it', async (t) => {
  const { agent } = await signedIn(t, 'editor');
  const before = t.context.catalog.history.count('tangqi-house-01');
  const saved = await agent.post('/curator/records/tangqi-house-01').type('form').send(await editForm(t, agent, 'tangqi-house-01', { title_zh: '塘栖水北街民居（修订）', start_year: '公元前221年', end_year: '8' }));
  t.is(saved.status, 303);
  t.is(saved.headers.location, '/curator/records/tangqi-house-01?done=saved');
  const stored = t.context.catalog.getRecord('tangqi-house-01')!.record;
  t.like(stored, { title_zh: '塘栖水北街民居（修订）', start_year: -221, end_year: 8 });
  const latest = t.context.catalog.history.latest('tangqi-house-01')!;
  t.is(latest.versionNo, before + 1);
  t.is(latest.actor, 'user:editor');
  const page = await agent.get(saved.headers.location!).set('Accept-Language', 'en');
  t.regex(page.text, /Your changes were saved as a new version\./);
  const search = await request(t.context.app).get('/search?q=%E4%BF%AE%E8%AE%A2').set('Accept-Language', 'zh');
  t.regex(search.text, /tangqi-house-01/, 'the index followed');
  const again = await agent.post('/curator/records/tangqi-house-01').type('form').send(await editForm(t, agent, 'tangqi-house-01', {}));
  t.is(again.headers.location, '/curator/records/tangqi-house-01?done=unchanged', 'saving without a change makes no version');
  t.is(t.context.catalog.history.count('tangqi-house-01'), before + 1);
});

test('an edit that breaks the schema is shown again with the import’s messages at each field, in either language, and nothing changes', async (t) => {
  const { agent } = await signedIn(t, 'editor');
  const before = t.context.catalog.getRecord('tangqi-house-02')!;
  const form = await editForm(t, agent, 'tangqi-house-02', { lat: '200', title_zh: '', title_en: '', type: 'spaceship', start_year: 'MCMXC' });
  for (const lang of ['en', 'zh']) {
    const refused = await agent.post('/curator/records/tangqi-house-02').set('Accept-Language', lang).type('form').send(form);
    t.is(refused.status, 400);
    const text = decodeEntities(refused.text);
    if (lang === 'en') {
      t.regex(text, /4 problems need fixing; the record was not saved/);
      t.regex(text, /lat: expected a number between -90 and 90 but received 200/);
      t.regex(text, /give a title: title_zh or title_en/);
      t.regex(text, /type: "spaceship" is not in the vocabulary/);
      t.regex(text, /start_year/);
    } else {
      t.regex(text, /lat：应在 -90 到 90 之间，实际为 200/);
    }
    t.regex(refused.text, /value="200"/, 'what the curator typed is kept');
    t.regex(refused.text, /id="field-id" type="text" value="tangqi-house-02" readonly/, 'and the id it cannot change is still shown');
  }
  t.deepEqual(t.context.catalog.getRecord('tangqi-house-02'), before);
});

test('two editors save the same record: the second is told who changed what, keeps their input, and saving the merged form keeps both', async (t) => {
  const first = await signedIn(t, 'editor');
  const second = await signedIn(t, 'admin');
  const formOfFirst = await editForm(t, first.agent, 'tangqi-house-03', { title_en: 'First editor’s title' });
  const formOfSecond = await editForm(t, second.agent, 'tangqi-house-03', { description_en: 'Second editor’s description' });
  t.is((await first.agent.post('/curator/records/tangqi-house-03').type('form').send(formOfFirst)).status, 303);
  const versions = t.context.catalog.history.count('tangqi-house-03');
  const clash = await second.agent.post('/curator/records/tangqi-house-03').set('Accept-Language', 'en').type('form').send(formOfSecond);
  t.is(clash.status, 409);
  t.regex(decodeEntities(clash.text), /While you were editing, user:editor saved this record \(1 new version/);
  t.is(t.context.catalog.history.count('tangqi-house-03'), versions, 'nothing was written');
  const shown = formValuesIn(clash.text, '/curator/records/tangqi-house-03');
  t.is(shown.description_en, 'Second editor’s description', 'the second editor’s input is still in the form');
  t.is(shown.title_en, 'First editor’s title', 'the field only the first editor changed now holds their value');
  t.notRegex(clash.text, /curator-field--clash/, 'no field was changed by both');
  // Saving the form as shown, without retyping anything, keeps both changes.
  const resent = await second.agent.post('/curator/records/tangqi-house-03').type('form').send(shown);
  t.is(resent.status, 303);
  t.like(t.context.catalog.getRecord('tangqi-house-03')!.record, { title_en: 'First editor’s title', description_en: 'Second editor’s description' });
});

test('two editors change the same field: the second keeps their text, sees the first one’s beside it, and decides', async (t) => {
  const first = await signedIn(t, 'editor');
  const second = await signedIn(t, 'admin');
  const formOfFirst = await editForm(t, first.agent, 'tangqi-house-09', { title_zh: '第一位编辑的题名', place_en: '' });
  const formOfSecond = await editForm(t, second.agent, 'tangqi-house-09', { title_zh: '第二位编辑的题名', place_en: 'Second editor’s place' });
  t.is((await first.agent.post('/curator/records/tangqi-house-09').type('form').send(formOfFirst)).status, 303);
  const clash = await second.agent.post('/curator/records/tangqi-house-09').set('Accept-Language', 'zh').type('form').send(formOfSecond);
  t.is(clash.status, 409);
  const shown = formValuesIn(clash.text, '/curator/records/tangqi-house-09');
  t.like(shown, { title_zh: '第二位编辑的题名', place_en: 'Second editor’s place' });
  const text = decodeEntities(clash.text);
  t.regex(text, /id="field-title_zh-clash">对方也改了这个字段，改为：“第一位编辑的题名”。/);
  t.regex(text, /id="field-place_en-clash">对方把这个字段清空了。/);
  t.is(t.context.catalog.getRecord('tangqi-house-09')!.record.title_zh, '第一位编辑的题名', 'nothing of the second save was written');
  t.is((await second.agent.post('/curator/records/tangqi-house-09').type('form').send(shown)).status, 303);
  t.like(t.context.catalog.getRecord('tangqi-house-09')!.record, { title_zh: '第二位编辑的题名', place_en: 'Second editor’s place' });
});

test('withdrawing hides a record from the public at once and republishing shows it again; embargo dates are checked', async (t) => {
  const { agent, token } = await signedIn(t, 'editor');
  const visibility = (body: Record<string, string>) => agent.post('/curator/records/tangqi-house-04/visibility').set('Accept-Language', 'en').type('form').send({ _csrf: token, ...body });
  t.is((await visibility({ visibility: 'hidden' })).headers.location, '/curator/records/tangqi-house-04?done=withdrawn');
  t.is((await request(t.context.app).get('/items/tangqi-house-04')).status, 404);
  const listed = await agent.get('/curator?q=tangqi-house-04').set('Accept-Language', 'en');
  t.regex(listed.text, /badge--hidden">withdrawn</, 'curators still find it, marked');
  const past = await visibility({ visibility: 'embargoed', until: '2001-01-01' });
  t.is(past.status, 400);
  t.regex(past.text, /The embargo date 2001-01-01 has passed/);
  t.is((await visibility({ visibility: 'embargoed', until: '2030-02-30' })).status, 400);
  t.is((await visibility({ visibility: 'everyone' })).status, 400);
  t.is(t.context.catalog.getRecord('tangqi-house-04')!.visibility.state, 'hidden', 'refusals changed nothing');
  t.is((await visibility({ visibility: 'embargoed', until: '2099-01-01' })).status, 303);
  t.deepEqual(t.context.catalog.getRecord('tangqi-house-04')!.visibility, { state: 'embargoed', until: '2099-01-01T00:00:00Z' });
  t.is((await visibility({ visibility: 'public' })).headers.location, '/curator/records/tangqi-house-04?done=published');
  t.is((await request(t.context.app).get('/items/tangqi-house-04')).status, 200);
});

test('only an admin deletes, with a reason; the record answers 410 and its history restores it', async (t) => {
  const editor = await signedIn(t, 'editor');
  t.is((await editor.agent.post('/curator/records/tangqi-house-05/delete').type('form').send({ _csrf: editor.token, reason: 'duplicate' })).status, 403);
  const admin = await signedIn(t, 'admin');
  const noReason = await admin.agent.post('/curator/records/tangqi-house-05/delete').set('Accept-Language', 'en').type('form').send({ _csrf: admin.token, reason: '  ' });
  t.is(noReason.status, 400);
  t.regex(noReason.text, /Deleting a record needs a reason\. Nothing was changed\./);
  t.truthy(t.context.catalog.getRecord('tangqi-house-05'));
  const deleted = await admin.agent.post('/curator/records/tangqi-house-05/delete').type('form').send({ _csrf: admin.token, reason: 'duplicate of tangqi-house-06' });
  t.is(deleted.status, 303);
  t.is((await request(t.context.app).get('/items/tangqi-house-05')).status, 410);
  const page = await admin.agent.get('/curator/records/tangqi-house-05').set('Accept-Language', 'en');
  t.regex(decodeEntities(page.text), /deleted on .* by user:admin; reason: duplicate of tangqi-house-06/);
  const history = await admin.agent.get('/curator/records/tangqi-house-05/history').set('Accept-Language', 'en');
  const restore = /action="(\/curator\/records\/tangqi-house-05\/versions\/(\d+)\/restore)"/.exec(history.text)!;
  const restored = await admin.agent.post(restore[1]!).type('form').send({ _csrf: csrfOf(history.text) });
  t.is(restored.status, 303);
  t.is((await request(t.context.app).get('/items/tangqi-house-05')).status, 200);
  t.is(t.context.catalog.history.latest('tangqi-house-05')!.action, 'restored');
});

test('the history compares any two versions field by field and restores one as a new version', async (t) => {
  const { agent } = await signedIn(t, 'editor');
  const original = t.context.catalog.getRecord('tangqi-house-07')!.record;
  await agent.post('/curator/records/tangqi-house-07').type('form').send(await editForm(t, agent, 'tangqi-house-07', { title_en: 'Renamed once' }));
  await agent.post('/curator/records/tangqi-house-07').type('form').send(await editForm(t, agent, 'tangqi-house-07', { title_en: 'Renamed twice', place_en: 'Tangqi', keywords_zh: '民居; 水北街' }));
  const latest = t.context.catalog.history.latest('tangqi-house-07')!.versionNo;
  const compared = await agent.get(`/curator/records/tangqi-house-07/history?from=${latest - 2}&to=${latest}`).set('Accept-Language', 'en');
  t.is(compared.status, 200);
  const text = decodeEntities(compared.text);
  t.regex(text, new RegExp(`What differs between v${latest - 2} and v${latest}`));
  t.regex(text, new RegExp(`Title \\(English\\) <code>title_en</code></th><td><del>${original.title_en}</del></td><td><ins>Renamed twice</ins>`));
  t.regex(text, /<code>place_en<\/code><\/th><td>(<del>[^<]*<\/del>)?<\/td><td><ins>Tangqi<\/ins>/);
  t.regex(text, /<code>keywords_zh<\/code><\/th><td>(<del>[^<]*<\/del>)?<\/td><td><ins>民居; 水北街<\/ins>/, 'lists read as the form writes them');
  t.is((await agent.get('/curator/records/tangqi-house-07/history?from=1&to=999')).status, 400);
  const restore = await agent.post(`/curator/records/tangqi-house-07/versions/${latest - 2}/restore`).type('form').send({ _csrf: csrfOf(compared.text) });
  t.is(restore.headers.location, '/curator/records/tangqi-house-07/history?done=restored');
  t.is(t.context.catalog.getRecord('tangqi-house-07')!.record.title_en, original.title_en);
  t.is(t.context.catalog.history.count('tangqi-house-07'), latest + 1, 'history is never rewritten');
});

// Serial: ava runs it before the others, which would otherwise find the archive busy too.
test.serial('while another process holds the writer lock, a save answers 503 at once and changes nothing', async (t) => {
  const { agent } = await signedIn(t, 'editor');
  const form = await editForm(t, agent, 'tangqi-house-08', { title_en: 'Written during an import' });
  const holder = fileURLToPath(new URL('../catalog/helpers/hold-writer.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import=tsx', holder, t.context.catalog.file], { stdio: ['pipe', 'pipe', 'inherit'] });
  t.teardown(() => child.kill());
  await once(child.stdout!, 'data');
  const busy = await agent.post('/curator/records/tangqi-house-08').set('Accept-Language', 'en').type('form').send(form);
  t.is(busy.status, 503);
  t.is(busy.headers['retry-after'], '5');
  t.regex(busy.text, /Another program is writing to the archive \(test holder, since .*\)\. Try again in a moment; nothing was changed\./);
  t.not(t.context.catalog.getRecord('tangqi-house-08')!.record.title_en, 'Written during an import');
  child.stdin!.end();
  await once(child, 'exit');
  t.is((await agent.post('/curator/records/tangqi-house-08').type('form').send(form)).status, 303, 'once it is done, the same form saves');
});

test('a new record is created from the form; an id in use is refused with 409', async (t) => {
  const { agent, token } = await signedIn(t, 'editor');
  const created = await agent.post('/curator/records').type('form').send({ _csrf: token, id: 'new-stele', title_zh: '新发现的碑刻', type: '碑刻', lat: '30.48', lon: '120.19' });
  t.is(created.status, 303);
  t.like(t.context.catalog.getRecord('new-stele')!.record, { title_zh: '新发现的碑刻', type: 'stele' });
  t.is(t.context.catalog.history.latest('new-stele')!.actor, 'user:editor');
  const taken = await agent.post('/curator/records').set('Accept-Language', 'en').type('form').send({ _csrf: token, id: 'new-stele', title_zh: '重复' });
  t.is(taken.status, 409);
  t.regex(decodeEntities(taken.text), /The id "new-stele" is in use/);
  t.is(t.context.catalog.getRecord('new-stele')!.record.title_zh, '新发现的碑刻');
});
