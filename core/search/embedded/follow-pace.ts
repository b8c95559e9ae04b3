/**
 * How often a reader takes in another writer's commits (an import's batches, every second or
 * so). Each time it does, the snapshot grows and every kept match and count is extended by the
 * new rows once more — for each distinct query the visitors are asking. Taken in at every commit,
 * that work grows with the number of queries times the number of commits, and at a million
 * records it is what visitors waited behind during an import. So, once the snapshot has caught up,
 * a new look at the change log waits until `everyMs` has passed: every search meanwhile answers
 * from the same state (kept results are hits), and a commit is found at most `everyMs` later.
 * The reader's own writes (a curator's edit) are taken in at the next search.
 */

/** A snapshot this small (records) takes in every commit at once: following it costs next to nothing. */
export const FOLLOW_AT_ONCE_BELOW = 20_000;
/**
 * For a larger one, commits are taken in at most every 2 s, and every 5 ms per thousand records
 * past 400,000 up to 5 s at a million: what one look costs grows with the records each kept match
 * holds (copied to append to it), while the visitors' queries stay as many.
 */
export const FOLLOW_EVERY_MS = 2_000;
const FOLLOW_MS_PER_RECORD = 0.005;
export const FOLLOW_AT_MOST_EVERY_MS = 5_000;

export interface FollowPaceOptions {
  /** Milliseconds between two looks at the change log once caught up (the least, for any size); 0 looks at every search. */
  everyMs?: number;
  /** Snapshots of fewer records look at every search. */
  atOnceBelow?: number;
  /** The clock (tests turn it by hand). */
  now?: () => number;
}

export class FollowPace {
  readonly #everyMs: number;
  readonly #atOnceBelow: number;
  readonly #now: () => number;
  #dueAt = 0;

  constructor({ everyMs = FOLLOW_EVERY_MS, atOnceBelow = FOLLOW_AT_ONCE_BELOW, now = Date.now }: FollowPaceOptions = {}) {
    this.#everyMs = everyMs;
    this.#atOnceBelow = atOnceBelow;
    this.#now = now;
  }

  /** True when the change log should be read now: a snapshot of `size` records, caught up or not. */
  due(size: number, caughtUp: boolean): boolean {
    return !caughtUp || size < this.#atOnceBelow || this.#now() >= this.#dueAt;
  }

  /** The change log was read for a snapshot of `size` records: the next look waits its turn. */
  looked(size: number): void {
    const wait = this.#everyMs === 0 ? 0 : Math.min(FOLLOW_AT_MOST_EVERY_MS, Math.max(this.#everyMs, size * FOLLOW_MS_PER_RECORD));
    this.#dueAt = this.#now() + wait;
  }

  /** This reader wrote (its own edit): the next search takes it in without waiting. */
  hurry(): void {
    this.#dueAt = 0;
  }
}
