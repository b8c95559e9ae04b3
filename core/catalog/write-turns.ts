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
import { getEnvironmentData, setEnvironmentData, threadId } from 'node:worker_threads';

const KEY = 'heritage-archive:write-turns';
const TOTALS_KEY = 'heritage-archive:write-turn-totals';
/** Threads whose turns are counted apart; a thread id past it shares a slot (modulo), as only tests make that many threads. */
const COUNTED_THREADS = 32;
/** Per thread: turns taken, milliseconds waited for them, milliseconds held. */
const FIELDS = 3;
const FREE = 0;
const TAKEN = 1;
/**
 * A thread that waited this long goes on to SQLite's lock without its turn: a thread that ended
 * while holding the turn (terminated mid-transaction) must not stop the others for good.
 * As long as a catalog connection's own busy timeout.
 */
const MAX_WAIT_MS = 60_000;

const turn = new Int32Array(shared(KEY, Int32Array.BYTES_PER_ELEMENT));
const totals = new Float64Array(shared(TOTALS_KEY, COUNTED_THREADS * FIELDS * Float64Array.BYTES_PER_ELEMENT));
/** This thread's counts; only this thread writes them. */
const slot = (threadId % COUNTED_THREADS) * FIELDS;
/** Turns this thread holds (nested transactions join the outer one's turn). */
let held = 0;

function shared(key: string, bytes: number): SharedArrayBuffer {
  const inherited = getEnvironmentData(key);
  if (inherited instanceof SharedArrayBuffer) return inherited;
  const buffer = new SharedArrayBuffer(bytes);
  setEnvironmentData(key, buffer);
  return buffer;
}

export interface WriteTurnTotals {
  /** `worker_threads.threadId`: 0 is the main thread. */
  thread: number;
  turns: number;
  waitedMs: number;
  heldMs: number;
}

/**
 * How long each thread of this process waited for its write turns and held them, since the
 * process started: the serial part of an import (bench:ingest prints it per thread).
 */
export function writeTurnTotals(): WriteTurnTotals[] {
  const threads: WriteTurnTotals[] = [];
  for (let thread = 0; thread < COUNTED_THREADS; thread++) {
    const [turns, waitedMs, heldMs] = totals.subarray(thread * FIELDS, thread * FIELDS + FIELDS);
    if (turns! > 0) threads.push({ thread, turns: turns!, waitedMs: waitedMs!, heldMs: heldMs! });
  }
  return threads;
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
  const asked = performance.now();
  const taken = takeTurn();
  const given = performance.now();
  held++;
  try {
    return write();
  } finally {
    held--;
    totals[slot]! += 1;
    totals[slot + 1]! += given - asked;
    totals[slot + 2]! += performance.now() - given;
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
