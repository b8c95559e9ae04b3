/**
 * An import file's text in the encoding chosen for it (detect-encoding.ts), decoded by
 * iconv-lite. UTF-8 files pass through as bytes (the parsers read UTF-8 themselves, fastest);
 * others are decoded, and a byte sequence the encoding has no character for refuses the file,
 * naming its line — a wrong encoding must never import as replacement characters.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { ImportFileError } from './source-item.ts';
import { encodingLabel, type TextEncoding } from './text-encodings.ts';

const REPLACEMENT = '\ufffd';

/** The file as a stream of UTF-8 bytes (UTF-8 files) or of decoded strings (others), BOM removed. */
export function openText(file: string, encoding: TextEncoding = 'utf-8'): Readable {
  const bytes = createReadStream(file);
  if (encoding === 'utf-8') return bytes;
  const decoded = bytes.pipe(iconv.decodeStream(encoding, { stripBOM: true })).pipe(refuseReplacements(encoding));
  // pipe() does not pass errors along: a read error must still end the text with that error.
  bytes.on('error', (error) => decoded.destroy(error));
  return decoded;
}

/** The whole file as a string, BOM removed. */
export async function readText(file: string, encoding: TextEncoding = 'utf-8'): Promise<string> {
  const bytes = await readFile(file);
  const text = iconv.decode(bytes, encoding, { stripBOM: true });
  if (encoding !== 'utf-8') {
    const at = text.indexOf(REPLACEMENT);
    if (at !== -1) throw undecodable(lineAt(text, at), encoding);
  }
  return text;
}

function refuseReplacements(encoding: TextEncoding): Transform {
  let line = 1;
  return new Transform({
    decodeStrings: false,
    readableObjectMode: false,
    transform(chunk: string, _encoding, done) {
      const at = chunk.indexOf(REPLACEMENT);
      if (at !== -1) return done(undecodable(line + countLines(chunk, at), encoding));
      line += countLines(chunk, chunk.length);
      done(null, chunk);
    },
  });
}

function undecodable(line: number, encoding: TextEncoding): ImportFileError {
  return new ImportFileError({ key: 'file.undecodable', params: { line, encoding: encodingLabel(encoding) } });
}

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

function lineAt(text: string, offset: number): number {
  return 1 + countLines(text, offset);
}
