/** Runs `inspectCatalogFile` in a worker thread (see `inspectCatalogFileOffThread`). */
import { parentPort, workerData } from 'node:worker_threads';
import { inspectCatalogFile } from './backup-catalog.ts';

parentPort!.postMessage(inspectCatalogFile(workerData as string));
