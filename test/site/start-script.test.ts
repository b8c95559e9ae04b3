/**
 * `npm start` builds the server (`npm run build`, dist/) and runs it in one node process with no
 * TypeScript loader: not under the tsx CLI, which stays alive beside the server as a second node
 * process (~47 MB) only to pass signals on, nor with tsx's loader thread, esbuild and source maps.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { Catalog } from '../../core/catalog/catalog.ts';
import { PROJECT_ROOT } from '../../core/config.ts';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import { addRecords, makeTempDir } from '../helpers/temp-archive.ts';

/** The command lines of every process descended from `pid`. */
function descendantsOf(pid: number): string[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // The parent is the fourth field, after the command name in parentheses (which may hold spaces).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const [child, of] of parents) if (of === parent) found.push(child), visit(child);
  };
  visit(pid);
  return found.flatMap((child) => {
    try {
      return [readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').join(' ').trim()];
    } catch {
      return [];
    }
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(done: () => boolean): Promise<void> {
  for (let tries = 0; !done(); tries++) {
    if (tries > 200) throw new Error('still running after 20 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('npm start builds the server and serves the archive from one node process without tsx, and Ctrl-C stops it', async (t) => {
  const dir = makeTempDir(t, 'start-script-');
  const catalog = Catalog.open(path.join(dir, 'catalog.db'));
  const engine = new EmbeddedEngine(catalog);
  await addRecords({ catalog, engine }, [{ id: 'canal-bridge', title_zh: '广济桥', title_en: 'Guangji Bridge' }]);
  await engine.close();
  catalog.close();

  const npm = spawn('npm', ['start', '--silent'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ARCHIVE_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', MEILI_HOST: '', ARCHIVE_ENGINE: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group, as in a terminal, where Ctrl-C signals every process of the group.
    detached: true,
  });
  t.teardown(() => {
    try {
      process.kill(-npm.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  });
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((entry) => entry.includes('"msg":"listening"'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    npm.once('exit', (code) => reject(new Error(`npm start exited with ${code} before listening`)));
  });
  const search = await fetch(`${origin}/search?q=${encodeURIComponent('广济桥')}`);
  t.is(search.status, 200);
  t.regex(await search.text(), /canal-bridge/);

  const processes = descendantsOf(npm.pid!);
  const nodes = processes.filter((command) => /(^|\/)node\s/.test(command));
  t.is(nodes.length, 1, nodes.join('\n'));
  t.regex(nodes[0]!, /(^|\/)node (--\S+ )*dist\/server\/main\.js$/);
  t.deepEqual(processes.filter((command) => /tsx|esbuild/.test(command)), [], 'the build is done before the server starts');

  const exited = once(npm, 'exit');
  process.kill(-npm.pid!, 'SIGINT');
  await exited;
  await t.notThrowsAsync(waitUntil(() => descendantsOf(npm.pid!).length === 0 && !isRunning(-npm.pid!)), 'the server ends with npm');
});
