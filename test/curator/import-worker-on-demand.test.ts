/**
 * The server keeps the web imports' worker up only while there are jobs: it starts when one is
 * queued (or an interrupted one is queued again at start), ends once none is left, and starts again
 * for the next, so a server between imports holds no second copy of the archive's modules. Once
 * none is left, the server's engine merges the index the imports left in pieces.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { ExecutionContext } from 'ava';
import Database from 'better-sqlite3';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import { countSegments } from '../../core/search/embedded/merge-segments.ts';
import type { MergeOutcome } from '../../core/search/types.ts';
import { query } from '../helpers/temp-archive.ts';
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
  const worker = await runImportWorkerOnDemand(t.context.config, t.context.catalog, t.context.engine, silentLogger, { pollMs: 50, idleMs: 200 });
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
  const worker = await runImportWorkerOnDemand(t.context.config, t.context.catalog, t.context.engine, silentLogger, { pollMs: 50, idleMs: 200 });
  t.teardown(() => worker.stop());
  const resumedBy = t.context.catalog.jobs.get<unknown, { resumedBy: number }>(stuck.id)!.result!.resumedBy;
  t.is((await finishedJob(t, resumedBy)).status, 'done');
  t.is(t.context.catalog.getRecord('on-demand-resumed')?.record.title_zh, '按需继续');
});

test.serial('once the last job has finished, the server merges the index the import left in pieces, and finds the imported record as before', async (t) => {
  // The server's engine, on the catalog file the worker process writes; mergeAbove 0: an archive this small merges too.
  const engine = new EmbeddedEngine(t.context.catalog, { mergeAbove: 0 });
  const db = new Database(t.context.catalog.file, { readonly: true });
  t.teardown(async () => {
    await engine.close();
    db.close();
  });
  let asked: ((seen: { segments: number; outcome: MergeOutcome }) => void) | undefined;
  const merged = new Promise<{ segments: number; outcome: MergeOutcome }>((resolve) => (asked = resolve));
  // The engine as the server holds it, noting how many pieces the index was in when the merge was asked for.
  const server = {
    mergeIndex: async () => {
      const segments = countSegments(db);
      const outcome = await engine.mergeIndex();
      asked!({ segments, outcome });
      return outcome;
    },
  };
  const worker = await runImportWorkerOnDemand(t.context.config, t.context.catalog, server, silentLogger, { pollMs: 50, idleMs: 200 });
  t.teardown(() => worker.stop());
  const { uploadId, spec } = await uploadOf(t, 'on-demand-merged', '按需合并');
  const job = t.context.catalog.jobs.enqueue({ kind: 'import', uploadId, createdBy: 'user:editor', spec });
  t.is((await finishedJob(t, job)).status, 'done');
  const { segments, outcome } = await merged;
  t.true(segments > 1, `the import left the index in pieces (${segments})`);
  t.true('steps' in outcome && outcome.steps > 0, JSON.stringify(outcome));
  t.is(countSegments(db), 1);
  const found = await engine.search(query({ text: '按需合并' }));
  t.deepEqual(found.hits.map((hit) => hit.record.id), ['on-demand-merged']);
});
