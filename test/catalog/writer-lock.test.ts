import test from 'ava';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../../core/catalog/catalog.ts';
import type { LockHolder } from '../../core/catalog/writer-lock.ts';
import { makeTempDir } from '../helpers/temp-archive.ts';

const holder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'helpers/hold-writer.ts');

/** Another process holding the writer lock of `file`, once it says so. */
async function holdWriter(file: string, ...args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import=tsx', holder, file, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  if (!line.toString().includes('held')) throw new Error(`the holder said ${line.toString()}`);
  return child;
}

function openCatalog(t: Parameters<typeof makeTempDir>[0]): Catalog {
  const catalog = Catalog.open(path.join(makeTempDir(t), 'catalog.db'));
  t.teardown(() => catalog.close());
  return catalog;
}

test('a second writer waits, told who holds the lock, and gets it when the first finishes', async (t) => {
  const catalog = openCatalog(t);
  const child = await holdWriter(catalog.file);
  const told: LockHolder[] = [];
  let acquired = false;
  const waiting = catalog.writerLock.acquire('second import', { onWait: (held) => told.push(held), pollMs: 50 }).then((release) => {
    acquired = true;
    return release;
  });
  await new Promise((resolve) => setTimeout(resolve, 400));
  t.false(acquired, 'it waits while the other process writes');
  t.is(told.length, 1, 'and says so once');
  t.like(told[0], { purpose: 'test holder', owner: { pid: child.pid } });
  child.stdin!.end();
  const release = await waiting;
  t.true(acquired);
  release();
  t.is(catalog.writerLock.holder(), undefined);
});

test('a lock whose process was killed is taken over at once', async (t) => {
  const catalog = openCatalog(t);
  const child = await holdWriter(catalog.file);
  child.kill('SIGKILL');
  await once(child, 'exit');
  const told: LockHolder[] = [];
  const release = await catalog.writerLock.acquire('after a crash', { onWait: (held) => told.push(held) });
  t.deepEqual(told, []);
  t.like(catalog.writerLock.holder(), { purpose: 'after a crash', owner: { pid: process.pid } });
  release();
});

test('an import whose process was killed is marked interrupted the next time the archive opens, never left running', async (t) => {
  const catalog = openCatalog(t);
  const child = await holdWriter(catalog.file, '--import');
  const [running] = catalog.imports.list();
  t.is(running?.status, 'running');
  const reopened = Catalog.open(catalog.file);
  t.is(reopened.imports.get(running!.id)?.status, 'running', 'a live import stays running');
  reopened.close();
  child.kill('SIGKILL');
  await once(child, 'exit');
  const afterKill = Catalog.open(catalog.file);
  t.teardown(() => afterKill.close());
  t.like(afterKill.imports.get(running!.id), { status: 'interrupted' });
  t.truthy(afterKill.imports.get(running!.id)?.finishedAt);
});
