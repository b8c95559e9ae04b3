/**
 * An XLSX as exceljs can stream it without temporary files of its own: a copy whose parts come
 * in the order the reader needs (the workbook, its relationships, shared strings and styles
 * before the sheets). Excel, LibreOffice and exceljs itself often write the sheets first, and
 * exceljs then stages each sheet in os.tmpdir() — files an aborted read would leave behind.
 *
 * The copy holds exactly the entries read-zip.ts checked (names, sizes, no links, no bombs),
 * stored uncompressed in a folder the caller removes: exceljs reads only what was validated.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type yauzl from 'yauzl';
import type { ZipEntry } from './read-zip.ts';

/** Parts read before any sheet, in this order; every other part follows in its own order. */
const FIRST = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/** Writes the reordered copy of the opened workbook `zip` to `target`. */
export async function writeReorderedWorkbook(zip: yauzl.ZipFile, entries: readonly ZipEntry[], target: string): Promise<void> {
  const rank = (entry: ZipEntry) => (FIRST.includes(entry.name) ? FIRST.indexOf(entry.name) : FIRST.length);
  const ordered = entries.filter((entry) => !entry.isDirectory).sort((a, b) => rank(a) - rank(b));
  const out = new yazl.ZipFile();
  for (const entry of ordered) {
    out.addReadStreamLazy(entry.name, { compress: false, size: entry.size }, (callback) => {
      zip.openReadStream(entry.raw, callback);
    });
  }
  out.end();
  await pipeline(out.outputStream, createWriteStream(target, { flags: 'wx' }));
}
