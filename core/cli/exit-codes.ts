/**
 * The exit status of every command (`ingest`, `reindex`, `records`, `backup`, `restore`,
 * `users` …), so scripts and cron jobs can tell one outcome from another. README lists them.
 */
export const EXIT = {
  /** Everything asked for was done. */
  ok: 0,
  /** The command ran, but refused some of its input (rows, files, images): see its report. */
  refused: 1,
  /** Bad usage: an unknown option, a bad value, a bad environment variable. Nothing was done. */
  usage: 2,
  /** The catalog took every change, but the search engine could not: the outbox keeps them for the next sync. */
  indexBehind: 3,
  /** The catalog file is unusable (empty, truncated, damaged, not a catalog). Nothing was changed. */
  catalogUnusable: 4,
  /** The disk is full or failed. Everything committed is kept. */
  diskFull: 5,
  /** The data directory cannot be written (read-only file system, no permission). Nothing was changed. */
  readOnly: 6,
  /** Another program held the catalog for too long. Nothing was changed. */
  busy: 7,
  /** A bug: the one-line message names the log file with the details. */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
