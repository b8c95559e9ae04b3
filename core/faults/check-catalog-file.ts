/**
 * A look at the catalog file before SQLite opens it. SQLite takes a 0-byte file for a new,
 * empty database, and opens a truncated one without complaint until a read reaches the missing
 * pages; both would let a damaged archive be "migrated" and served (or filled with the demo) as
 * if it were new. Reads 100 bytes: cheap enough for every start and every `/health`.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { CatalogFileError } from './catalog-file-error.ts';

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

/**
 * Throws a `CatalogFileError` when `file` exists but cannot be a whole catalog: 0 bytes, not an
 * SQLite file, or shorter than the page count its header records. A missing file is fine (a
 * new archive); so is a file SQLite is still creating.
 */
export function checkCatalogFile(file: string): void {
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  if (size === undefined) return;
  if (size === 0) throw new CatalogFileError('cli.catalog_empty_file', file);
  const header = readHeader(file, Math.min(size, HEADER_BYTES));
  if (header.length < HEADER.length || !header.subarray(0, HEADER.length).equals(HEADER)) throw new CatalogFileError('cli.catalog_not_database', file);
  if (header.length < HEADER_BYTES) throw new CatalogFileError('cli.catalog_truncated', file, { expected: HEADER_BYTES, actual: size });
  // A checkpoint interrupted by a crash may have written page 1 before the last pages; the
  // -wal file still holds them, and SQLite finishes the checkpoint when it opens the file.
  if ((statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) return;
  const expected = expectedSize(header);
  if (expected !== undefined && size < expected) throw new CatalogFileError('cli.catalog_truncated', file, { expected, actual: size });
}

function readHeader(file: string, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    return bytes.subarray(0, readSync(fd, bytes, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Page size × page count from the header (https://www.sqlite.org/fileformat.html §1.3). The
 * count is only valid when the "version-valid-for" number equals the change counter.
 */
function expectedSize(header: Buffer): number | undefined {
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  const changeCounter = header.readUInt32BE(24);
  const validFor = header.readUInt32BE(92);
  if (pageCount === 0 || changeCounter !== validFor || pageSize < 512) return undefined;
  return pageSize * pageCount;
}
