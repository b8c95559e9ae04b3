/**
 * Reads records from JSON (an array of objects, read whole up to a size limit) and JSONL (one
 * object per line, streamed). `__proto__` and other unknown keys arrive as plain own properties
 * (JSON.parse never assigns prototypes) and the validator ignores them.
 */
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { describeJsonError } from './describe-json-error.ts';
import { openText, readText } from './open-text.ts';
import { parseJson } from './parse-json.ts';
import { rowsOfObjects } from './read-objects.ts';
import { ImportFileError, MAX_JSON_DEPTH, MAX_RECORD_CHARS, MAX_WHOLE_FILE_BYTES, type ReadOptions, type SourceItem } from './source-item.ts';

export function readJson(file: string, options: ReadOptions = {}): AsyncGenerator<SourceItem> {
  return rowsOfObjects(readJsonObjects(file, options), options);
}

export function readJsonl(file: string, options: ReadOptions = {}): AsyncGenerator<SourceItem> {
  return rowsOfObjects(readJsonlObjects(file, options), options);
}

async function* readJsonObjects(file: string, options: ReadOptions): AsyncGenerator<SourceItem> {
  if ((await stat(file)).size > MAX_WHOLE_FILE_BYTES) {
    throw new ImportFileError({ key: 'file.too_large', params: { maximum: `${MAX_WHOLE_FILE_BYTES / 1024 / 1024} MB` } });
  }
  const text = stripBom(await readText(file, options.encoding));
  // An empty file has no records (and is reported as such), rather than being invalid JSON.
  if (text.trim() === '') return;
  let root: unknown;
  try {
    root = parseJson(text);
  } catch (error) {
    const { line, column, reason } = describeJsonError(error, text);
    throw new ImportFileError({ key: 'file.bad_json', params: { line, column, detail: reason } });
  }
  if (!Array.isArray(root)) throw new ImportFileError({ key: 'file.json_root' });
  const lines = elementLines(text);
  for (const [index, value] of root.entries()) yield itemOf(value, lines[index] ?? 1);
}

async function* readJsonlObjects(file: string, options: ReadOptions): AsyncGenerator<SourceItem> {
  const input = openText(file, options.encoding);
  const lines = createInterface({ input, crlfDelay: Infinity });
  // readline does not pass its input's error on: a decoding refusal ends the lines and is thrown here.
  let inputError: unknown;
  input.on('error', (error) => {
    inputError = error;
    lines.close();
  });
  let line = 0;
  for await (const raw of lines) {
    if (inputError) break;
    line++;
    const text = line === 1 ? stripBom(raw) : raw;
    if (text.trim() === '') continue;
    // The same bound as a CSV record: the whole file is refused, as for CSV.
    if (text.length > MAX_RECORD_CHARS) throw new ImportFileError({ key: 'file.record_too_large', params: { line, maximum: MAX_RECORD_CHARS } });
    let value: unknown;
    try {
      value = parseJson(text);
    } catch (error) {
      // The line is the report's own column: the message says only what is wrong on it.
      const { column, reason } = describeJsonError(error, text);
      yield { line, problem: { key: 'row.bad_json', params: { column, detail: reason } } };
      continue;
    }
    yield itemOf(value, line);
  }
  if (inputError) throw inputError;
}

function itemOf(value: unknown, line: number): SourceItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line, problem: { key: 'row.not_json_object' } };
  if (depthExceeds(value, MAX_JSON_DEPTH)) return { line, problem: { key: 'row.json_too_deep', params: { maximum: MAX_JSON_DEPTH } } };
  return { line, fields: value as Record<string, unknown> };
}

/** Iterative, so a hostile 10,000-deep value cannot overflow the stack. */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (depth > limit) return true;
    if (typeof current === 'object' && current !== null) {
      for (const child of Object.values(current)) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** The line on which each top-level array element starts, by scanning brackets outside strings. */
function elementLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectingElement = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectingElement && !/\s/.test(char!)) {
      starts.push(line);
      expectingElement = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth === 1) expectingElement = true;
    } else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 1) expectingElement = true;
  }
  return starts;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
