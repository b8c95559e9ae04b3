/**
 * `npm run users` as an administrator meets it: a real process on a real catalog file, the
 * password piped on standard input (never an argument). Every refusal exits non-zero and changes nothing.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { Catalog } from '../../core/catalog/catalog.ts';
import { EXIT } from '../../core/cli/exit-codes.ts';
import { verifyPassword } from '../../core/auth/passwords.ts';
import { makeTempDir } from '../helpers/temp-archive.ts';

const USERS_CLI = fileURLToPath(new URL('../../ops/users-cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

function users(dataDir: string, args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ARCHIVE_DATA_DIR: dataDir, LANG: 'C' };
  delete env.LC_ALL;
  const child = spawn(process.execPath, [`--import=${TSX}`, USERS_CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function accountsIn(dataDir: string) {
  const catalog = Catalog.open(path.join(dataDir, 'catalog.db'));
  try {
    return catalog.accounts.users.list();
  } finally {
    catalog.close();
  }
}

test('the first administrator is made from the terminal on an empty archive, with an argon2id hash of the piped password', async (t) => {
  const dataDir = path.join(makeTempDir(t), 'data');
  const added = await users(dataDir, ['add', 'Wang.Fang', '--role', 'admin'], 'a long enough passphrase\n');
  t.is(added.code, EXIT.ok, added.stderr);
  t.is(added.stdout.trim(), 'account "wang.fang" created (admin)');
  const [account] = accountsIn(dataDir);
  t.like(account, { name: 'wang.fang', role: 'admin' });
  t.regex(account!.passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  t.true(await verifyPassword(account!.passwordHash, 'a long enough passphrase'));
  const listed = await users(dataDir, ['list']);
  t.regex(listed.stdout, /wang\.fang {2}admin {2}active {2}— {2}0/);
});

test('accounts are listed, re-roled, disabled, enabled, given a new password and deleted; Chinese names work', async (t) => {
  const dataDir = path.join(makeTempDir(t), 'data');
  t.is((await users(dataDir, ['add', 'admin', '--role', 'admin'], 'admin passphrase one\n')).code, EXIT.ok);
  t.is((await users(dataDir, ['add', '王芳', '--role', 'viewer'], '王芳的长密码不要告诉别人\n')).code, EXIT.ok);
  t.is((await users(dataDir, ['role', '王芳', '--role', 'editor', '--lang=zh'])).stdout.trim(), '“王芳”的角色改为 editor');
  t.is((await users(dataDir, ['disable', '王芳'])).code, EXIT.ok);
  const disabled = accountsIn(dataDir).find((user) => user.name === '王芳')!;
  t.is(disabled.role, 'editor');
  t.truthy(disabled.disabledAt);
  t.is((await users(dataDir, ['enable', '王芳'])).code, EXIT.ok);
  t.is(accountsIn(dataDir).find((user) => user.name === '王芳')!.disabledAt, undefined);
  const passwd = await users(dataDir, ['passwd', '王芳'], 'a brand new passphrase\n');
  t.is(passwd.code, EXIT.ok, passwd.stderr);
  t.true(await verifyPassword(accountsIn(dataDir).find((user) => user.name === '王芳')!.passwordHash, 'a brand new passphrase'));
  t.regex((await users(dataDir, ['logout', '王芳'])).stdout, /logged out everywhere \(0 sessions ended\)/);
  const unconfirmed = await users(dataDir, ['delete', '王芳']);
  t.is(unconfirmed.code, EXIT.usage);
  t.regex(unconfirmed.stderr, /deleting account "王芳" \(role editor, 0 sessions\) cannot be undone.*Run again with --yes.*Nothing was changed/);
  t.true(accountsIn(dataDir).some((user) => user.name === '王芳'), 'nothing is deleted without --yes');
  t.is((await users(dataDir, ['delete', '王芳', '--yes'])).code, EXIT.ok);
  t.deepEqual(accountsIn(dataDir).map((user) => user.name), ['admin']);
});

test('bad input is refused with a clear line and changes nothing: a password as an option, short or empty passwords, bad names and roles, the last admin', async (t) => {
  const dataDir = path.join(makeTempDir(t), 'data');
  t.is((await users(dataDir, ['add', 'admin', '--role', 'admin'], 'admin passphrase one\n')).code, EXIT.ok);
  const cases: [string[], string, number, RegExp][] = [
    [['add', 'bob', '--role', 'editor', '--password', 'secret secret'], '', EXIT.usage, /A password is never given on the command line .*type it when asked, or pipe it/],
    [['add', 'bob', '--role', 'editor'], 'short\n', EXIT.refused, /at least 12 characters\. Nothing was changed/],
    [['add', 'bob', '--role', 'editor'], '', EXIT.refused, /no password was given/],
    [['add', 'bob', '--role', 'editor'], 'bob\n', EXIT.refused, /at least 12/],
    [['add', 'bad name!', '--role', 'editor'], 'a long enough passphrase\n', EXIT.refused, /cannot be used/],
    [['add', 'bob', '--role', 'owner'], 'a long enough passphrase\n', EXIT.usage, /--role/],
    [['add', 'bob'], 'a long enough passphrase\n', EXIT.usage, /give the role with --role/],
    [['add', 'ADMIN', '--role', 'viewer'], 'a long enough passphrase\n', EXIT.refused, /exists already/],
    [['delete', 'admin'], '', EXIT.refused, /only active administrator/],
    [['role', 'admin', '--role', 'viewer'], '', EXIT.refused, /only active administrator/],
    [['disable', 'nobody'], '', EXIT.refused, /there is no account "nobody"/],
    [['frobnicate', 'x'], '', EXIT.usage, /unknown command "frobnicate"/],
  ];
  for (const [args, input, code, message] of cases) {
    const result = await users(dataDir, args, input);
    t.is(result.code, code, args.join(' '));
    t.regex(result.stderr, message, args.join(' '));
    t.notRegex(result.stderr, /^\s+at /m, 'no stack trace');
  }
  t.deepEqual(accountsIn(dataDir).map((user) => [user.name, user.role, user.disabledAt]), [['admin', 'admin', undefined]]);
});
