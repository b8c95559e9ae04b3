/** A pipeline context on a temporary catalog and media folder, and ways to look at what it wrote. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExecutionContext } from 'ava';
import sharp from 'sharp';
import { Catalog } from '../../../core/catalog/catalog.ts';
import type { MediaRepository } from '../../../core/media/media-repository.ts';
import { MediaStore } from '../../../core/media/media-store.ts';
import { DEFAULT_PIPELINE_SETTINGS } from '../../../ingest/media/media-step.ts';
import { processImage, type ImageOutcome, type PipelineContext, type PipelineSettings } from '../../../ingest/media/process-image.ts';
import { makeTempDir } from '../../helpers/temp-archive.ts';

export interface TestPipeline {
  dir: string;
  mediaDir: string;
  repository: MediaRepository;
  context: PipelineContext;
  /** Processes `file`, named in messages by its base name unless `reference` is given. */
  process(file: string, reference?: string): Promise<ImageOutcome>;
  /** The folder of a processed photograph's public files. */
  folderOf(hash: string): string;
}

export function openPipeline(t: ExecutionContext, settings: Partial<PipelineSettings> = {}, mode: PipelineContext['mode'] = 'process'): TestPipeline {
  const dir = makeTempDir(t, 'pipeline-');
  const catalog = Catalog.open(path.join(dir, 'catalog.db'));
  t.teardown(() => catalog.close());
  const mediaDir = path.join(dir, 'media');
  const repository = catalog.media;
  const store = new MediaStore(mediaDir);
  const context: PipelineContext = { store, repository, settings: { ...DEFAULT_PIPELINE_SETTINGS, ...settings }, mode, inFlight: new Map() };
  return {
    dir,
    mediaDir,
    repository,
    context,
    process: (file, reference = path.basename(file)) => processImage({ file, reference }, context),
    folderOf: (hash) => store.folderOf(hash),
  };
}

/** The outcome of a photograph that must have been processed; fails the test otherwise. */
export function expectReady(t: ExecutionContext, outcome: ImageOutcome): Extract<ImageOutcome, { ok: true }> {
  if (!outcome.ok) t.fail(`expected the photograph to be processed, got ${JSON.stringify(outcome.problem)}`);
  return outcome as Extract<ImageOutcome, { ok: true }>;
}

/** Greyscale pixels of an image file at a fixed size, for comparing pictures. */
export async function greyPixels(file: string, width: number, height: number): Promise<Buffer> {
  return sharp(readFileSync(file)).resize(width, height, { fit: 'fill' }).greyscale().raw().toBuffer();
}

export function meanDifference(a: Buffer, b: Buffer): number {
  let total = 0;
  for (let index = 0; index < a.length; index++) total += Math.abs(a[index]! - b[index]!);
  return total / a.length;
}
