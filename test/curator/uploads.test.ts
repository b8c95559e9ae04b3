/**
 * Importing in the browser, end to end over HTTP with the worker in its own thread: a GBK CSV
 * with Chinese headers and a photograph is uploaded, read as GB18030 and previewed decoded, a
 * column is mapped by hand and the mapping saved, the dry run shows counts and a field-level
 * diff, the import runs as a background job and can be undone; a workbook's sheet is picked and a
 * saved mapping applied; a cancelled import keeps whole
 * batches; a job whose process was killed is resumed when the worker starts again.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeEntities } from '../site/helpers/html.ts';
import { images } from '../fixtures/images/index.ts';
import { startImportWorker } from '../../ingest/jobs/start-import-worker.ts';
import { silentLogger } from '../site/helpers/fixture-site.ts';
import { csrfOf, signedIn } from './helpers/curator-site.ts';
import { finishedJob, gbk, jobIdOf, sendUpload, withUploadSite } from './helpers/upload-site.ts';

const test = withUploadSite();

/** The form's current choices, as a browser would post them: each select's selected option. */
function chosenOptions(html: string): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const [, name, options] of html.matchAll(/<select id="[^"]*" name="([^"]+)">(.*?)<\/select>/gs)) {
    const selected = /<option value="([^"]*)" selected>/.exec(options!)?.[1] ?? /<option value="([^"]*)"/.exec(options!)?.[1] ?? '';
    chosen[name!] = decodeEntities(selected);
  }
  return chosen;
}

const SURVEY = [
  '编号,题名,英文名称,备注,图片',
  'upload-test-bridge,上传测试桥,Upload Test Bridge,普查时新登记的石桥,bridge.jpg',
  'guangji-bridge,广济桥,Guangji Bridge (surveyed 2026),,',
].join('\r\n');

test.serial('a GBK CSV with Chinese headers and a photograph is read as GB18030, mapped, previewed with a field diff, imported in the background and undone', async (t) => {
  const { agent } = await signedIn(t, 'editor');
  const before = t.context.catalog.getRecord('guangji-bridge')!.record;
  const sent = await sendUpload(agent, [
    { name: '普查.csv', content: gbk(SURVEY) },
    { name: 'bridge.jpg', content: readFileSync(images.orientationUpright) },
  ]);
  t.is(sent.status, 303);
  const uploadPath = sent.headers.location!;
  const page = await agent.get(uploadPath).set('Accept-Language', 'en');
  t.is(page.status, 200);
  t.regex(page.text, /Read as GB18030 \(GBK\) \(detected, \d+% confident\)/);
  t.regex(decodeEntities(page.text), /The archive is not sure of this encoding \(\d+% confident; a short file gives it little to go on\)\. Check that the Chinese in the rows below reads right/, 'a short file: the guess is shown as one');
  t.regex(page.text, /<td>上传测试桥<\/td>/, 'the first rows are shown decoded');
  const chosen = chosenOptions(page.text);
  t.like(chosen, { column_0: 'id', column_1: 'title_zh', column_2: 'title_en', column_3: '-', column_4: 'images' });

  // The curator maps the unknown 备注 column to the Chinese description and saves the mapping.
  const token = csrfOf(page.text);
  const dryRun = await agent
    .post(uploadPath)
    .type('form')
    .send({ ...chosen, _csrf: token, encoding: '', column_3: 'description_zh', action: 'dry_run', save_as: '普查表' });
  t.is(dryRun.status, 303);
  t.deepEqual(t.context.catalog.mappings.get('普查表')?.mapping.columns['备注'], 'description_zh');
  const dryJob = await finishedJob(t, jobIdOf(dryRun.headers.location));
  t.is(dryJob.status, 'done');
  t.is(t.context.catalog.getRecord('upload-test-bridge'), undefined, 'a dry run writes nothing');
  const preview = await agent.get(dryRun.headers.location!).set('Accept-Language', 'en');
  t.regex(preview.text, /would create 1, update 1, leave 0 unchanged; 0 failed/);
  t.regex(preview.text, /<del>Guangji Bridge<\/del><\/td><td><ins>Guangji Bridge \(surveyed 2026\)<\/ins>/);
  const csv = await agent.get(`${dryRun.headers.location}/report.csv`);
  t.is(csv.status, 200);
  t.regex(String(csv.headers['content-type']), /text\/csv/);

  const imported = await agent.post(`${uploadPath}/import`).type('form').send({ _csrf: csrfOf(preview.text), dry_run: String(dryJob.id) });
  t.is(imported.status, 303);
  const importJob = await finishedJob(t, jobIdOf(imported.headers.location));
  t.is(importJob.status, 'done');
  t.like(t.context.catalog.getRecord('upload-test-bridge')?.record, { title_zh: '上传测试桥', description_zh: '普查时新登记的石桥', images: ['bridge.jpg'] });
  t.is(t.context.catalog.media.linksOf('upload-test-bridge').length, 1);
  const done = await agent.get(imported.headers.location!).set('Accept-Language', 'en');
  t.regex(done.text, new RegExp(`href="/curator/imports/${importJob.importId}"`));
  t.is(t.context.catalog.imports.get(importJob.importId!)?.actor, 'user:editor');

  // The history keeps the files as sent with their sha256, the saved mapping's name and the columns as applied.
  const provenance = t.context.catalog.imports.get(importJob.importId!)!.provenance!;
  t.deepEqual(provenance.files.map((file) => [file.name, file.sha256]), [
    ['普查.csv', createHash('sha256').update(gbk(SURVEY)).digest('hex')],
    ['bridge.jpg', createHash('sha256').update(readFileSync(images.orientationUpright)).digest('hex')],
  ]);
  t.is(provenance.mapping?.profile, '普查表');
  t.like(provenance.applied?.[0]?.columns[3], { header: '备注', target: 'description_zh', how: 'mapping' });
  const history = await agent.get(`/curator/imports/${importJob.importId}`).set('Accept-Language', 'en');
  t.regex(decodeEntities(history.text), new RegExp(`<td>普查\\.csv</td><td>\\d+ KB</td><td><code class="curator-hash">${provenance.files[0]!.sha256}</code>`));
  t.regex(decodeEntities(history.text), /the saved mapping “普查表”/);
  t.regex(decodeEntities(history.text), /<tr><td>备注<\/td><td>description_zh<\/td><td>as you chose<\/td><\/tr>/);

  // Undo from the import history: the archive is as it was.
  const undone = await agent.post(`/curator/imports/${importJob.importId}/undo`).type('form').send({ _csrf: csrfOf(history.text) });
  t.is(undone.status, 303);
  t.is(t.context.catalog.getRecord('upload-test-bridge'), undefined);
  t.deepEqual(t.context.catalog.getRecord('guangji-bridge')!.record, before);
});

test.serial('a wrong encoding chosen on the mapping page is named as the problem, with the one the archive detects; detecting again reads the file right', async (t) => {
  const { agent } = await signedIn(t, 'editor');
  const sent = await sendUpload(agent, [{ name: '错选编码.csv', content: gbk('编号,题名\r\nwrong-encoding-1,错选编码的桥\r\n') }]);
  const uploadPath = sent.headers.location!;
  const page = await agent.get(uploadPath).set('Accept-Language', 'en');
  const reread = await agent.post(uploadPath).type('form').send({ ...chosenOptions(page.text), _csrf: csrfOf(page.text), encoding: 'windows-1252', action: 'reread' });
  t.is(reread.status, 303);
  const wrong = decodeEntities((await agent.get(uploadPath).set('Accept-Language', 'en')).text);
  t.regex(wrong, /read as Windows-1252, the encoding chosen, the header is “±àºÅ,ÌâÃû” and has no id column — the encoding is most likely wrong: the archive detects GB18030 \(GBK\)/);
  t.notRegex(wrong, /use the column names of the import template/);
  const zh = decodeEntities((await agent.get(uploadPath).set('Accept-Language', 'zh')).text);
  t.regex(zh, /按您选择的 Windows-1252 读取，表头是“±àºÅ,ÌâÃû”，其中没有 id 列——编码多半选错了：档案自动识别为 GB18030 \(GBK\)/);
  const again = await agent.post(uploadPath).type('form').send({ _csrf: csrfOf(page.text), encoding: '', mode: 'upsert', separator: ';', action: 'reread' });
  t.is(again.status, 303);
  t.regex((await agent.get(uploadPath).set('Accept-Language', 'en')).text, /<td>错选编码的桥<\/td>/);
  t.is(t.context.catalog.getRecord('wrong-encoding-1'), undefined, 'reading wrote nothing');
});

test.serial('every thread of the import worker (a process of its own) runs at a lower scheduling priority than the server', (t) => {
  // Linux keeps a nice value per thread: field 19 of /proc/<pid>/task/<tid>/stat.
  const nicesOf = (pid: number | 'self') => readdirSync(`/proc/${pid}/task`).map((task) => Number(readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]));
  // Relative to the process's own priority: the suite may itself run under `nice`.
  const serving = os.getPriority();
  const expected = Math.min(19, serving + t.context.config.importNice);
  const worker = t.context.worker!.current;
  t.not(worker.pid, process.pid);
  t.true(nicesOf('self').every((nice) => nice === serving), 'every thread of the server keeps its priority');
  const workerNices = nicesOf(worker.pid);
  t.true(workerNices.length > 1, 'the worker has threads of its own (V8, the file-system pool)');
  t.deepEqual([...new Set(workerNices)], [expected], `every thread of the worker at nice ${expected}`);
  t.is(t.context.config.importNice, 10, 'the default');
});

test.serial('a workbook\'s sheets are offered, the chosen one is read, and a saved mapping is applied to its columns', async (t) => {
  const { agent } = await signedIn(t, 'editor');
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').addRows([['临平区普查，第二张表是记录']]);
  workbook.addWorksheet('记录').addRows([['序号', '名称'], ['sheet-picked', '选中的工作表']]);
  const sent = await sendUpload(agent, [{ name: '普查.xlsx', content: Buffer.from(await workbook.xlsx.writeBuffer()) }]);
  const uploadPath = sent.headers.location!;
  const first = await agent.get(uploadPath).set('Accept-Language', 'en');
  t.regex(first.text, /<option value="说明">说明 \(0 rows\)<\/option><option value="记录">记录 \(1 row\)<\/option>/);
  // No sheet has an id column yet: the page says so, and the curator maps 序号 → id by a saved mapping.
  t.regex(first.text, /no sheet of the workbook has an id column/);
  t.context.catalog.mappings.save('普查表 xlsx', { columns: { 序号: 'id' }, separator: ';' }, 'user:editor');
  const applied = await agent.post(uploadPath).type('form').send({ _csrf: csrfOf(first.text), sheet: '记录', mode: 'upsert', separator: ';', action: 'apply_profile', profile: '普查表 xlsx' });
  t.is(applied.status, 303);
  const page = await agent.get(applied.headers.location!).set('Accept-Language', 'en');
  t.regex(page.text, /The saved mapping is applied/);
  t.regex(page.text, /<td>选中的工作表<\/td>/, 'the chosen sheet is read');
  t.like(chosenOptions(page.text), { sheet: '记录', column_0: 'id', column_1: 'title_zh' });
});

test.serial('an import cancelled while it waits for another writer keeps whole batches only, is recorded as cancelled and can be undone', async (t) => {
  const { agent } = await signedIn(t, 'editor');
  const rows = Array.from({ length: 2500 }, (_, index) => `cancel-${String(index).padStart(4, '0')},取消测试 ${index}`);
  const sent = await sendUpload(agent, [{ name: 'many.csv', content: ['id,title_zh', ...rows].join('\n') }]);
  const uploadPath = sent.headers.location!;
  const page = await agent.get(uploadPath).set('Accept-Language', 'en');
  const dryRun = await agent.post(uploadPath).type('form').send({ ...chosenOptions(page.text), _csrf: csrfOf(page.text), action: 'dry_run' });
  const dryJob = await finishedJob(t, jobIdOf(dryRun.headers.location));
  // Another writer holds the archive: the import waits for it, and is asked to stop meanwhile.
  const release = await t.context.catalog.writerLock.acquire('test');
  const imported = await agent.post(`${uploadPath}/import`).type('form').send({ _csrf: csrfOf(page.text), dry_run: String(dryJob.id) });
  const jobPath = imported.headers.location!;
  while (t.context.catalog.jobs.get(jobIdOf(jobPath))?.progress?.phase !== 'waiting') await new Promise((resolve) => setTimeout(resolve, 50));
  const waiting = await agent.get(jobPath).set('Accept-Language', 'en');
  t.regex(waiting.text, /waiting for another write to the archive to end/);
  t.is(waiting.headers.refresh, '2', 'the page refreshes itself while the job runs');
  const cancelled = await agent.post(`${jobPath}/cancel`).type('form').send({ _csrf: csrfOf(waiting.text) });
  t.is(cancelled.status, 303);
  release();
  const job = await finishedJob(t, jobIdOf(jobPath));
  t.is(job.status, 'cancelled');
  const kept = t.context.catalog.getRecords(rows.map((row) => row.split(',')[0]!)).length;
  t.true(kept < 2500 && kept % 1000 === 0, `${kept} records kept`);
  t.is(t.context.catalog.imports.get(job.importId!)?.status, 'cancelled');
  t.like(t.context.catalog.undoImport(job.importId!, { actor: 'test' }), { ok: true });
});

test.serial('a job whose process was killed while it ran is marked interrupted and queued again, and the import finishes', async (t) => {
  const { agent } = await signedIn(t, 'editor');
  const sent = await sendUpload(agent, [{ name: 'resume.csv', content: 'id,title_zh\nresumed-record,继续导入\n' }]);
  const uploadId = Number(/\/(\d+)$/.exec(sent.headers.location!)![1]);
  const upload = t.context.catalog.uploads.get(uploadId)!;
  // No worker runs; a job is claimed by another process that is then killed (kill -9), as a server that crashed mid-import.
  await t.context.worker!.current.stop();
  const spec = { uploadId, folder: path.join(t.context.config.uploadsDir, upload.folder), settings: { mode: 'upsert' }, actor: 'user:editor' };
  const script = `
    import { Catalog } from ${JSON.stringify(new URL('../../core/catalog/catalog.ts', import.meta.url).href)};
    const catalog = Catalog.open(${JSON.stringify(t.context.catalog.file)});
    catalog.jobs.enqueue({ kind: 'import', uploadId: ${uploadId}, createdBy: 'user:editor', spec: ${JSON.stringify(spec)} });
    catalog.jobs.claimNext();
    process.kill(process.pid, 'SIGKILL');`;
  const killed = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  t.is(killed.signal, 'SIGKILL', killed.stderr);
  const stuck = t.context.catalog.jobs.recent(1)[0]!;
  t.is(stuck.status, 'running');
  // The server starting again: the worker's catalog marks the job interrupted, and the worker queues it again.
  t.context.worker!.current = await startImportWorker(t.context.config, silentLogger);
  const interrupted = t.context.catalog.jobs.get<unknown, { resumedBy: number }>(stuck.id)!;
  t.is(interrupted.status, 'interrupted');
  const resumed = await finishedJob(t, interrupted.result!.resumedBy);
  t.is(resumed.status, 'done');
  t.is(t.context.catalog.getRecord('resumed-record')?.record.title_zh, '继续导入');
  const page = await agent.get(`/curator/jobs/${stuck.id}`).set('Accept-Language', 'en');
  t.regex(page.text, new RegExp(`href="/curator/jobs/${resumed.id}"`));
});
