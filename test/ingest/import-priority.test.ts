/**
 * An import from the command line leaves the CPU to a server on the same machine first: it runs at
 * ARCHIVE_IMPORT_NICE (as the web imports' thread does), the threads it starts inherit it, and the
 * threads Node started before it (garbage collection helpers, the file-system pool) are lowered too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import test from 'ava';
import { cliWorkspace, finished } from './helpers/run-cli.ts';

const ROWS = 3000;
/** Seven steps below this process's own priority (the suite may itself run under `nice`), at most 19. */
const IMPORT_NICE = Math.min(19, os.getPriority() + 7);

/** The nice values of a process's threads, its first thread (the main one) first (field 19 of /proc/…/stat; the command name may hold spaces). */
function threadNices(pid: number): number[] {
  try {
    const tids = readdirSync(`/proc/${pid}/task`).map(Number).sort((a, b) => Number(b === pid) - Number(a === pid));
    return tids.flatMap((tid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        return [Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
      } catch {
        return []; // the thread ended between the listing and the read
      }
    });
  } catch {
    return [];
  }
}

test('an import run from the command line runs at the import nice value, and so do the index threads it starts', async (t) => {
  const cli = cliWorkspace(t);
  const lines = ['id,title_zh,title_en,type'];
  for (let n = 0; n < ROWS; n++) lines.push(`nice-${n},第${n}号遗存,Site ${n},bridge`);
  cli.write('rows.csv', `${lines.join('\n')}\n`);
  const child = cli.start(['rows.csv'], { env: { ARCHIVE_IMPORT_NICE: '7' } });
  const done = finished(child);
  let seen: number[] = [];
  let running = true;
  void done.then(() => (running = false));
  // The most threads at the import's nice seen at once, while it runs.
  while (running) {
    const nices = threadNices(child.pid!);
    if (nices.filter((nice) => nice === IMPORT_NICE).length > seen.filter((nice) => nice === IMPORT_NICE).length) seen = nices;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const result = await done;
  t.is(result.code, 0, result.stderr);
  t.true(seen.filter((nice) => nice === IMPORT_NICE).length >= 2, `threads' nice values: ${seen.join(' ')}`);
});

test('once an import from the command line has lowered its priority, no thread of it runs at the old one', async (t) => {
  const cli = cliWorkspace(t);
  const lines = ['id,title_zh,title_en,type'];
  for (let n = 0; n < ROWS; n++) lines.push(`all-${n},第${n}号遗存,Site ${n},bridge`);
  cli.write('rows.csv', `${lines.join('\n')}\n`);
  const child = cli.start(['rows.csv'], { env: { ARCHIVE_IMPORT_NICE: '7' } });
  const done = finished(child);
  let running = true;
  void done.then(() => (running = false));
  // The main thread is lowered last: every reading that finds it lowered must find all the others lowered.
  const lowered: number[][] = [];
  while (running) {
    const nices = threadNices(child.pid!);
    if (nices[0] === IMPORT_NICE) lowered.push(nices);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const result = await done;
  t.is(result.code, 0, result.stderr);
  t.true(lowered.length > 0, 'the import was seen running after it lowered its priority');
  for (const nices of lowered) t.deepEqual(nices.filter((nice) => nice !== IMPORT_NICE), [], `threads' nice values: ${nices.join(' ')}`);
});
