/**
 * One writing process at a time: imports, reindex, undo and restores of versions take this lock
 * for their whole run, so a second one waits its turn (saying so) instead of failing halfway with
 * SQLITE_BUSY. The lock is a row in the catalog itself (taken in an immediate transaction, so two
 * takers cannot both win), naming its owner process; a lock whose owner died (kill -9, a crash,
 * a power cut) is taken over at once.
 */
import type Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { currentProcess, isAlive, parseIdentity, type ProcessIdentity } from './process-identity.ts';

export interface LockHolder {
  owner: ProcessIdentity;
  purpose: string;
  since: string;
}

export interface WaitOptions {
  /** Called once when the lock is held by another live process, before waiting. */
  onWait?: (holder: LockHolder) => void;
  pollMs?: number;
  signal?: AbortSignal;
}

export class WriterLock {
  readonly #db: Database.Database;
  readonly #token = `${process.pid}-${Math.random().toString(36).slice(2)}`;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** The live holder, if any (a dead one is reported as none). */
  holder(): LockHolder | undefined {
    const row = this.#db.prepare<[], { owner: string; purpose: string; since: string }>('SELECT owner, purpose, since FROM writer_lock WHERE id = 1').get();
    const owner = parseIdentity(row?.owner);
    return row && owner && isAlive(owner) ? { owner, purpose: row.purpose, since: row.since } : undefined;
  }

  /** Takes the lock, waiting while another live process holds it; resolves to its release. */
  async acquire(purpose: string, options: WaitOptions = {}): Promise<() => void> {
    let told = false;
    for (;;) {
      const holder = this.#tryAcquire(purpose);
      if (!holder) return () => this.#release();
      if (!told) options.onWait?.(holder);
      told = true;
      await sleep(options.pollMs ?? 250, undefined, { signal: options.signal });
    }
  }

  /**
   * Takes the lock only if it is free, never waiting: for a web request, which must answer
   * "busy, try again" rather than hold the event loop while an import runs.
   */
  tryAcquire(purpose: string): { release: () => void } | { holder: LockHolder } {
    // A plain read first: while an import holds the lock it may also hold a write transaction,
    // which the immediate transaction below would wait for.
    const held = this.holder();
    if (held) return { holder: held };
    const holder = this.#tryAcquire(purpose);
    return holder ? { holder } : { release: () => this.#release() };
  }

  /** Undefined when taken; otherwise who holds it. */
  #tryAcquire(purpose: string): LockHolder | undefined {
    return this.#db
      .transaction(() => {
        const held = this.holder();
        if (held) return held;
        const owner = JSON.stringify({ ...currentProcess(), token: this.#token });
        this.#db.prepare('INSERT OR REPLACE INTO writer_lock (id, owner, purpose, since) VALUES (1, ?, ?, ?)').run(owner, purpose, new Date().toISOString());
        return undefined;
      })
      .immediate();
  }

  #release(): void {
    this.#db.prepare("DELETE FROM writer_lock WHERE id = 1 AND json_extract(owner, '$.token') = ?").run(this.#token);
  }
}
