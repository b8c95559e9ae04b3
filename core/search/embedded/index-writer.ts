/**
 * The embedded engine's write side: records into `search_docs`, `search_fts` and `search_words`,
 * and the change log readers follow. Each record is prepared (tokenized, its facets serialised)
 * before the write transaction opens, so the lock is held for the inserts alone — and so a worker
 * thread (index-write-worker.ts) can prepare one batch while the importer writes the next.
 */
import type Database from 'better-sqlite3';
import type { StoredRecord } from '../../catalog/catalog.ts';
import { inWriteTurn } from '../../catalog/write-turns.ts';
import { visibleFrom } from '../../catalog/visibility.ts';
import { facetValuesOf } from '../../schema/facets.ts';
import { envelopeOf } from '../../schema/geometry.ts';
import { archiveWordsOf, latinWordsOf, searchableText } from '../searchable-text.ts';
import type { ArchiveTokenizer } from '../tokenizer.ts';
import { logChanges, restartChanges } from './index-changes.ts';

/** What the segmenter and "did you mean" take from a name: its runs of two or more Chinese characters. */
const CHINESE_RUN = /\p{Script=Han}{2,}/gu;

type DocValues = [number, string, string, number | null, number | null, string | null, string | null, ...(number | null)[]];
type TextValues = [number, string, string, string, string];

interface PreparedDoc {
  doc: DocValues;
  text: TextValues;
  words: string[];
}

/** A batch of changes as rows, ready for `IndexWriter.write`. */
export interface PreparedChanges {
  upserts: readonly StoredRecord[];
  deletedIds: readonly string[];
  docs: PreparedDoc[];
}

export class IndexWriter {
  readonly #db: Database.Database;
  readonly #tokenizer: ArchiveTokenizer;
  /** Words already in `search_words`, so each is written once however many records hold it. */
  readonly #wordsStored = new Set<string>();
  readonly #statements;

  constructor(db: Database.Database, tokenizer: ArchiveTokenizer) {
    this.#db = db;
    this.#tokenizer = tokenizer;
    this.#statements = {
      seqOf: db.prepare<[string], number>('SELECT seq FROM search_docs WHERE id = ?').pluck(),
      removeDoc: db.prepare('DELETE FROM search_docs WHERE seq = ?'),
      removeText: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
      insertDoc: db.prepare<DocValues>(
        `INSERT INTO search_docs (seq, id, facets, start_year, end_year, title_zh, title_en, visible_from, lat, lon, south, west, north, east)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertText: db.prepare<TextValues>('INSERT INTO search_fts (rowid, title, names, body, pinyin) VALUES (?, ?, ?, ?, ?)'),
      insertWord: db.prepare<[string]>('INSERT OR IGNORE INTO search_words (word) VALUES (?)'),
    };
  }

  /** Records added or replaced, ids removed, in one transaction; readers follow it through the change log. */
  apply(upserts: readonly StoredRecord[], deletedIds: readonly string[]): void {
    const prepared = this.prepare(upserts, deletedIds);
    const write = this.#db.transaction(() => this.write(prepared));
    inWriteTurn(() => write.immediate());
  }

  /**
   * What `write` needs, worked out before its transaction (tokenizing is most of it), so the
   * transaction holds the file for the writes alone.
   */
  prepare(upserts: readonly StoredRecord[], deletedIds: readonly string[]): PreparedChanges {
    this.#tokenizer.addWords(upserts.flatMap((stored) => archiveWordsOf(stored.record)));
    return { upserts, deletedIds, docs: upserts.map((stored) => this.#prepare(stored)) };
  }

  /** Writes prepared changes; call inside a write transaction on this writer's connection. */
  write({ upserts, deletedIds, docs }: PreparedChanges): void {
    const { seqOf, removeDoc, removeText } = this.#statements;
    const touched = upserts.map((stored) => stored.seq);
    for (const id of [...deletedIds, ...upserts.map((stored) => stored.record.id)]) {
      const seq = seqOf.get(id);
      if (seq === undefined) continue;
      removeDoc.run(seq);
      removeText.run(seq);
      touched.push(seq);
    }
    this.#write(docs);
    logChanges(this.#db, touched);
  }

  /** Replaces the whole index in one transaction: readers on other connections keep the old one until it commits. */
  rebuild(batches: Iterable<StoredRecord[]>, onProgress?: (done: number) => void): void {
    this.#db
      .transaction(() => {
        // 'delete-all', not DELETE: a contentless table's deletes leave its row and token totals
        // as they were, so every rebuild added the archive's size again to the N that bm25 reads.
        this.#db.exec("DELETE FROM search_docs; INSERT INTO search_fts (search_fts) VALUES ('delete-all'); DELETE FROM search_words;");
        this.#wordsStored.clear();
        let done = 0;
        for (const batch of batches) {
          this.#tokenizer.addWords(batch.flatMap((stored) => archiveWordsOf(stored.record)));
          this.#write(batch.map((stored) => this.#prepare(stored)));
          onProgress?.((done += batch.length));
        }
        restartChanges(this.#db);
      })
      .immediate();
  }

  /**
   * A record as rows. Its names join the segmentation dictionary before (see `apply`); they and its
   * Latin words go to `search_words`, so other processes (the server during an ingest) learn them
   * and "did you mean" reads them. Runs of Chinese, not whole names: a million titles such as
   * 塘栖古桥123号 share a few hundred runs, which is all a server then loads at its first search.
   */
  #prepare({ seq, record, visibility }: StoredRecord): PreparedDoc {
    const text = searchableText(record);
    const envelope = envelopeOf(record);
    const place = [record.lat, record.lon, envelope?.south, envelope?.west, envelope?.north, envelope?.east].map((value) => value ?? null);
    const doc: DocValues = [
      seq,
      record.id,
      JSON.stringify(facetValuesOf(record)),
      record.start_year ?? null,
      record.end_year ?? null,
      record.title_zh ?? null,
      record.title_en ?? null,
      visibleFrom(visibility),
      ...place,
    ];
    const tokens = this.#tokenizer;
    const pinyin: string[] = [];
    const columns: TextValues = [seq, tokens.indexText(text.title, pinyin), tokens.indexText(text.names, pinyin), tokens.indexText(text.body, undefined, false), ''];
    columns[4] = pinyin.join(' ');
    const words = [...latinWordsOf(text), ...archiveWordsOf(record).flatMap((name) => name.match(CHINESE_RUN) ?? [])];
    return { doc, text: columns, words };
  }

  #write(prepared: readonly PreparedDoc[]): void {
    const { insertDoc, insertText, insertWord } = this.#statements;
    for (const { doc, text, words } of prepared) {
      insertDoc.run(...doc);
      insertText.run(...text);
      for (const word of words) {
        if (this.#wordsStored.has(word)) continue;
        this.#wordsStored.add(word);
        insertWord.run(word);
      }
    }
  }
}
