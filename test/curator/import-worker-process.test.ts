/**
 * The web imports' worker is a child process of the server (ingest/jobs/start-import-worker.ts):
 * when the server is killed, the worker ends too rather than import on unwatched — the job it was
 * running then shows as interrupted, and the next server queues it again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import test from 'ava';

const moduleUrl = (relative: string) => JSON.stringify(new URL(relative, import.meta.url).href);

/** Gone, or a zombie nobody has reaped yet (a container's first process may never reap it). */
function ended(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').startsWith('Z');
  } catch {
    return true;
  }
}

test('the import worker ends when the server that started it is killed', async (t) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'import-worker-orphan-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  // A stand-in for the server: it starts the worker as server/main.ts does, says its pid, and waits.
  const script = `
    import { loadConfig } from ${moduleUrl('../../core/config.ts')};
    import { startImportWorker } from ${moduleUrl('../../ingest/jobs/start-import-worker.ts')};
    import pino from 'pino';
    const worker = await startImportWorker(loadConfig(), pino({ level: 'silent' }));
    console.log(worker.pid);`;
  const server = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, ARCHIVE_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await createInterface({ input: server.stdout! })[Symbol.asyncIterator]().next().then(({ value }) => [value as string]);
  const workerPid = Number(line);
  t.true(workerPid > 0 && workerPid !== server.pid, `the worker runs as a process of its own (said ${line})`);
  t.false(ended(workerPid), 'the worker is up while the server is');
  server.kill('SIGKILL');
  const deadline = Date.now() + 30_000;
  while (!ended(workerPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  t.true(ended(workerPid), 'the worker ended once its server was gone');
});
