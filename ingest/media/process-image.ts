/**
 * One photograph through the pipeline: stat → (known unchanged? done) → read and hash → inspect →
 * metadata → decode once → derivatives and tiles in a staging folder → original kept → folder
 * renamed into place → media row. A photograph whose bytes were processed before, under any
 * name, is never processed again.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { MEDIA_PIPELINE_VERSION } from '../../core/media/derivatives.ts';
import type { ImageMetadata } from '../../core/media/image-metadata.ts';
import type { MediaProblem, MediaRepository } from '../../core/media/media-repository.ts';
import type { MediaStore } from '../../core/media/media-store.ts';
import { decodeImage } from './decode-image.ts';
import { deriveImages } from './derive-images.ts';
import { inspectImage } from './inspect-image.ts';
import { mediaProblem, problemOf, storageFaultOf } from './media-problem.ts';
import { readImageMetadata } from './read-image-metadata.ts';
import { addFullSizeAlias, writeIiifTiles } from './write-iiif-tiles.ts';

export interface PipelineSettings {
  /** Largest pixel count decoded (checked from the header, before decoding). */
  maxPixels: number;
  /** Largest file read into memory. */
  maxBytes: number;
  /** Budget for one photograph, from the first decode to the last tile. */
  timeoutMs: number;
  /** Serve originals beside the derivatives (they keep their GPS and camera data). */
  publishOriginals: boolean;
}

export interface PipelineContext {
  store: MediaStore;
  /** Absent on a dry run of an archive that never had images. */
  repository?: MediaRepository;
  settings: PipelineSettings;
  /** `check`: a dry run; inspect and read metadata, write nothing. */
  mode: 'process' | 'check';
  /** Photographs being processed right now, by hash: the same bytes twice in a run are processed once. */
  inFlight: Map<string, Promise<ImageOutcome>>;
  /** Set by the first full or read-only disk: photographs still waiting in the pool then stop at once. */
  storageFault?: NodeJS.ErrnoException;
}

export interface ImageJob {
  /** Absolute path of the file. */
  file: string;
  /** The path as the import file wrote it; named in every message. */
  reference: string;
}

export type ImageOutcome =
  | { ok: true; hash: string; metadata: ImageMetadata; status: 'processed' | 'unchanged' | 'checked'; warnings: MediaProblem[] }
  | { ok: false; problem: MediaProblem; /** Worth retrying next run (timeout, read error); not remembered. */ transient: boolean };

/**
 * Every failure of the photograph is an outcome that names the image; only a full or read-only
 * disk (which no later photograph or batch would survive either) throws, to end the import.
 */
export async function processImage(job: ImageJob, context: PipelineContext): Promise<ImageOutcome> {
  if (context.storageFault) throw context.storageFault;
  try {
    const info = await stat(job.file);
    if (info.size === 0) throw mediaProblem('media.empty_file', { path: job.reference });
    if (info.size > context.settings.maxBytes) {
      throw mediaProblem('media.file_too_large', { path: job.reference, size: toMegabytes(info.size), limit: toMegabytes(context.settings.maxBytes) });
    }
    const known = context.repository?.findSource(job.file);
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) {
      const stored = await fromStore(known.hash, context);
      if (stored) return namedFor(stored, job.reference);
    }
    const bytes = await readFile(job.file);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const joined = context.inFlight.get(hash);
    const running = joined ?? processBytes(bytes, hash, job, context).finally(() => context.inFlight.delete(hash));
    if (!joined) context.inFlight.set(hash, running);
    const shared = await running;
    // A second reference to bytes being processed right now did not process them again.
    const outcome: ImageOutcome = joined && shared.ok && shared.status === 'processed' ? { ...shared, status: 'unchanged', warnings: [] } : shared;
    if (context.mode === 'process' && (outcome.ok || !outcome.transient)) context.repository?.rememberSource(job.file, { size: info.size, mtimeMs: info.mtimeMs, hash });
    return namedFor(outcome, job.reference);
  } catch (error) {
    const storageFault = storageFaultOf(error, context.store.mediaDir);
    if (storageFault) throw (context.storageFault ??= storageFault);
    const failure = problemOf(error, job.reference);
    return { ok: false, problem: failure.problem, transient: failure.transient };
  }
}

async function processBytes(bytes: Buffer, hash: string, job: ImageJob, context: PipelineContext): Promise<ImageOutcome> {
  const stored = await fromStore(hash, context);
  if (stored) return stored;
  const { settings, store, repository } = context;
  // Known and ready, yet its folder is gone: say so when it is made again.
  const known = repository?.find(hash);
  const lostFiles = known?.status === 'ready' && known.pipeline === MEDIA_PIPELINE_VERSION;
  let metadata: ImageMetadata = {};
  try {
    const inspected = await inspectImage(bytes, job.reference, settings);
    const read = await readImageMetadata(bytes, inspected.type);
    metadata = read.metadata;
    const warnings = read.problem ? [...inspected.warnings, { key: 'media.metadata_unreadable' as const, params: { path: job.reference, detail: read.problem } }] : inspected.warnings;
    if (context.mode === 'check') return { ok: true, hash, metadata, status: 'checked', warnings };

    const deadline = Date.now() + settings.timeoutMs;
    const seconds = () => {
      const left = deadline - Date.now();
      if (left <= 0) throw mediaProblem('media.timed_out', { path: job.reference, seconds: Math.round(settings.timeoutMs / 1000) }, { transient: true });
      return Math.ceil(left / 1000);
    };
    const staged = await store.stage();
    try {
      const decoded = await decodeImage(bytes, { maxPixels: settings.maxPixels, seconds });
      const [derivatives] = await Promise.all([deriveImages(decoded.image, staged, { seconds }), writeIiifTiles(decoded.image, staged, { seconds })]);
      await addFullSizeAlias(staged, decoded);
      seconds(); // a photograph that ran out of time is not committed, even if its last output just finished
      await store.keepOriginal(bytes, hash, inspected.type, { publish: settings.publishOriginals, staged });
      await store.commit(staged, hash);
      repository?.save({
        status: 'ready',
        hash,
        pipeline: MEDIA_PIPELINE_VERSION,
        format: inspected.type,
        width: decoded.width,
        height: decoded.height,
        bytes: bytes.length,
        derivatives,
        metadata,
        original: settings.publishOriginals ? 'public' : 'private',
      });
      const rebuilt = lostFiles ? [{ key: 'media.files_rebuilt' as const, params: { path: job.reference } }] : [];
      return { ok: true, hash, metadata, status: 'processed', warnings: [...warnings, ...rebuilt] };
    } catch (error) {
      await store.discard(staged);
      throw error;
    }
  } catch (error) {
    if (storageFaultOf(error)) throw error;
    const failure = problemOf(error, job.reference);
    if (context.mode === 'process' && !failure.transient) {
      repository?.save({ status: 'failed', hash, pipeline: MEDIA_PIPELINE_VERSION, bytes: bytes.length, problem: failure.problem, metadata });
    }
    return { ok: false, problem: failure.problem, transient: failure.transient };
  }
}

/** What an earlier run made of these bytes, if it was made by the current pipeline and is still on disk. */
async function fromStore(hash: string, context: PipelineContext): Promise<ImageOutcome | undefined> {
  const stored = context.repository?.find(hash);
  if (!stored || stored.pipeline !== MEDIA_PIPELINE_VERSION) return undefined;
  if (stored.status === 'failed') return { ok: false, problem: stored.problem, transient: false };
  if (!(await context.store.hasFolder(hash))) return undefined;
  return { ok: true, hash, metadata: stored.metadata, status: 'unchanged', warnings: [] };
}

/** The same bytes may sit under several names: messages name the reference at hand. */
function namedFor(outcome: ImageOutcome, reference: string): ImageOutcome {
  const rename = (problem: MediaProblem): MediaProblem => ({ key: problem.key, params: { ...problem.params, path: reference } });
  return outcome.ok ? { ...outcome, warnings: outcome.warnings.map(rename) } : { ...outcome, problem: rename(outcome.problem) };
}

function toMegabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
