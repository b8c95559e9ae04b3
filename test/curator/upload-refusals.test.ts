/**
 * Bad uploads (bad-inputs rows 31 and 32): each is refused with a bilingual 4xx before anything
 * stays on disk — no folder under the uploads directory, no upload recorded. The limit here is
 * 1 MB (ARCHIVE_UPLOAD_MAX_MB) so that "too large" is quick to send. Serial: each looks at the whole
 * uploads directory.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExecutionContext } from 'ava';
import { archiveFixtures as zips } from '../fixtures/archives/index.ts';
import { MESSAGES, type MessageKey } from '../../core/i18n/messages.ts';
import { decodeEntities } from '../site/helpers/html.ts';
import { anonymousAgent, csrfOf, signedIn, type Agent } from './helpers/curator-site.ts';
import { sendUpload, withUploadSite, type SentFile, type UploadSite } from './helpers/upload-site.ts';

const test = withUploadSite({ env: { ARCHIVE_UPLOAD_MAX_MB: '1' }, worker: false });

function leftOnDisk(t: ExecutionContext<UploadSite>): string[] {
  try {
    return readdirSync(t.context.config.uploadsDir);
  } catch {
    return [];
  }
}

const CSV = 'id,title_zh\nrefused-upload,不应导入\n';

/** The Cookie header the agent's browser-like jar sends to /curator (session and CSRF cookies). */
function cookiesOf(agent: Agent): string {
  const jar = (agent as unknown as { jar: { getCookies(access: object): { toValueString(): string } } }).jar;
  return jar.getCookies({ domain: '127.0.0.1', path: '/curator', secure: false, script: false }).toValueString();
}

/** The error page's message, as a curator reads it. */
function leadOf(html: string): string {
  return decodeEntities(/<p class="page-lead">([^<]*)<\/p>/.exec(html)?.[1] ?? '');
}

/** The English text of `key`, any value in its placeholders. */
function messagePattern(key: string): RegExp {
  const text = MESSAGES[key as MessageKey].en;
  return new RegExp(`^${text.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
}

for (const [what, files, status, key] of [
  ['a zero-byte file', [{ name: 'empty.csv', content: '' }], 400, 'upload.empty_file'],
  ['a file of a type the archive does not import', [{ name: 'setup.exe', content: 'MZ' }], 400, 'upload.wrong_type'],
  ['a name sent twice', [{ name: 'a.csv', content: CSV }, { name: 'A.csv', content: CSV }], 400, 'upload.duplicate_name'],
  ['a ZIP with a ../ entry', [{ name: 'slip.zip', content: readFileSync(zips.zipSlip) }], 400, 'archive.unsafe_path'],
  ['a ZIP with a symbolic link', [{ name: 'link.zip', content: readFileSync(zips.symlink) }], 400, 'archive.symlink'],
  ['a zip bomb', [{ name: 'bomb.zip', content: readFileSync(zips.bomb) }], 400, 'archive.bomb'],
  ['a file over the size limit', [{ name: 'big.csv', content: `id,title_zh\n${'x,'.repeat(700_000)}\n` }], 413, 'upload.too_large'],
  ['more files than allowed', Array.from({ length: 501 }, (_, index) => ({ name: `photo-${index}.jpg`, content: 'x' })), 413, 'upload.too_many_files'],
] as const satisfies readonly (readonly [string, readonly SentFile[], number, string])[]) {
  test.serial(`${what} is refused (${status}) in both languages, and nothing of it is kept`, async (t) => {
    const { agent } = await signedIn(t, 'editor');
    const response = await sendUpload(agent, files);
    t.is(response.status, status);
    t.regex(leadOf(response.text), messagePattern(key));
    t.notRegex(response.text, /^\s+at /m, 'no stack trace');
    t.deepEqual(leftOnDisk(t), []);
    t.deepEqual(t.context.catalog.uploads.recent(5), []);
  });
}

test.serial('an upload without the form token, with another session\'s token, from a viewer or from no one is refused before a byte is written', async (t) => {
  const files = [{ name: 'records.csv', content: CSV }];
  const editor = await signedIn(t, 'editor');
  t.is((await sendUpload(editor.agent, files, null)).status, 403);
  const viewer = await signedIn(t, 'viewer');
  t.is((await sendUpload(editor.agent, files, viewer.token)).status, 403);
  t.is((await sendUpload(viewer.agent, files, viewer.token)).status, 403);
  const anonymous = await anonymousAgent(t);
  t.is((await sendUpload(anonymous.agent, files, anonymous.token)).status, 401);
  t.deepEqual(leftOnDisk(t), []);
  t.deepEqual(t.context.catalog.uploads.recent(5), []);
});

test.serial('an upload that stops half-way (the browser closed) leaves no folder behind', async (t) => {
  const { agent } = await signedIn(t, 'editor');
  const token = csrfOf((await agent.get('/curator/uploads')).text);
  const server = t.context.app.listen(0, '127.0.0.1');
  t.teardown(() => server.close());
  await new Promise((resolve) => server.once('listening', resolve));
  const boundary = 'half-an-upload';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="records.csv"\r\nContent-Type: text/csv\r\n\r\nid,title_zh\n`;
  const request = http.request({
    port: (server.address() as AddressInfo).port,
    host: '127.0.0.1',
    method: 'POST',
    path: '/curator/uploads',
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(head.length + 100_000), Cookie: cookiesOf(agent) },
  });
  request.on('error', () => undefined);
  request.write(head);
  request.write('half-row,'.repeat(1000));
  // The file is being written (its token was accepted) while the body arrives…
  const writing = () => leftOnDisk(t).some((folder) => existsSync(path.join(t.context.config.uploadsDir, folder, 'records.csv')));
  while (!writing()) await new Promise((resolve) => setTimeout(resolve, 20));
  request.destroy();
  // …and goes once the request has ended early.
  while (leftOnDisk(t).length > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  t.deepEqual(leftOnDisk(t), []);
  t.deepEqual(t.context.catalog.uploads.recent(5), []);
});
