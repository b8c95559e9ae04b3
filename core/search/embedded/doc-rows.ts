/**
 * What the snapshot reads of `search_docs`: all of it (a full load, in a worker) or the rows a
 * change touched (following another process's writes through `search_changes`).
 */
import type Database from 'better-sqlite3';

export interface DocRow {
  seq: number;
  facets: Record<string, string[]>;
  startYear: number | null;
  endYear: number | null;
  visibleFrom: number;
  /** lat, lon, south, west, north, east. */
  place: (number | null)[];
}

type RawRow = [number, string, number | null, number | null, number, ...(number | null)[]];

const COLUMNS = 'seq, facets, start_year, end_year, visible_from, lat, lon, south, west, north, east';
/** Keys per `IN (…)` query, well under SQLite's parameter limit. */
const CHUNK = 500;

export function toDocRow([seq, facets, startYear, endYear, visibleFrom, ...place]: RawRow): DocRow {
  return { seq, facets: JSON.parse(facets) as Record<string, string[]>, startYear, endYear, visibleFrom, place };
}

/** Every row in seq order, `batchSize` at a time. */
export function* allDocRows(db: Database.Database, batchSize = 10_000): Generator<DocRow[]> {
  const page = db.prepare<[number, number], RawRow>(`SELECT ${COLUMNS} FROM search_docs WHERE seq > ? ORDER BY seq LIMIT ?`).raw();
  for (let rows = page.all(0, batchSize); rows.length > 0; rows = page.all(rows.at(-1)![0], batchSize)) yield rows.map(toDocRow);
}

/** The rows of `seqs` that exist, in seq order. */
export function docRowsOf(db: Database.Database, seqs: readonly number[]): DocRow[] {
  const rows: RawRow[] = [];
  for (let start = 0; start < seqs.length; start += CHUNK) {
    const chunk = seqs.slice(start, start + CHUNK);
    rows.push(...db.prepare<number[], RawRow>(`SELECT ${COLUMNS} FROM search_docs WHERE seq IN (${chunk.map(() => '?').join(',')})`).raw().all(...chunk));
  }
  return rows.sort((a, b) => a[0] - b[0]).map(toDocRow);
}
