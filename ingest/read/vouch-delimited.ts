/**
 * A quick look at a UTF-8 delimited file before an import writes from it: counts its rows and
 * vouches that csv-parse will read it whole, at a fraction of a parse's cost (it jumps from one
 * quote, delimiter or line break to the next over the bytes; those ASCII bytes never occur inside
 * a multi-byte UTF-8 character). An import otherwise parses the file twice — once to refuse a
 * broken file before anything is written, once to write — and the first parse was a tenth of the
 * import's work.
 *
 * It vouches only for what it is sure of: quotes only at the start of a cell, each closed by a
 * quote followed by a delimiter, a line break or the end, every record well under the size limit.
 * Anything else (a stray quote, text after a closing quote, an unclosed quote, a huge record, a
 * read error) answers `undefined`, and the import reads the file whole first as before, so
 * csv-parse itself names the problem. The count is the rows `readCsv` gives: the header and rows
 * of blank cells are not counted.
 */
import { createReadStream } from 'node:fs';
import { MAX_RECORD_CHARS } from './source-item.ts';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** A record of fewer bytes than csv-parse's limit in characters is under it (a character is at least one byte). */
const MAX_RECORD_BYTES = MAX_RECORD_CHARS;
/** Whitespace as `String.prototype.trim` sees it (ASCII and the multi-byte ones such as U+3000). */
const NOT_BLANK = /\S/u;

/** Some cells of every row, for a count that needs them (an import's image references). */
export interface CellsWanted {
  /** The cells' positions in a row (from 0). */
  columns: readonly number[];
  /** Each row with as many cells as the header (others are refused rows): the wanted cells as csv-parse reads them, the rest absent. */
  onRow: (cells: readonly (string | undefined)[]) => void;
}

/** The rows of `file` after its header, or undefined when csv-parse might refuse it (see above). */
export async function vouchDelimited(file: string, delimiter: ',' | '\t', wanted?: CellsWanted): Promise<number | undefined> {
  const scanner = new DelimitedScanner(delimiter.charCodeAt(0), wanted);
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
      if (!scanner.scan(chunk as Buffer)) return undefined;
    }
  } catch {
    return undefined;
  }
  return scanner.end();
}

/** The scanning state, carried from one chunk of the file to the next. */
export class DelimitedScanner {
  readonly #delimiter: number;
  #started = false;
  #quoted = false;
  /** In a quoted cell, a quote was the chunk's last byte: the next byte tells a closing quote from an escaped one. */
  #quoteAtEnd = false;
  #cellStart = true;
  #recordBytes = 0;
  #recordHasContent = false;
  #headerSeen = false;
  #rows = 0;
  /** Where each special byte (quote, delimiter, LF, CR) next occurs in the current chunk (its length when it does not): each found once, not once per cell. */
  readonly #ahead = new Int32Array(4);

  readonly #wanted: CellsWanted | undefined;
  readonly #wantedColumns: ReadonlySet<number>;
  /** The header's cells, then the current record's cells so far. */
  #headerCells = 0;
  #cell = 0;
  /** The current cell's bytes, while it is a wanted one. */
  #parts: Buffer[] = [];
  #cells: (string | undefined)[] = [];

  constructor(delimiter: number, wanted?: CellsWanted) {
    this.#delimiter = delimiter;
    this.#wanted = wanted;
    this.#wantedColumns = new Set(wanted?.columns);
  }

  /** Scans the next chunk; false as soon as the file is not one to vouch for. */
  scan(chunk: Buffer): boolean {
    let at = 0;
    this.#ahead.fill(-1);
    if (!this.#started) {
      this.#started = true;
      if (chunk.subarray(0, 3).equals(BOM)) at = 3;
    }
    const end = chunk.length;
    while (at < end) {
      if (this.#quoted) {
        if (this.#quoteAtEnd) {
          this.#quoteAtEnd = false;
          const next = chunk[at]!;
          if (next === QUOTE) {
            this.#recordHasContent = true; // an escaped quote is a character
            this.#keep(chunk, at, at + 1);
            this.#count(1);
            at++;
            continue;
          }
          if (next !== this.#delimiter && next !== CR && next !== LF) return false;
          this.#quoted = false;
          continue;
        }
        const quote = chunk.indexOf(QUOTE, at);
        const stop = quote === -1 ? end : quote;
        if (!this.#recordHasContent && stop > at) this.#recordHasContent = hasContent(chunk, at, stop);
        this.#keep(chunk, at, stop);
        if (!this.#count(stop - at)) return false;
        if (quote === -1) return true;
        at = quote + 1;
        this.#count(1);
        if (at === end) {
          this.#quoteAtEnd = true;
          return true;
        }
        this.#quoteAtEnd = true;
        continue;
      }
      const next = this.#nextSpecial(chunk, at);
      if (next > at) {
        if (!this.#recordHasContent) this.#recordHasContent = hasContent(chunk, at, next);
        this.#keep(chunk, at, next);
        if (!this.#count(next - at)) return false;
        this.#cellStart = false;
      }
      if (next === end) return true;
      const byte = chunk[next]!;
      at = next + 1;
      if (byte === QUOTE) {
        // A quote inside an unquoted cell: csv-parse refuses it (or reads it in a way not vouched for).
        if (!this.#cellStart) return false;
        this.#quoted = true;
        this.#cellStart = false;
        this.#count(1);
      } else if (byte === this.#delimiter) {
        this.#endCell();
        this.#cellStart = true;
        this.#count(1);
      } else {
        this.#endRecord();
      }
    }
    return true;
  }

  /** The rows counted, or undefined when the file ends inside a quoted cell. */
  end(): number | undefined {
    if (this.#quoted && !this.#quoteAtEnd) return undefined;
    this.#quoted = false;
    this.#endRecord();
    return this.#rows;
  }

  /** The first quote, delimiter or line break from `at`, or the chunk's end. */
  #nextSpecial(chunk: Buffer, at: number): number {
    const ahead = this.#ahead;
    let next = chunk.length;
    for (let special = 0; special < 4; special++) {
      let found = ahead[special]!;
      if (found < at && found < chunk.length) {
        found = chunk.indexOf(special === 0 ? QUOTE : special === 1 ? this.#delimiter : special === 2 ? LF : CR, at);
        ahead[special] = found = found === -1 ? chunk.length : found;
      }
      if (found < next) next = found;
    }
    return next;
  }

  /** Keeps the bytes of a wanted cell (copied: the chunk's memory is reused once read). */
  #keep(chunk: Buffer, from: number, to: number): void {
    if (to > from && this.#wanted && this.#wantedColumns.has(this.#cell)) this.#parts.push(Buffer.from(chunk.subarray(from, to)));
  }

  #endCell(): void {
    if (this.#wantedColumns.has(this.#cell)) {
      this.#cells[this.#cell] = this.#parts.length === 1 ? this.#parts[0]!.toString('utf8') : Buffer.concat(this.#parts).toString('utf8');
      this.#parts = [];
    }
    this.#cell++;
  }

  #count(bytes: number): boolean {
    this.#recordBytes += bytes;
    return this.#recordBytes < MAX_RECORD_BYTES;
  }

  /** A line break outside quotes: an empty line is skipped, the first record is the header, a record of blank cells is not a row. */
  #endRecord(): void {
    this.#endCell();
    if (this.#recordBytes > 0) {
      if (!this.#headerSeen) {
        this.#headerSeen = true;
        this.#headerCells = this.#cell;
      } else if (this.#recordHasContent) {
        this.#rows++;
        if (this.#cell === this.#headerCells) this.#wanted?.onRow(this.#cells);
      }
    }
    this.#cell = 0;
    this.#cells = [];
    this.#recordBytes = 0;
    this.#recordHasContent = false;
    this.#cellStart = true;
  }
}

/**
 * True when the bytes hold a character other than whitespace. A character split between two chunks
 * is left out of both (its halves would read as replacement characters): whitespace such as U+3000
 * must not make a row of blank cells count.
 */
function hasContent(chunk: Buffer, from: number, to: number): boolean {
  // Most cells start with an ASCII letter or digit: no decoding needed to tell.
  for (let at = from; at < to; at++) {
    const byte = chunk[at]!;
    if (byte >= 0x80) break;
    if (byte !== 0x20 && (byte < 0x09 || byte > 0x0d)) return true;
  }
  let start = from;
  let end = to;
  if (start === 0) while (start < end && (chunk[start]! & 0xc0) === 0x80) start++;
  if (end === chunk.length) {
    let lead = end - 1;
    while (lead > start && (chunk[lead]! & 0xc0) === 0x80) lead--;
    if (lead >= start && chunk[lead]! >= 0xc0 && lead + sequenceLength(chunk[lead]!) > end) end = lead;
  }
  return start < end && NOT_BLANK.test(chunk.toString('utf8', start, end));
}

function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}
