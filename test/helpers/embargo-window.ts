/**
 * Tests that watch an embargo end need to look at the record while the embargo is still in force.
 * A fixed window of a few seconds is not always enough on a machine busy with other test workers
 * (a first search there has taken over 8 s), so the window grows until the look fits inside it.
 */
import { toSecondPrecision } from '../../core/catalog/datestamp.ts';

const FIRST_WINDOW_MS = 3000;
const LONGEST_WINDOW_MS = 96_000;

/**
 * Sets an embargo ending a few seconds ahead (`embargo(until)`), then runs `observe`. When the
 * observation finished after the embargo had already ended, it says nothing about an embargo in
 * force, so both run again with a window twice as long. Returns the observation made entirely
 * while the embargo held, and when it ends.
 */
export async function observeWhileEmbargoed<T>(embargo: (until: string) => Promise<void>, observe: () => Promise<T>): Promise<{ observed: T; until: string }> {
  for (let window = FIRST_WINDOW_MS; window <= LONGEST_WINDOW_MS; window *= 2) {
    const until = toSecondPrecision(Date.now() + window);
    await embargo(until);
    const observed = await observe();
    if (Date.now() < Date.parse(until)) return { observed, until };
  }
  throw new Error(`the machine was too busy to look at a record within a ${LONGEST_WINDOW_MS / 1000} s embargo`);
}

/** Waits until a second past `until`, when the embargo has ended for every reader. */
export function afterEmbargo(until: string): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(until) - Date.now()) + 1100));
}
