/**
 * The UTF-8 check reads a file in 64 KiB chunks: characters cut by a chunk's end, and lines far
 * longer than a chunk, must give the same answers as a check of each whole line.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { assertUtf8, scanUtf8 } from '../../../ingest/read/check-encoding.ts';
import { ImportFileError } from '../../../ingest/read/source-item.ts';
import { makeTempDir } from '../../helpers/temp-archive.ts';

const CHUNK = 64 * 1024;
/** `广济桥` encoded as GBK. */
const GBK = Buffer.from([0xb9, 0xe3, 0xbc, 0xc3, 0xc7, 0xc5]);

async function refusal(bytes: Buffer, dir: string): Promise<unknown> {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, bytes);
  try {
    await assertUtf8(file);
    return undefined;
  } catch (error) {
    return error instanceof ImportFileError ? error.detail : error;
  }
}

test('a Chinese or emoji character cut by a chunk boundary at any of its bytes is accepted', async (t) => {
  const dir = makeTempDir(t, 'utf8-');
  for (const character of ['桥', '𠀋', 'é']) {
    for (let shift = 0; shift < 4; shift++) {
      const padding = Buffer.alloc(CHUNK - shift, 'a');
      t.is(await refusal(Buffer.concat([padding, Buffer.from(character.repeat(3)), Buffer.from('\nnext line\n')]), dir), undefined, `${character} shift ${shift}`);
    }
  }
});

test('a bad byte after a line of several megabytes is named on its own line, and a bad byte at a chunk boundary on the line it is on', async (t) => {
  const dir = makeTempDir(t, 'utf8-');
  const longLine = Buffer.alloc(3 * 1024 * 1024 + 5, 'x');
  t.deepEqual(await refusal(Buffer.concat([Buffer.from('id\n'), longLine, Buffer.from('\nok\n\xff bad\n', 'latin1')]), dir), { key: 'file.not_utf8', params: { line: 4 } });
  const atBoundary = Buffer.concat([Buffer.alloc(CHUNK - 1, 'a'), Buffer.from([0xe6, 0xa1]), Buffer.from('\n')]);
  t.like(await refusal(atBoundary, dir), { params: { line: 1 } });
  t.like(await refusal(Buffer.concat([Buffer.from('ok\n'), Buffer.from([0x61, 0xe6, 0xa1])]), dir), { params: { line: 2 } });
});

test('GBK text in the middle of a very long line is found on its line', async (t) => {
  const dir = makeTempDir(t, 'utf8-');
  const line = Buffer.concat([Buffer.from('id,title\n'), Buffer.alloc(CHUNK * 3 + 7, 'a'), GBK, GBK, Buffer.from('\n')]);
  t.deepEqual(await refusal(line, dir), { key: 'file.not_utf8', params: { line: 2 } });
});

test('the scan names the byte offset where the first bad line starts, across chunks', async (t) => {
  const dir = makeTempDir(t, 'utf8-');
  const file = path.join(dir, 'offset.csv');
  const head = Buffer.concat([Buffer.from('id,title\n'), Buffer.alloc(CHUNK + 11, 'b'), Buffer.from('\n')]);
  writeFileSync(file, Buffer.concat([head, GBK, Buffer.from('\n')]));
  t.deepEqual(await scanUtf8(file), { firstBad: { line: 3, offset: head.length } });
});
