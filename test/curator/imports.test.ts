/**
 * The import history in the browser: who, when, the files read (name, size, sha256), the mapping
 * and the columns as applied, counts, status and the report (from the
 * file the import wrote), its CSV, and undo with the CLI's rules — refused while later changes
 * would be lost (naming them), then `force`; undoing twice is refused. Real ingest, real files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { ExecutionContext } from 'ava';
import { runIngest } from '../../ingest/run-ingest.ts';
import { writeReport } from '../../ingest/write-report.ts';
import type { FixtureSite } from '../site/helpers/fixture-site.ts';
import { decodeEntities } from '../site/helpers/html.ts';
import { csrfOf, signedIn, withCuratorSite } from './helpers/curator-site.ts';

const test = withCuratorSite();

/** Imports `csv` as the CLI does (with its report remembered); returns the import's id. */
async function importCsv(t: ExecutionContext<FixtureSite>, csv: string): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'curator-import-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'new-records.csv'), csv);
  const { report } = await runIngest({ catalog: t.context.catalog, engine: t.context.engine, paths: [dir], displayRoot: dir, actor: 'cli:curator' });
  await writeReport(report, t.context.config.reportsDir, { dryRun: false, catalog: t.context.catalog });
  return report.importId!;
}

test('the history lists each import with who, when, its files with their sha256, the mapping, counts and status, and shows its report and the columns as applied in the curator’s language', async (t) => {
  const id = await importCsv(t, 'id,title_zh,lat,lon\nimport-a,甲,30.4,120.3\nimport-b,乙,200,120.3\n');
  const { agent } = await signedIn(t, 'viewer');
  const list = await agent.get('/curator/imports').set('Accept-Language', 'en');
  t.is(list.status, 200);
  const row = decodeEntities(new RegExp(`<tr><td><a href="/curator/imports/${id}">Import ${id}</a>.*?</tr>`).exec(list.text)?.[0] ?? '');
  t.regex(row, /cli:curator/);
  const file = t.context.catalog.imports.get(id)!.provenance!.files[0]!;
  t.regex(row, new RegExp(`new-records\\.csv</span> <code>${file.sha256.slice(0, 12)}…</code>`), 'the file with the start of its sha256');
  t.regex(row, /columns matched by their names/);
  t.regex(row, /done, with refusals/);
  t.regex(row, /created 1, updated 0, unchanged 0, failed 1/);
  const page = await agent.get(`/curator/imports/${id}`).set('Accept-Language', 'zh');
  const text = decodeEntities(page.text);
  t.regex(text, new RegExp(`<td>new-records\\.csv</td><td>1 KB</td><td><code class="curator-hash">${file.sha256}</code></td>`));
  t.regex(text, /<dt>列映射<\/dt><dd>按列名自动匹配<\/dd>/);
  t.regex(text, /<tr><td>lat<\/td><td>lat<\/td><td>按列名<\/td><\/tr>/, 'each column with the field it filled');
  t.regex(text, /lat：应在 -90 到 90 之间，实际为 200/);
  t.regex(text, /<td>3<\/td><td>import-b<\/td><td>未导入<\/td>/, 'the line, the record and what happened');
  t.notRegex(page.text, /action="\/curator\/imports\/\d+\/undo"/, 'a viewer is not offered undo');
  const csv = await agent.get(`/curator/imports/${id}/report.csv`);
  t.is(csv.status, 200);
  t.regex(csv.headers['content-disposition'] ?? '', new RegExp(`attachment; filename="?import-${id}-report\\.csv"?`));
  t.regex(csv.text, /problem\.out_of_range/);
});

test('an import from before the history kept its files says so on its page, in both languages, instead of an empty list', async (t) => {
  // An import started without provenance is what every import written before that migration looks like.
  const id = t.context.catalog.imports.start(['old-export.csv'], 'cli:curator');
  t.context.catalog.imports.finish(id, 'done', { created: 0, updated: 0, unchanged: 0, failed: 0 });
  const { agent } = await signedIn(t, 'viewer');
  const english = await agent.get(`/curator/imports/${id}`).set('Accept-Language', 'en');
  t.is(english.status, 200);
  t.regex(decodeEntities(english.text), /This import did not record the files it read \(it ran before the history kept them\)\./);
  t.notRegex(english.text, /class="curator-hash"/, 'no file rows');
  const chinese = await agent.get(`/curator/imports/${id}?lang=zh`);
  t.regex(decodeEntities(chinese.text), /这个导入没有记下它读取的文件/);
});

test('undo is refused while records changed later, naming each change; forcing keeps them and undoes the rest; twice is refused', async (t) => {
  const id = await importCsv(t, 'id,title_zh\nundo-a,撤销甲\nundo-b,撤销乙\n');
  // A curator edits one of the imported records afterwards.
  t.context.catalog.writeBatch([{ record: { ...t.context.catalog.getRecord('undo-b')!.record, title_en: 'Edited later' } }], { actor: 'user:editor' });
  const { agent, token } = await signedIn(t, 'editor');
  const refused = await agent.post(`/curator/imports/${id}/undo`).set('Accept-Language', 'en').type('form').send({ _csrf: token });
  t.is(refused.status, 409);
  const text = decodeEntities(refused.text);
  t.regex(text, new RegExp(`After import ${id}, 1 change was made to what it wrote`));
  t.regex(text, /<a href="\/curator\/records\/undo-b\/history">undo-b \(v2, .*, user:editor\)<\/a>/);
  t.regex(refused.text, /name="force" value="yes"/);
  t.truthy(t.context.catalog.getRecord('undo-a'), 'nothing was undone');
  const forced = await agent.post(`/curator/imports/${id}/undo`).type('form').send({ _csrf: csrfOf(refused.text), force: 'yes' });
  t.is(forced.status, 303);
  t.is(forced.headers.location, `/curator/imports/${id}?done=undone`);
  t.is(t.context.catalog.getRecord('undo-a'), undefined);
  t.is((await request(t.context.app).get('/items/undo-a')).status, 410);
  t.is(t.context.catalog.getRecord('undo-b')!.record.title_en, 'Edited later', 'the later change is kept');
  t.is(t.context.catalog.imports.get(id)!.status, 'undone');
  const twice = await agent.post(`/curator/imports/${id}/undo`).set('Accept-Language', 'zh').type('form').send({ _csrf: token });
  t.is(twice.status, 409);
  t.regex(decodeEntities(twice.text), new RegExp(`导入 ${id} 已于 .* 撤销，不能再撤销一次。没有做任何改动。`));
});

test('an import without a report says so, and an unknown import is a 404', async (t) => {
  const { agent } = await signedIn(t, 'viewer');
  // The fixture archive was imported without writing a report.
  const first = await agent.get('/curator/imports/1').set('Accept-Language', 'en');
  t.is(first.status, 200);
  t.regex(first.text, /This import kept no report/);
  t.is((await agent.get('/curator/imports/1/report.csv')).status, 404);
  t.is((await agent.get('/curator/imports/424242').set('Accept-Language', 'en')).status, 404);
  t.is((await agent.get('/curator/imports/..%2f..%2fetc').set('Accept-Language', 'en')).status, 404);
});
