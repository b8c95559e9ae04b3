/**
 * `npm test`'s pre-check of the Debian packages the tests need, run as the real script: silent
 * when everything is installed, and when something is missing it stops at once with the one
 * command to run. (Installing as root is what CI does on every fresh machine; here a missing
 * package is a name that does not exist, and apt-get is kept out of it.)
 */
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { makeTempDir } from '../helpers/temp-archive.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/check-debian-packages.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const NOBODY = 65_534;
const MISSING = 'heritage-archive-no-such-package';

function runCheck(env: NodeJS.ProcessEnv, uid?: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [`--import=${TSX}`, SCRIPT], {
    env: { ...process.env, LANG: 'C', LC_ALL: '', ...env },
    cwd: path.dirname(SCRIPT),
    ...(uid !== undefined && { uid, gid: uid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function listWith(t: Parameters<typeof makeTempDir>[0], names: string[]): string {
  const dir = makeTempDir(t, 'packages-');
  chmodSync(dir, 0o755);
  const file = path.join(dir, 'debian-packages.txt');
  writeFileSync(file, `# what the tests need\n${names.map((name) => `${name}   # why`).join('\n')}\n`, { mode: 0o644 });
  return file;
}

test('with every listed package installed the pre-check says nothing and lets the tests run', async (t) => {
  const result = await runCheck({ ARCHIVE_NO_APT: '1' });
  t.deepEqual(result, { code: 0, stdout: '', stderr: '' });
});

test('run by an ordinary user, a missing package stops npm test at once with the one sudo command to run', async (t) => {
  const list = listWith(t, ['chromium', MISSING]);
  const result = await runCheck({ ARCHIVE_DEBIAN_PACKAGES: list }, NOBODY);
  t.is(result.code, 1);
  t.is(result.stderr, `the tests need Debian packages that are not installed: ${MISSING} (see ${list}). Run:\n  sudo apt-get install -y ${MISSING}\nthen npm test again\n`);
});

test('run as root with apt-get switched off, a missing package is named with the apt-get command, in Chinese too', async (t) => {
  const list = listWith(t, [MISSING, 'fonts-noto-cjk']);
  const result = await runCheck({ ARCHIVE_DEBIAN_PACKAGES: list, ARCHIVE_NO_APT: '1', LANG: 'zh_CN.UTF-8' });
  t.is(result.code, 1);
  t.true(result.stderr.startsWith(`测试所需的 Debian 软件包未安装：${MISSING}`), result.stderr);
  t.true(result.stderr.includes(`\n  apt-get install -y ${MISSING}\n`), result.stderr);
});
