/**
 * Everything an import leaves in a catalog file, as plain rows without the moments it ran at:
 * the records, their versions, the outbox, the embedded index (documents, its terms as FTS5 counts
 * them, the words it learnt) and the suggestion tables. Two imports of the same rows leave equal contents.
 */
import Database from 'better-sqlite3';

const TABLES: Record<string, string> = {
  records: 'SELECT * FROM records ORDER BY id',
  versions: 'SELECT record_id, version_no, actor, import_id, action, note, before, after FROM record_versions ORDER BY record_id, version_no',
  outbox: 'SELECT record_id, op FROM index_queue ORDER BY record_id',
  docs: 'SELECT * FROM search_docs ORDER BY id',
  terms: 'SELECT term, doc, cnt FROM search_vocab ORDER BY term',
  words: 'SELECT word FROM search_words ORDER BY word',
  suggestions: 'SELECT * FROM (SELECT * FROM suggest_entries UNION SELECT * FROM suggest_recent) ORDER BY script, rank, length, key, text, record_id',
  shapes: 'SELECT * FROM suggest_shapes ORDER BY 1, 2, 3',
  sources: 'SELECT * FROM suggest_sources ORDER BY record_id',
  names: 'SELECT * FROM suggest_names ORDER BY text, visible_from',
};

/** Times that say when a write ran, not what it wrote. */
const MOMENTS = new Set(['created_at', 'modified', 'datestamp']);

export function archiveContents(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      Object.entries(TABLES).map(([name, sql]) => [name, db.prepare(sql).all().map((row) => Object.fromEntries(Object.entries(row as object).filter(([column]) => !MOMENTS.has(column))))]),
    );
  } finally {
    db.close();
  }
}
