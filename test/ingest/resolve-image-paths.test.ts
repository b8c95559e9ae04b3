import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { resolveImagePaths } from '../../ingest/resolve-image-paths.ts';
import { makeTempDir } from '../helpers/temp-archive.ts';

/** An import folder with `images/a.jpg`, beside a secret file outside it. */
function importFolder(t: ExecutionContext) {
  const root = makeTempDir(t, 'images-');
  const folder = path.join(root, 'import');
  mkdirSync(path.join(folder, 'images'), { recursive: true });
  writeFileSync(path.join(folder, 'images', 'a.jpg'), 'jpeg bytes');
  writeFileSync(path.join(root, 'secret.txt'), 'secret');
  return { root, folder };
}

const refusals = (references: string[], folder: string) =>
  resolveImagePaths(references, folder).problems.map((problem) => `${problem.params?.path} ${problem.key}`);

test('a path inside the import folder is accepted, relative with `/`, with its real file', (t) => {
  const { folder } = importFolder(t);
  const resolved = resolveImagePaths(['images/a.jpg', './images/../images/a.jpg'], folder);
  t.deepEqual(resolved.accepted, ['images/a.jpg', 'images/a.jpg']);
  t.deepEqual(resolved.files, [path.join(folder, 'images', 'a.jpg'), path.join(folder, 'images', 'a.jpg')]);
  t.deepEqual(resolved.problems, []);
});

test('paths climbing out of the folder are refused, even when they would exist', (t) => {
  const { folder } = importFolder(t);
  t.deepEqual(refusals(['../secret.txt', '../../etc/passwd', 'images/../../secret.txt', '.'], folder), [
    '../secret.txt media.outside_folder',
    '../../etc/passwd media.outside_folder',
    'images/../../secret.txt media.outside_folder',
    '. media.outside_folder',
  ]);
});

test('absolute paths are refused, Unix and Windows alike', (t) => {
  const { folder } = importFolder(t);
  t.deepEqual(refusals(['/etc/passwd', path.join(folder, 'images', 'a.jpg'), 'C:\\Windows\\win.ini', 'c:/boot.ini', '\\\\server\\share\\a.jpg'], folder), [
    '/etc/passwd media.absolute_path',
    `${path.join(folder, 'images', 'a.jpg')} media.absolute_path`,
    'C:\\Windows\\win.ini media.absolute_path',
    'c:/boot.ini media.absolute_path',
    '\\\\server\\share\\a.jpg media.absolute_path',
  ]);
});

test('a symlink inside the folder that leads outside is refused; one leading inside is accepted', (t) => {
  const { root, folder } = importFolder(t);
  symlinkSync(path.join(root, 'secret.txt'), path.join(folder, 'secret.jpg'));
  symlinkSync('/etc', path.join(folder, 'etc-link'));
  symlinkSync(path.join(folder, 'images', 'a.jpg'), path.join(folder, 'alias.jpg'));
  t.deepEqual(refusals(['secret.jpg', 'etc-link/passwd'], folder), ['secret.jpg media.outside_folder', 'etc-link/passwd media.outside_folder']);
  const inside = resolveImagePaths(['alias.jpg'], folder);
  t.deepEqual(inside.accepted, ['alias.jpg']);
  t.deepEqual(inside.files, [path.join(folder, 'images', 'a.jpg')]);
});

test('URLs of any scheme are refused as remote, never fetched', (t) => {
  const { folder } = importFolder(t);
  const urls = ['http://169.254.169.254/latest/meta-data', 'https://example.org/a.jpg', 'file:///etc/passwd', 'data:image/png;base64,AAAA', 'FTP://example.org/a.jpg'];
  t.deepEqual(refusals(urls, folder), urls.map((url) => `${url} media.remote_not_fetched`));
});

test('a missing file and a folder named as an image are reported as not found', (t) => {
  const { folder } = importFolder(t);
  t.deepEqual(refusals(['images/missing.jpg', 'images'], folder), ['images/missing.jpg media.not_found', 'images media.not_found']);
});
