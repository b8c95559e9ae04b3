/**
 * Which encoding a text import file is in, decided in this order: a byte-order mark; strict
 * UTF-8 (the whole file, and no NUL byte); then a detector (jschardet, limited to the encodings
 * the archive reads) on a sample around the first line that is not UTF-8. A curator's choice
 * (`--encoding`, the preview page's list) overrides all three.
 *
 * A file that is UTF-8 but for a few bad bytes is refused, never guessed as another encoding:
 * read as Windows-1252, its Chinese would become mojibake that imports "successfully".
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import jschardet from 'jschardet';
import { scanUtf8 } from './check-encoding.ts';
import { ImportFileError } from './source-item.ts';
import { ENCODING_INFO, parseEncodingName, TEXT_ENCODINGS, type TextEncoding } from './text-encodings.ts';

export interface EncodingChoice {
  encoding: TextEncoding;
  /** `bom`: a byte-order mark said so; `utf8`: every byte is UTF-8; `detected`: the detector's guess; `given`: the curator's choice. */
  how: 'bom' | 'utf8' | 'detected' | 'given';
  /** The detector's confidence, 0–100, when it decided. */
  confidence?: number;
  /** The detector's other candidates, likeliest first, when it decided. */
  alternatives?: TextEncoding[];
}

/** Below this confidence the detector's choice is shown as a guess, with a suggestion to check it (short files rarely score higher). */
export const UNSURE_BELOW = 50;

/** The detector decided, but without conviction: the curator should look at the decoded rows. */
export function isUnsure(choice: EncodingChoice): boolean {
  return choice.how === 'detected' && (choice.confidence ?? 0) < UNSURE_BELOW;
}

/** What else an unsure file may be in: the detector's other candidates, or else the other encodings of its width. */
export function otherCandidates(choice: EncodingChoice): TextEncoding[] {
  if (choice.alternatives && choice.alternatives.length > 0) return choice.alternatives;
  const wide = ENCODING_INFO[choice.encoding].wide ?? false;
  return TEXT_ENCODINGS.filter((encoding) => encoding !== choice.encoding && encoding !== 'utf-8' && (ENCODING_INFO[encoding].wide ?? false) === wide);
}

const BOMS: readonly [TextEncoding, readonly number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];
const HEAD_BYTES = 64 * 1024;
const SAMPLE_BYTES = 256 * 1024;
/** jschardet's names for the encodings it may answer with. */
const DETECTABLE = ['UTF-8', 'UTF-16LE', 'UTF-16BE', 'GB18030', 'Big5', 'windows-1252'];
/** At most this share of a sample's non-ASCII characters may be broken for it to count as damaged UTF-8. */
const DAMAGED_UTF8_SHARE = 0.02;
const DAMAGED_UTF8_MIN_GOOD = 8;
/** This share of a sample's non-ASCII lines being good UTF-8 with Chinese makes the file mixed, not GBK. */
const MIXED_LINES_SHARE = 0.05;
const NEWLINE = 0x0a;
/** UTF-16 text of the template's columns (ASCII commas, digits, line breaks) is at least this share NUL bytes. */
const WIDE_NUL_SHARE = 0.1;

/**
 * @param given the curator's choice, which wins over everything the file says
 * @throws ImportFileError when the file is damaged UTF-8 or its encoding cannot be recognised
 */
export async function chooseEncoding(file: string, given?: TextEncoding): Promise<EncodingChoice> {
  if (given === 'utf-8') {
    // Bytes that are not UTF-8 would otherwise become replacement characters without a word.
    const { firstBad } = await scanUtf8(file);
    if (firstBad) throw new ImportFileError({ key: 'file.not_utf8', params: { line: firstBad.line } });
  }
  if (given) return { encoding: given, how: 'given' };
  const head = await readBytes(file, 0, HEAD_BYTES);
  const bom = BOMS.find(([, bytes]) => bytes.every((byte, index) => head[index] === byte));
  if (bom) return { encoding: bom[0], how: 'bom' };
  const scan = await scanUtf8(file);
  // NUL bytes are valid UTF-8, but a text where they are common is UTF-16 without a BOM.
  const wide = nulShare(head) >= WIDE_NUL_SHARE;
  if (!scan.firstBad && !wide) return { encoding: 'utf-8', how: 'utf8' };
  const offset = scan.firstBad?.offset ?? 0;
  const line = scan.firstBad?.line ?? 1;
  // The head (its header names the columns) and the first lines that are not UTF-8.
  const sample = offset < HEAD_BYTES ? await readBytes(file, 0, HEAD_BYTES + SAMPLE_BYTES) : Buffer.concat([head, await readBytes(file, offset, SAMPLE_BYTES)]);
  if (!wide && looksLikeDamagedUtf8(sample)) throw new ImportFileError({ key: 'file.damaged_utf8', params: { line } });
  const detected = detect(sample);
  if (!detected || (ENCODING_INFO[detected.encoding].wide ?? false) !== wide || detected.encoding === 'utf-8') {
    throw new ImportFileError({ key: 'file.encoding_unknown', params: { line } });
  }
  return { encoding: detected.encoding, how: 'detected', confidence: detected.confidence, alternatives: detected.alternatives };
}

function detect(sample: Buffer): { encoding: TextEncoding; confidence: number; alternatives: TextEncoding[] } | undefined {
  const candidates = jschardet
    .detectAll(sample, { detectEncodings: DETECTABLE })
    .map((candidate) => ({ encoding: candidate.encoding ? parseEncodingName(candidate.encoding) : undefined, confidence: candidate.confidence }))
    .filter((candidate): candidate is { encoding: TextEncoding; confidence: number } => candidate.encoding !== undefined && TEXT_ENCODINGS.includes(candidate.encoding));
  const [best, ...others] = candidates;
  if (!best) return undefined;
  return { encoding: best.encoding, confidence: Math.round(best.confidence * 100), alternatives: [...new Set(others.map((other) => other.encoding))].filter((encoding) => encoding !== best.encoding) };
}

/**
 * UTF-8 with bad bytes — a damaged file, or rows pasted in from a file of another encoding —
 * rather than a file in another encoding: most of the sample's non-ASCII characters are good
 * UTF-8 (one long line with a broken byte), or a share of its non-ASCII lines are good UTF-8
 * holding Chinese (3-byte sequences; a genuine GBK or Big5 line almost never is).
 */
function looksLikeDamagedUtf8(sample: Buffer): boolean {
  let nonAscii = 0;
  let broken = 0;
  let nonAsciiLines = 0;
  let goodWideLines = 0;
  let start = 0;
  while (start < sample.length) {
    const end = sample.indexOf(NEWLINE, start) === -1 ? sample.length : sample.indexOf(NEWLINE, start);
    const line = sample.subarray(start, end);
    start = end + 1;
    const text = new TextDecoder('utf-8').decode(line);
    let lineNonAscii = 0;
    for (const character of text) {
      if (character.charCodeAt(0) < 0x80) continue;
      lineNonAscii++;
      if (character === '\ufffd') broken++;
    }
    nonAscii += lineNonAscii;
    if (lineNonAscii === 0) continue;
    nonAsciiLines++;
    if (isUtf8(line) && line.some((byte) => byte >= 0xe0)) goodWideLines++;
  }
  const good = nonAscii - broken;
  if (good >= DAMAGED_UTF8_MIN_GOOD && broken <= Math.max(1, nonAscii * DAMAGED_UTF8_SHARE)) return true;
  return goodWideLines > 0 && goodWideLines >= nonAsciiLines * MIXED_LINES_SHARE;
}

function nulShare(bytes: Buffer): number {
  let nul = 0;
  for (const byte of bytes) if (byte === 0) nul++;
  return bytes.length === 0 ? 0 : nul / bytes.length;
}

async function readBytes(file: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
