/**
 * The snapshot kept on disk beside the catalog, so a server starts searching a million records in
 * well under a second instead of reading and parsing every `search_docs` row: a JSON header (the
 * index state it was taken at, facet dictionaries) and the typed arrays as they are in memory.
 * Derived and disposable: a file from another index, another format or a broken write is ignored.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { SnapshotParts, SortKey } from './facet-snapshot.ts';
import type { FacetColumnParts } from './facet-column.ts';
import type { IndexState } from './index-changes.ts';
import type { PostingList } from './posting-list.ts';
import type { ColumnGroup, TermPostingsParts } from './term-postings.ts';

const FORMAT = 1;
const MAGIC = 'HASNAP01';

type TypedArray = Int32Array | Uint32Array | Float64Array | Uint8Array;
const TYPES = { Int32Array, Uint32Array, Float64Array, Uint8Array } as const;

interface ArrayEntry {
  type: keyof typeof TYPES;
  offset: number;
  length: number;
}

interface Header {
  format: number;
  kind: 'snapshot' | 'orders' | 'postings';
  state: IndexState;
  arrays: Record<string, ArrayEntry>;
  /** Snapshot files: its size and each facet's value dictionary. */
  size?: number;
  values?: Record<string, string[]>;
  /** Postings files: what each array is (term-postings.ts). */
  postings?: { lastSeq: number; unlisted: string[]; terms: string[]; groups: ColumnGroup[]; kinds: PostingList['kind'][] };
}

/** The orders file sits beside the snapshot file. */
export const ordersFileOf = (snapshotFile: string) => `${snapshotFile}.orders`;

export function writeSnapshotFile(file: string, state: IndexState, parts: SnapshotParts): void {
  const arrays: Record<string, TypedArray> = {
    seqs: parts.seqs,
    startYears: parts.startYears,
    endYears: parts.endYears,
    places: parts.places,
    visibleFrom: parts.visibleFrom,
    dead: parts.dead,
  };
  const values: Record<string, string[]> = {};
  for (const [key, column] of Object.entries(parts.columns)) {
    values[key] = column.values;
    Object.assign(arrays, { [`${key}.starts`]: column.starts, [`${key}.ends`]: column.ends, [`${key}.ids`]: column.ids });
  }
  writeArrays(file, { format: FORMAT, kind: 'snapshot', state, size: parts.size, values, arrays: {} }, arrays);
}

/** The snapshot in a file's bytes, if it is one this code wrote (its orders come separately). */
export function parseSnapshotFile(bytes: Buffer | undefined): { state: IndexState; parts: SnapshotParts } | undefined {
  const read = parseArrays(bytes, 'snapshot');
  if (!read) return undefined;
  const { header, arrays } = read;
  const columns: Record<string, FacetColumnParts> = {};
  for (const [key, values] of Object.entries(header.values ?? {})) {
    columns[key] = { values, starts: arrays[`${key}.starts`] as Uint32Array, ends: arrays[`${key}.ends`] as Uint32Array, ids: arrays[`${key}.ids`] as Int32Array };
  }
  const parts: SnapshotParts = {
    size: header.size ?? 0,
    seqs: arrays.seqs as Int32Array,
    startYears: arrays.startYears as Int32Array,
    endYears: arrays.endYears as Int32Array,
    places: arrays.places as Float64Array,
    visibleFrom: arrays.visibleFrom as Float64Array,
    dead: arrays.dead as Uint8Array,
    columns,
    orders: {},
  };
  return { state: header.state, parts };
}

export function writeOrdersFile(snapshotFile: string, state: IndexState, orders: Record<SortKey, Int32Array>): void {
  writeArrays(ordersFileOf(snapshotFile), { format: FORMAT, kind: 'orders', state, arrays: {} }, orders);
}

/** Sort orders as seqs, with the index state they were computed at. */
export function parseOrdersFile(bytes: Buffer | undefined): { state: IndexState; orders: Record<SortKey, Int32Array> } | undefined {
  const read = parseArrays(bytes, 'orders');
  return read && { state: read.header.state, orders: read.arrays as Record<SortKey, Int32Array> };
}

/** The postings file sits beside the snapshot file. */
export const postingsFileOf = (snapshotFile: string) => `${snapshotFile}.postings`;

export function writePostingsFile(snapshotFile: string, { state, lastSeq, unlisted, terms, groups, lists }: TermPostingsParts): void {
  const arrays = Object.fromEntries(lists.map((list, i) => [String(i), list.kind === 'seqs' ? list.seqs : list.words]));
  const postings = { lastSeq, unlisted, terms, groups, kinds: lists.map((list) => list.kind) };
  writeArrays(postingsFileOf(snapshotFile), { format: FORMAT, kind: 'postings', state, postings, arrays: {} }, arrays);
}

export function parsePostingsFile(bytes: Buffer | undefined): TermPostingsParts | undefined {
  const read = parseArrays(bytes, 'postings');
  const postings = read?.header.postings;
  if (!read || !postings) return undefined;
  const lists = postings.kinds.map((kind, i): PostingList => {
    const array = read.arrays[String(i)] as Uint32Array;
    return kind === 'seqs' ? { kind, seqs: array } : { kind, words: array };
  });
  return { state: read.header.state, lastSeq: postings.lastSeq, unlisted: postings.unlisted, terms: postings.terms, groups: postings.groups, lists };
}

/** Written whole under a temporary name, then renamed: a reader never sees half a file. */
function writeArrays(file: string, header: Header, arrays: Record<string, TypedArray>): void {
  let offset = 0;
  for (const [name, array] of Object.entries(arrays)) {
    header.arrays[name] = { type: array.constructor.name as keyof typeof TYPES, offset, length: array.length };
    offset += align(array.byteLength);
  }
  const headerBytes = Buffer.from(JSON.stringify(header));
  const start = align(MAGIC.length + 4 + headerBytes.length);
  const out = Buffer.alloc(start + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(out, MAGIC.length + 4);
  for (const [name, array] of Object.entries(arrays)) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), start + header.arrays[name]!.offset);
  }
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, out);
    renameSync(temporary, file);
  } catch {
    // A read-only or full disk only costs the next start a full load.
    rmSync(temporary, { force: true });
  }
}

function parseArrays(bytes: Buffer | undefined, kind: Header['kind']): { header: Header; arrays: Record<string, TypedArray> } | undefined {
  if (!bytes) return undefined;
  try {
    if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
    const headerLength = bytes.readUInt32LE(MAGIC.length);
    const header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as Header;
    if (header.format !== FORMAT || header.kind !== kind) return undefined;
    const start = align(MAGIC.length + 4 + headerLength);
    // Typed arrays need aligned offsets; a file read into a pooled buffer may not start aligned.
    const base: Uint8Array = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
    const arrays: Record<string, TypedArray> = {};
    for (const [name, { type, offset, length }] of Object.entries(header.arrays)) {
      const Type = TYPES[type];
      if (start + offset + length * Type.BYTES_PER_ELEMENT > base.length) return undefined;
      arrays[name] = new Type(base.buffer as ArrayBuffer, base.byteOffset + start + offset, length);
    }
    return { header, arrays };
  } catch {
    return undefined;
  }
}

const align = (bytes: number) => Math.ceil(bytes / 8) * 8;
