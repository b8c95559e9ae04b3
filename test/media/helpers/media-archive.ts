/**
 * A temporary archive for the media tests: a real catalog file and media folder, photographs
 * copied from the fixtures into an import folder, and the real ingest with images processed.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Catalog } from '../../../core/catalog/catalog.ts';
import { EmbeddedEngine } from '../../../core/search/embedded/embedded-engine.ts';
import type { MediaSettings } from '../../../ingest/media/media-step.ts';
import { runIngest, type IngestResult } from '../../../ingest/run-ingest.ts';

/** Whatever ends the archive's life: a test (`t`), or a shared fixture ended by `test.after.always`. */
export interface Lifetime {
  teardown(cleanup: () => unknown): void;
}

/** A lifetime for fixtures made in `test.before` (ava allows no teardown in hooks). */
export function sharedLifetime(): Lifetime & { end(): Promise<void> } {
  const cleanups: (() => unknown)[] = [];
  return {
    teardown: (cleanup) => cleanups.push(cleanup),
    async end() {
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}

export interface MediaArchive {
  dir: string;
  /** Where import files and photographs are written. */
  importDir: string;
  mediaDir: string;
  catalog: Catalog;
  engine: EmbeddedEngine;
  /** Copies a fixture photograph into the import folder (under `as`, a relative path). */
  addPhoto(fixture: string, as: string): string;
  /** Writes a file into the import folder. */
  write(name: string, text: string): string;
  ingest(paths?: string[], options?: { dryRun?: boolean; media?: Partial<MediaSettings> }): Promise<IngestResult>;
}

export function openMediaArchive(t: Lifetime): MediaArchive {
  const dir = mkdtempSync(path.join(tmpdir(), 'media-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const importDir = path.join(dir, 'import');
  const mediaDir = path.join(dir, 'data', 'media');
  mkdirSync(importDir, { recursive: true });
  const catalog = Catalog.open(path.join(dir, 'catalog.db'));
  const engine = new EmbeddedEngine(catalog);
  t.teardown(async () => {
    await engine.close();
    catalog.close();
  });
  const place = (name: string) => {
    const target = path.join(importDir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    return target;
  };
  return {
    dir,
    importDir,
    mediaDir,
    catalog,
    engine,
    addPhoto(fixture, as) {
      const target = place(as);
      copyFileSync(fixture, target);
      return target;
    },
    write(name, text) {
      const target = place(name);
      writeFileSync(target, text);
      return target;
    },
    ingest(paths = [importDir], options = {}) {
      return runIngest({
        catalog,
        engine,
        paths,
        displayRoot: importDir,
        dryRun: options.dryRun ?? false,
        media: { mediaDir, concurrency: 2, ...options.media },
      });
    },
  };
}

/** A records CSV from rows of cells (the first row is the header). */
export function csv(rows: (string | number)[][]): string {
  return `${rows.map((row) => row.map((cell) => (/[",\n]/.test(String(cell)) ? `"${String(cell).replaceAll('"', '""')}"` : cell)).join(',')).join('\n')}\n`;
}
