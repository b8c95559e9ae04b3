/**
 * Receives a curator's upload (multipart/form-data, streamed by busboy) into a folder of its own
 * under the uploads directory. Nothing is written before the form's CSRF token — which must come
 * first, as the upload form puts it — is checked. Refused, with nothing kept: a body declared
 * larger than the limit (413 before a byte is read), a file or a whole upload over it, more files
 * than allowed (413), an empty file, a name that is not a plain file name, a type the importer
 * does not read, a name sent twice (400). A request that ends early (the browser closed, the
 * network dropped) leaves no folder behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import type { UploadFile } from '../../../core/catalog/upload-store.ts';
import { PHOTO_EXTENSIONS } from '../../../core/media/image-types.ts';
import { formatOf } from '../../../ingest/find-inputs.ts';
import { BadRequestError, HttpError } from '../../errors.ts';

export interface ReceivedUpload {
  /** The folder's name under the uploads directory. */
  folder: string;
  files: UploadFile[];
}

export interface UploadLimits {
  /** All files of the upload together (and so each of them). */
  maxBytes: number;
  maxFiles: number;
}

/** Too large, or too many files: 413. */
export class UploadTooLargeError extends HttpError {
  override readonly name = 'UploadTooLargeError';
  constructor(key: 'upload.too_large' | 'upload.too_many_files', params: Record<string, string | number>) {
    super(413, key, params);
  }
}

/** Room for the form's other fields and the multipart boundaries around the files. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * @param checkToken called with the form's `_csrf` field before any file is read; throws to refuse
 */
export async function receiveUpload(req: Request, uploadsDir: string, limits: UploadLimits, checkToken: (token: string) => Promise<void>): Promise<ReceivedUpload> {
  if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) throw new BadRequestError('upload.not_multipart');
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > limits.maxBytes + FORM_OVERHEAD_BYTES) throw new UploadTooLargeError('upload.too_large', { maximum: megabytes(limits.maxBytes) });
  const folder = `${new Date().toISOString().slice(0, 10)}-${randomBytes(8).toString('hex')}`;
  const directory = path.join(uploadsDir, folder);
  await mkdir(directory, { recursive: true });
  try {
    const files = await readParts(req, directory, limits, checkToken);
    if (files.length === 0) throw new BadRequestError('upload.no_files');
    return { folder, files };
  } catch (error) {
    // However the request ended: its bytes stop here and nothing of it stays on disk.
    req.unpipe();
    req.resume();
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}

function readParts(req: Request, directory: string, limits: UploadLimits, checkToken: (token: string) => Promise<void>): Promise<UploadFile[]> {
  return new Promise((resolve, reject) => {
    const parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { fileSize: limits.maxBytes, files: limits.maxFiles, fields: 20, fieldSize: 4096, parts: limits.maxFiles + 20 },
    });
    const files: UploadFile[] = [];
    const writes: Promise<void>[] = [];
    let total = 0;
    let tokenChecked: Promise<void> | undefined;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    parser.on('field', (name, value) => {
      if (name === '_csrf' && !tokenChecked) tokenChecked = checkToken(value);
    });
    parser.on('file', (_field, stream, info) => {
      if (failed) return stream.resume();
      if (!tokenChecked) {
        stream.resume();
        return fail(new HttpError(403, 'curator.error.csrf'));
      }
      const name = plainName(info.filename);
      if (!name) {
        stream.resume();
        return fail(new BadRequestError('upload.bad_name', { name: String(info.filename ?? '').slice(0, 200) }));
      }
      if (!acceptedType(name)) {
        stream.resume();
        return fail(new BadRequestError('upload.wrong_type', { name }));
      }
      if (files.some((file) => file.name.toLowerCase() === name.toLowerCase())) {
        stream.resume();
        return fail(new BadRequestError('upload.duplicate_name', { name }));
      }
      const entry: UploadFile = { name, bytes: 0, sha256: '' };
      files.push(entry);
      const hash = createHash('sha256');
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          entry.bytes += chunk.length;
          total += chunk.length;
          hash.update(chunk);
          if (total > limits.maxBytes) return done(new UploadTooLargeError('upload.too_large', { maximum: megabytes(limits.maxBytes) }));
          done(null, chunk);
        },
      });
      stream.on('limit', () => counter.destroy(new UploadTooLargeError('upload.too_large', { maximum: megabytes(limits.maxBytes) })));
      writes.push(
        tokenChecked
          .then(() => pipeline(stream, counter, createWriteStream(path.join(directory, name), { flags: 'wx' })))
          .then(() => {
            if (entry.bytes === 0) throw new BadRequestError('upload.empty_file', { name });
            entry.sha256 = hash.digest('hex');
          })
          .catch((error: unknown) => {
            stream.resume();
            fail(error);
          }),
      );
    });
    parser.on('filesLimit', () => fail(new UploadTooLargeError('upload.too_many_files', { maximum: limits.maxFiles })));
    parser.on('partsLimit', () => fail(new UploadTooLargeError('upload.too_many_files', { maximum: limits.maxFiles })));
    parser.on('error', () => fail(new BadRequestError('upload.malformed')));
    parser.on('close', () => {
      void Promise.all([tokenChecked, ...writes]).then(
        () => (failed ? undefined : resolve(files)),
        (error: unknown) => fail(error),
      );
    });
    req.on('close', () => {
      if (!req.complete) fail(new BadRequestError('upload.aborted'));
    });
    req.pipe(parser);
  });
}

/** The file's own name (a browser may send a path), or undefined when it cannot be a plain file name. */
function plainName(sent: string | undefined): string | undefined {
  const name = path.basename(String(sent ?? '').replaceAll('\\', '/')).normalize('NFC').trim();
  if (name === '' || name.startsWith('.') || name.length > 200 || /[\u0000-\u001f\u007f/:*?"<>|]/.test(name)) return undefined;
  return name;
}

/** Record files, ZIP archives and photographs: what the importer reads. */
function acceptedType(name: string): boolean {
  const extension = path.extname(name).toLowerCase();
  return formatOf(name) !== undefined || extension === '.zip' || PHOTO_EXTENSIONS.has(extension.slice(1));
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
