/** sha256 of files, computed while reading them once. */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

export interface FileDigest {
  bytes: number;
  sha256: string;
}

/** Size and sha256 of `file`; `onBytes` hears of every chunk read (for progress). */
export async function digestFile(file: string, onBytes?: (bytes: number) => void): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    onBytes?.(chunk.length);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Copies `source` to `target` (which must not exist) and returns the digest of the bytes copied. */
export async function copyAndDigest(source: string, target: string, onBytes?: (bytes: number) => void): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(
    createReadStream(source),
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        bytes += chunk.length;
        onBytes?.(chunk.length);
        yield chunk;
      }
    },
    createWriteStream(target, { flags: 'wx' }),
  );
  return { bytes, sha256: hash.digest('hex') };
}
