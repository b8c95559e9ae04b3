/**
 * The curator site with its import worker running in a process of its own, as `npm start` runs it, and
 * what the upload tests do through it: send files as a browser's form does, wait for a job.
 */
import type { ExecutionContext, TestFn } from 'ava';
import test from 'ava';
import iconv from 'iconv-lite';
import type { ImportJob } from '../../../core/catalog/import-jobs.ts';
import { startImportWorker, type ImportWorker } from '../../../ingest/jobs/start-import-worker.ts';
import { silentLogger, type FixtureSite } from '../../site/helpers/fixture-site.ts';
import { csrfOf, openCuratorSite, type Agent } from './curator-site.ts';

/** `worker` is shared by the file's tests (a test that restarts it puts the new one there). */
export type UploadSite = FixtureSite & { worker?: { current: ImportWorker } };

/** The test file's curator site (with a worker unless `worker: false`), opened before its tests and closed after them. */
export function withUploadSite(options: { env?: Record<string, string>; worker?: boolean } = {}): TestFn<UploadSite> {
  const typed = test as TestFn<UploadSite>;
  typed.before(async (t) => {
    const site = await openCuratorSite(options.env ?? {});
    t.context = { ...site, ...(options.worker !== false && { worker: { current: await startImportWorker(site.config, silentLogger) } }) };
  });
  typed.after.always(async (t) => {
    await t.context.worker?.current.stop();
    await t.context.close();
  });
  return typed;
}

export interface SentFile {
  name: string;
  content: Buffer | string;
}

/** Posts the upload form (its token first, as the page's form has it); `token: null` sends none. */
export async function sendUpload(agent: Agent, files: readonly SentFile[], token?: string | null) {
  const csrf = token === undefined ? csrfOf((await agent.get('/curator/uploads').set('Accept-Language', 'en')).text) : token;
  let call = agent.post('/curator/uploads').set('Accept-Language', 'en');
  if (csrf !== null) call = call.field('_csrf', csrf);
  for (const file of files) call = call.attach('files', Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content), file.name);
  return call;
}

/** Text as Chinese Excel saves a CSV: GBK. */
export function gbk(text: string): Buffer {
  return iconv.encode(text, 'gbk');
}

/** Waits until the job has finished (the worker runs it in a process of its own). */
export async function finishedJob(t: ExecutionContext<UploadSite>, id: number): Promise<ImportJob<unknown, unknown>> {
  for (;;) {
    const job = t.context.catalog.jobs.get(id);
    if (job && job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The job id a redirect to its page names. */
export function jobIdOf(location: string | undefined): number {
  const id = /^\/curator\/jobs\/(\d+)/.exec(location ?? '')?.[1];
  if (!id) throw new Error(`not a job page: ${location}`);
  return Number(id);
}
