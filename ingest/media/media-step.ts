/**
 * The images step of an import, between validation and the catalog write: every batch's
 * photographs go through the pipeline (a bounded pool), problems are reported against the
 * record's file, line and id, GPS fills missing coordinates, and the links are written in the
 * same transaction as the records. One per ingest run.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Catalog } from '../../core/catalog/catalog.ts';
import type { Visibility } from '../../core/catalog/visibility.ts';
import type { ImageMetadata } from '../../core/media/image-metadata.ts';
import type { MediaLink } from '../../core/media/media-repository.ts';
import { MediaStore } from '../../core/media/media-store.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import type { IngestReport } from '../report.ts';
import { fillCoordinatesFromPhotograph } from './fill-from-photograph.ts';
import { createPool } from './image-pool.ts';
import { processImage, type ImageOutcome, type PipelineContext, type PipelineSettings } from './process-image.ts';
import { readImageMetadata } from './read-image-metadata.ts';
import { restrictDecoders } from './restrict-decoders.ts';
import { sniffImageType } from './sniff-image-type.ts';

export interface MediaSettings extends Partial<PipelineSettings> {
  /** Where derivatives, tiles and originals go (`Config.mediaDir`). */
  mediaDir: string;
  /** Photographs decoded at once; the number of cores by default. */
  concurrency?: number;
}

export const DEFAULT_PIPELINE_SETTINGS: PipelineSettings = {
  maxPixels: 120_000_000, // a 100-megapixel camera fits; the 196-megapixel "pixel flood" of bad-inputs row 17 does not
  maxBytes: 256 * 1024 * 1024,
  timeoutMs: 120_000,
  publishOriginals: false,
};

export interface MediaBatchItem {
  record: ArchiveRecord;
  line: number;
  /**
   * The record's accepted image references and their files, in order. `kept`: a photograph the
   * record already shows whose file is not part of this import (a spreadsheet round trip): its
   * link stays as it is.
   */
  images: { reference: string; file: string; kept?: MediaLink }[];
  /** The row says nothing about photographs (a merge without an `images` column): links stay as they are. */
  keepLinks?: boolean;
  /** From the file's `visibility` column, when the row gives one. */
  visibility?: Visibility;
  /** Filled by `prepare`: the photographs the record shows once written (written with it, in its transaction). */
  links?: MediaLink[];
}

export interface MediaSummary {
  processed: number;
  unchanged: number;
  checked: number;
  failed: number;
  /** Images per second over the time images were being worked on. */
  rate: number;
}

export interface MediaStep {
  prepare(items: MediaBatchItem[], context: { file: string; report: IngestReport; onImageDone?: () => void }): Promise<void>;
  /** What a photograph's camera recorded, from the media table when the file is known (for folders of photographs). */
  metadataOf(file: string): Promise<ImageMetadata>;
  summary(): MediaSummary;
}

export async function createMediaStep(catalog: Catalog, settings: MediaSettings, options: { dryRun: boolean }): Promise<MediaStep> {
  restrictDecoders();
  const store = new MediaStore(settings.mediaDir);
  const repository = catalog.media;
  // Called with the writer lock held (runIngest): leftovers of killed runs, none of a live one.
  if (!options.dryRun) await store.removeLeftovers();
  const context: PipelineContext = {
    store,
    repository,
    settings: { ...DEFAULT_PIPELINE_SETTINGS, ...definedOnly(settings) },
    mode: options.dryRun ? 'check' : 'process',
    inFlight: new Map(),
  };
  const pool = createPool(settings.concurrency);
  const counts = { processed: 0, unchanged: 0, checked: 0, failed: 0 };
  let busyMs = 0;

  return {
    async prepare(items, { file, report, onImageDone }) {
      // A record that names no photograph now shows none (it may have shown some before).
      for (const item of items) if (item.images.length === 0 && !item.keepLinks) item.links = [];
      const withImages = items.filter((item) => item.images.length > 0);
      if (withImages.length === 0) return;
      const started = Date.now();
      const outcomes = await Promise.all(
        withImages.map((item) =>
          Promise.all(item.images.map((image) => (image.kept ? keptOutcome(image.kept) : pool.run(() => processImage(image, context))).finally(() => onImageDone?.()))),
        ),
      );
      busyMs += Date.now() - started;
      // Reported in record order, whatever order the pool finished in.
      withImages.forEach((item, index) => applyOutcomes(item, outcomes[index]!, { file, report, counts }));
    },

    async metadataOf(file) {
      const info = await stat(file).catch(() => undefined);
      const known = repository.findSource(file);
      if (info && known && known.size === info.size && known.mtimeMs === info.mtimeMs) {
        const stored = repository.find(known.hash);
        if (stored) return stored.metadata;
      }
      return readMetadataOfFile(file);
    },

    summary() {
      const done = counts.processed + counts.unchanged + counts.checked + counts.failed;
      return { ...counts, rate: busyMs > 0 ? Math.round((done / busyMs) * 10_000) / 10 : 0 };
    },
  };
}

function applyOutcomes(item: MediaBatchItem, outcomes: ImageOutcome[], context: { file: string; report: IngestReport; counts: Record<string, number> }): void {
  const { file, report, counts } = context;
  const entry = { file, line: item.line || undefined, id: item.record.id, field: 'images' };
  item.links = [];
  outcomes.forEach((outcome, index) => {
    if (!outcome.ok) {
      counts.failed!++;
      report.add({ ...entry, severity: 'media', message: outcome.problem });
      return;
    }
    counts[outcome.status]!++;
    for (const warning of outcome.warnings) report.add({ ...entry, severity: 'warning', message: warning });
    item.links!.push({ hash: outcome.hash, source: item.images[index]!.reference });
  });
  const first = outcomes[0];
  if (first?.ok && fillCoordinatesFromPhotograph(item.record, first.metadata)) {
    report.add({ ...entry, field: 'lat', severity: 'warning', message: { key: 'media.coordinates_from_photo', params: { path: item.images[0]!.reference } } });
  }
}

function keptOutcome(link: MediaLink): Promise<ImageOutcome> {
  return Promise.resolve({ ok: true, hash: link.hash, metadata: {}, status: 'unchanged', warnings: [] });
}

/** For a photograph never imported: its metadata if it is an allowed image, nothing otherwise. */
export async function readMetadataOfFile(file: string): Promise<ImageMetadata> {
  const bytes = await readFile(file).catch(() => undefined);
  const sniffed = bytes && sniffImageType(bytes);
  if (!bytes || sniffed?.kind !== 'image') return {};
  return (await readImageMetadata(bytes, sniffed.type)).metadata;
}

function definedOnly<T extends object>(settings: T): Partial<T> {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as Partial<T>;
}
