/**
 * Write transactions of one process's threads take turns here before SQLite's own lock. An import
 * writes the catalog on its main thread while worker threads write the search index and the
 * suggestions into the same file; SQLite lets one of them write at a time, and a connection that
 * finds the file locked polls it, sleeping up to 100 ms between tries (its busy handler) — time
 * in which the file is often free again. A thread waiting for its turn here is woken the moment
 * the turn is given back.
 *
 * The turn is a word of shared memory handed to every worker thread (`setEnvironmentData`), so
 * the threads of one process share it whichever module made them. Other processes (the server)
 * still meet at SQLite's lock alone.
 */
import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';

const KEY = 'heritage-archive:write-turns';
const FREE = 0;
const TAKEN = 1;
/**
 * A thread that waited this long goes on to SQLite's lock without its turn: a thread that ended
 * while holding the turn (terminated mid-transaction) must not stop the others for good.
 * As long as a catalog connection's own busy timeout.
 */
const MAX_WAIT_MS = 60_000;

const turn = new Int32Array(sharedTurn());
/** Turns this thread holds (nested transactions join the outer one's turn). */
let held = 0;

function sharedTurn(): SharedArrayBuffer {
  const inherited = getEnvironmentData(KEY);
  if (inherited instanceof SharedArrayBuffer) return inherited;
  const buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  setEnvironmentData(KEY, buffer);
  return buffer;
}

/** Runs `write` (a synchronous write transaction) in this process's write turn. */
export function inWriteTurn<T>(write: () => T): T {
  if (held > 0) {
    held++;
    try {
      return write();
    } finally {
      held--;
    }
  }
  const taken = takeTurn();
  held++;
  try {
    return write();
  } finally {
    held--;
    if (taken) {
      Atomics.store(turn, 0, FREE);
      Atomics.notify(turn, 0, 1);
    }
  }
}

/** False when the wait ran out (see MAX_WAIT_MS). */
function takeTurn(): boolean {
  const deadline = Date.now() + MAX_WAIT_MS;
  while (Atomics.compareExchange(turn, 0, FREE, TAKEN) !== FREE) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    Atomics.wait(turn, 0, TAKEN, left);
  }
  return true;
}
