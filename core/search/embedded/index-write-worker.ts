/**
 * A worker thread that writes import batches into the embedded index (index-writer.ts), so the
 * importer prepares and writes its next batch meanwhile: tokenizing is most of an import's work,
 * and a machine has more than one core. Each message is one batch, with the suggestions or without;
 * the reply comes once it is committed.
 */
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { StoredRecord } from '../../catalog/catalog.ts';
import { answerTasks } from '../persistent-worker.ts';
import { ArchiveTokenizer } from '../tokenizer.ts';
import { IndexAndSuggestionsWriter } from './index-and-suggestions.ts';
import { IndexWriter } from './index-writer.ts';

const db = new Database((workerData as { file: string }).file);
db.pragma('busy_timeout = 60000');
// As the catalog's own connection: WAL + NORMAL loses no commit to a crash of the process, and
// syncs the log at checkpoints instead of at every batch (the tables are derived: a power loss
// at worst leaves their last batches in the outbox, applied again).
db.pragma('synchronous = NORMAL');
const writer = new IndexWriter(db, new ArchiveTokenizer());
// An import's batches: their titles' suggestions are merged at its end (mergeStagedSuggestions).
const withSuggestions = new IndexAndSuggestionsWriter(db, writer, { stageTitles: true });

export interface IndexTask {
  upserts: StoredRecord[];
  deletedIds: string[];
  /** The suggestion tables too, in the same transaction. */
  suggestions?: boolean;
}

answerTasks(({ upserts, deletedIds, suggestions }: IndexTask) => (suggestions ? withSuggestions : writer).apply(upserts, deletedIds));
