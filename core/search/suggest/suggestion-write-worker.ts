/** A worker thread applying import batches to the suggestion tables (see `applySuggestions`). */
import { workerData } from 'node:worker_threads';
import type { StoredRecord } from '../../catalog/catalog.ts';
import { answerTasks } from '../persistent-worker.ts';
import { withSuggestionIndex } from './suggestion-index.ts';

const { file } = workerData as { file: string };

answerTasks(({ upserts, deletedIds }: { upserts: StoredRecord[]; deletedIds: string[] }) => withSuggestionIndex(file, (index) => index.apply(upserts, deletedIds)));
