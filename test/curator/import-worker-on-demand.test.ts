/**
 * The server keeps the web imports' worker up only while there are jobs: it starts when one is
 * queued (or an interrupted one is queued again at start), ends once none is left, and starts again
 * for the next, so a server between imports holds no second copy of the archive's modules.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { ExecutionContext } from 'ava';
import { runImportWorkerOnDemand, type OnDemandImportWorker } from '../../server/import-worker-on-demand.ts';
import { silentLogger } from '../site/helpers/fixture-site.ts';
import { signedIn } from './helpers/curator-site.ts';
import { finishedJob, sendUpload, withUploadSite, type UploadSite } from './helpers/upload-site.ts';

const test = withUploadSite({ worker: false });

/** A one-row CSV uploaded through the upload form, and the spec of a job importing it. */
async function uploadOf(t: ExecutionContext<UploadSite>, id: string, title: string) {
  const { agent } = await signedIn(t, 'editor');
  const sent = await sendUpload(agent, [{ name: `${id}.csv`, content: `id,title_zh\n${id},${title}\n` }]);
  const uploadId = Number(/\/(\d+)$/.exec(sent.headers.location!)![1]);
  const upload = t.context.catalog.uploads.get(uploadId)!;
  return { uploadId, spec: { uploadId, folder: path.join(t.context.config.uploadsDir, upload.folder), settings: { mode: 'upsert' }, actor: 'user:editor' } };
}

async function waitUntilEnded(worker: OnDemandImportWorker): Promise<void> {
  while (worker.running()) await new Promise((resolve) => setTimeout(resolve, 50));
}

test.serial('the import worker starts when a job is queued, ends once none is left, and starts again for the next job', async (t) => {
  const worker = await runImportWorkerOnDemand(t.context.config, t.context.catalog, silentLogger, { pollMs: 50, idleMs: 200 });
  t.teardown(() => worker.stop());
  t.false(worker.running(), 'no worker while no job waits');
  for (const [id, title] of [['on-demand-first', '按需导入一'], ['on-demand-second', '按需导入二']] as const) {
    const { uploadId, spec } = await uploadOf(t, id, title);
    const job = t.context.catalog.jobs.enqueue({ kind: 'import', uploadId, createdBy: 'user:editor', spec });
    t.is((await finishedJob(t, job)).status, 'done');
    t.is(t.context.catalog.getRecord(id)?.record.title_zh, title);
    await waitUntilEnded(worker);
    t.false(worker.running(), 'the worker ended once no job was left');
  }
});

test.serial('an import whose process was killed is queued again when the server starts, and finishes', async (t) => {
  const { uploadId, spec } = await uploadOf(t, 'on-demand-resumed', '按需继续');
  const script = `
    import { Catalog } from ${JSON.stringify(new URL('../../core/catalog/catalog.ts', import.meta.url).href)};
    const catalog = Catalog.open(${JSON.stringify(t.context.catalog.file)});
    catalog.jobs.enqueue({ kind: 'import', uploadId: ${uploadId}, createdBy: 'user:editor', spec: ${JSON.stringify(spec)} });
    catalog.jobs.claimNext();
    process.kill(process.pid, 'SIGKILL');`;
  t.is(spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]).signal, 'SIGKILL');
  const stuck = t.context.catalog.jobs.recent(1)[0]!;
  // What the server's catalog does as it opens: a running job whose process is gone is interrupted.
  t.context.catalog.jobs.markInterrupted();
  const worker = await runImportWorkerOnDemand(t.context.config, t.context.catalog, silentLogger, { pollMs: 50, idleMs: 200 });
  t.teardown(() => worker.stop());
  const resumedBy = t.context.catalog.jobs.get<unknown, { resumedBy: number }>(stuck.id)!.result!.resumedBy;
  t.is((await finishedJob(t, resumedBy)).status, 'done');
  t.is(t.context.catalog.getRecord('on-demand-resumed')?.record.title_zh, '按需继续');
});
