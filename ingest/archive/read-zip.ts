/**
 * Reads ZIP archives (an upload of a record file and photographs; the inside of an XLSX) with
 * yauzl, refusing what no curator's archive holds before a byte is written: entry names that
 * leave the archive (`../`, absolute paths), symlinks, encrypted entries, repeated names, too many
 * entries, more uncompressed bytes than the limit, and zip bombs (an entry that inflates far
 * beyond its compressed size). yauzl checks that every entry inflates to exactly the size it
 * declares, so a lying header cannot slip past the limits.
 *
 * Names are UTF-8 when the archive says so; otherwise they are decoded as the archive's
 * characters suggest (Windows' Explorer writes GBK names on a Chinese system), so that a CSV's
 * `images` column finds `广济桥.jpg`.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import yauzl from 'yauzl';
import { ImportFileError } from '../read/source-item.ts';

export interface ZipLimits {
  maxEntries: number;
  /** All entries together, uncompressed. */
  maxTotalBytes: number;
  /** Uncompressed size over compressed size above which a large entry is a bomb. */
  maxRatio: number;
  /** Entries smaller than this are never called bombs (a small text compresses well). */
  ratioFloorBytes: number;
}

export interface ZipEntry {
  /** With `/` separators, never leaving the archive. */
  name: string;
  size: number;
  isDirectory: boolean;
  raw: yauzl.Entry;
}

const UTF8_FLAG = 0x800;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Opens `file` and checks every entry; the caller closes the returned archive. */
export async function openZip(file: string, limits: ZipLimits): Promise<{ zip: yauzl.ZipFile; entries: ZipEntry[] }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { decodeStrings: false, validateEntrySizes: true, autoClose: false });
  } catch {
    throw new ImportFileError({ key: 'archive.unreadable' });
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new ImportFileError({ key: 'archive.too_many_entries', params: { maximum: limits.maxEntries } });
    const raw: yauzl.Entry[] = [];
    for await (const entry of zip.eachEntry()) raw.push(entry);
    const names = decodeNames(raw);
    const entries = raw.map((entry, index) => checkEntry(entry, names[index]!, limits));
    const seen = new Set<string>();
    let total = 0;
    for (const entry of entries) {
      const key = entry.name.normalize('NFC').toLowerCase();
      if (seen.has(key)) throw new ImportFileError({ key: 'archive.duplicate_entry', params: { entry: entry.name } });
      seen.add(key);
      total += entry.size;
    }
    if (total > limits.maxTotalBytes) throw new ImportFileError({ key: 'archive.too_large', params: { maximum: megabytes(limits.maxTotalBytes) } });
    return { zip, entries };
  } catch (error) {
    zip.close();
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError({ key: 'archive.unreadable' });
  }
}

/**
 * Writes the archive's files under `directory` (created); returns their paths. Folders are
 * made as needed; `__MACOSX/` and hidden entries are left out. The caller removes `directory`
 * if this throws.
 */
export async function extractZip(file: string, directory: string, limits: ZipLimits): Promise<string[]> {
  const { zip, entries } = await openZip(file, limits);
  const written: string[] = [];
  try {
    await mkdir(directory, { recursive: true });
    for (const entry of entries) {
      if (entry.isDirectory || isClutter(entry.name)) continue;
      const target = path.join(directory, ...entry.name.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      try {
        // `wx`: never through an existing file or link.
        await pipeline(await zip.openReadStreamPromise(entry.raw), createWriteStream(target, { flags: 'wx' }));
      } catch (error) {
        throw new ImportFileError({ key: 'archive.unreadable_entry', params: { entry: entry.name, detail: (error as Error).message.slice(0, 200) } });
      }
      written.push(target);
    }
    return written;
  } finally {
    zip.close();
  }
}

function checkEntry(entry: yauzl.Entry, name: string, limits: ZipLimits): ZipEntry {
  const unsafe = yauzl.validateFileName(name);
  if (unsafe || name.split('/').some((part) => part === '..') || name.includes('\0')) throw new ImportFileError({ key: 'archive.unsafe_path', params: { entry: name } });
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw new ImportFileError({ key: 'archive.symlink', params: { entry: name } });
  if (entry.isEncrypted()) throw new ImportFileError({ key: 'archive.encrypted', params: { entry: name } });
  const size = entry.uncompressedSize;
  if (size > limits.maxTotalBytes) throw new ImportFileError({ key: 'archive.too_large', params: { maximum: megabytes(limits.maxTotalBytes) } });
  if (size > limits.ratioFloorBytes && size > Math.max(entry.compressedSize, 1) * limits.maxRatio) {
    throw new ImportFileError({ key: 'archive.bomb', params: { entry: name, ratio: Math.round(size / Math.max(entry.compressedSize, 1)) } });
  }
  return { name: name.replace(/\/+$/, ''), size, isDirectory: name.endsWith('/'), raw: entry };
}

/** UTF-8 for flagged or valid-UTF-8 names; the rest in the one legacy encoding their bytes suggest. */
function decodeNames(entries: readonly yauzl.Entry[]): string[] {
  const legacy = entries.filter((entry) => !(entry.generalPurposeBitFlag & UTF8_FLAG) && !isUtf8(entry.fileName as unknown as Buffer));
  const encoding = legacy.length === 0 ? 'cp437' : legacyEncodingOf(Buffer.concat(legacy.map((entry) => entry.fileName as unknown as Buffer)));
  return entries.map((entry) => {
    const bytes = entry.fileName as unknown as Buffer;
    return entry.generalPurposeBitFlag & UTF8_FLAG || isUtf8(bytes) ? bytes.toString('utf8') : iconv.decode(bytes, encoding);
  });
}

function legacyEncodingOf(bytes: Buffer): string {
  const guess = jschardet.detect(bytes, { detectEncodings: ['GB18030', 'Big5'] });
  return guess.encoding === 'Big5' ? 'big5' : guess.encoding === 'GB18030' ? 'gb18030' : 'cp437';
}

function isClutter(name: string): boolean {
  return name.split('/').some((part) => part === '__MACOSX' || part.startsWith('.'));
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
