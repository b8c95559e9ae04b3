/**
 * A file read in the encoding a curator chose, whose header then names no id column, most
 * likely is in another encoding: its header is garbled (`±àºÅ` for `编号`). The refusal then
 * says so — the header as read, and the encoding the archive would have chosen — instead of
 * only "no id column", which sends the curator looking for a column that is there.
 */
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { chooseEncoding } from './detect-encoding.ts';
import { ImportFileError, type SourceItem } from './source-item.ts';
import { encodingLabel, type TextEncoding } from './text-encodings.ts';

/** Refusals of the header that a wrong encoding causes. */
const HEADER_REFUSALS = new Set(['file.no_id_column', 'file.wrong_delimiter']);
const HEADER_BYTES = 4096;
const HEADER_SHOWN = 80;

/** `items`, with a header refusal explained in terms of the encoding `given`. */
export async function* explainGivenEncoding(file: string, given: TextEncoding, items: AsyncGenerator<SourceItem>): AsyncGenerator<SourceItem> {
  try {
    yield* items;
  } catch (error) {
    if (!(error instanceof ImportFileError) || !HEADER_REFUSALS.has(error.detail.key)) throw error;
    const header = await headerAs(file, given);
    const detected = await chooseEncoding(file).catch(() => undefined);
    const params = { encoding: encodingLabel(given), header };
    throw new ImportFileError(
      detected && detected.encoding !== given
        ? { key: 'file.header_wrong_encoding', params: { ...params, detected: encodingLabel(detected.encoding) } }
        : { key: 'file.header_given_encoding', params },
    );
  }
}

/** The file's first line decoded as `encoding`, cut short for a message. */
async function headerAs(file: string, encoding: TextEncoding): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEADER_BYTES), 0, HEADER_BYTES, 0);
    const line = iconv.decode(buffer.subarray(0, bytesRead), encoding).replace(/^\ufeff/, '').split(/\r?\n/)[0] ?? '';
    return line.length > HEADER_SHOWN ? `${line.slice(0, HEADER_SHOWN)}…` : line;
  } finally {
    await handle.close();
  }
}
