/** Refuses files that are not UTF-8 before anything is parsed, naming the first bad line. */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { ImportFileError } from './source-item.ts';

const NEWLINE = 0x0a;

export async function assertUtf8(file: string): Promise<void> {
  let line = 1;
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      checkLine(bytes.subarray(start, end), line++);
      start = end + 1;
    }
    carry = Buffer.from(bytes.subarray(start));
  }
  checkLine(carry, line);
}

function checkLine(bytes: Buffer, line: number): void {
  if (isUtf8(bytes)) return;
  throw new ImportFileError({ key: looksLikeGbk(bytes) ? 'file.looks_gbk' : 'file.not_utf8', params: { line } });
}

/** GBK is what Chinese Excel saves by default; if the line decodes as GBK into Han text, say so. */
function looksLikeGbk(bytes: Buffer): boolean {
  try {
    return /\p{Script=Han}/u.test(new TextDecoder('gbk', { fatal: true }).decode(bytes));
  } catch {
    return false;
  }
}
