/**
 * A worker thread that writes import batches into the embedded index (index-writer.ts), so the
 * importer prepares and writes its next batch meanwhile: tokenizing is most of an import's work,
 * and a machine has more than one core. Each message is one batch; the reply comes once it is committed.
 */
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { StoredRecord } from '../../catalog/catalog.ts';
import { answerTasks } from '../persistent-worker.ts';
import { ArchiveTokenizer } from '../tokenizer.ts';
import { IndexWriter } from './index-writer.ts';

const db = new Database((workerData as { file: string }).file);
db.pragma('busy_timeout = 60000');
const writer = new IndexWriter(db, new ArchiveTokenizer());

answerTasks(({ upserts, deletedIds }: { upserts: StoredRecord[]; deletedIds: string[] }) => writer.apply(upserts, deletedIds));
