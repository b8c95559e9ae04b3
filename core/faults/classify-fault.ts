/**
 * Known failures of the world outside the program — a damaged catalog, a full or read-only
 * disk, a search engine that is down — turned into one message (what happened, what to do) and
 * the exit status a command ends with. Used by every command (core/cli) and by the server's
 * start-up. Anything not recognised here is a bug and is reported as such.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { CliFailure } from '../cli/cli-failure.ts';
import { EXIT, type ExitCode } from '../cli/exit-codes.ts';
import { CatalogTooNewError } from '../catalog/catalog.ts';
import { ConfigError } from '../config.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { MessageParams } from '../i18n/translate.ts';
import { MeiliUnavailableError, MeiliWriteError } from '../search/meilisearch/engine-errors.ts';
import { SearchUnavailableError } from '../search/types.ts';
import { CatalogFileError } from './catalog-file-error.ts';

export interface Fault {
  exitCode: ExitCode;
  key: MessageKey;
  params: MessageParams;
}

/** The files a command works on, so a message can name the one that failed. */
export interface FaultScene {
  catalogFile?: string;
  dataDir?: string;
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const READ_ONLY = new Set(['EROFS']);
const NO_PERMISSION = new Set(['EACCES', 'EPERM']);
const DISK_ERROR = new Set(['EIO']);

/** The fault `error` is, or undefined when it is none of the known ones (a bug). */
export function classifyFault(error: unknown, scene: FaultScene = {}): Fault | undefined {
  if (error instanceof CliFailure) return { exitCode: error.exitCode, key: error.messageKey, params: error.params };
  if (error instanceof CatalogFileError) return { exitCode: EXIT.catalogUnusable, key: error.messageKey, params: error.params };
  if (error instanceof CatalogTooNewError) return { exitCode: EXIT.catalogUnusable, key: 'cli.catalog_too_new', params: { file: error.file, version: error.version } };
  if (error instanceof ConfigError) return { exitCode: EXIT.usage, key: 'cli.bad_config', params: { detail: error.message.replace(/^invalid configuration — /, '') } };
  if (error instanceof MeiliUnavailableError || error instanceof MeiliWriteError) return indexBehind(error.messageKey, error.params);
  if (error instanceof SearchUnavailableError) return indexBehind('search.meili.server_error', { detail: error.message });
  const code = codeOf(error);
  if (code?.startsWith('SQLITE_')) return sqliteFault(code, (error as Error).message, scene);
  if (code) return systemFault(code, error as NodeJS.ErrnoException, scene);
  return undefined;
}

/** An outage that left changes queued; the count is the caller's to fill in when it knows it. */
function indexBehind(key: MessageKey, params: MessageParams): Fault {
  return { exitCode: EXIT.indexBehind, key, params };
}

function sqliteFault(code: string, detail: string, scene: FaultScene): Fault {
  const file = scene.catalogFile ?? scene.dataDir ?? '';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return { exitCode: EXIT.catalogUnusable, key: 'cli.catalog_corrupt', params: { file, detail } };
  if (code === 'SQLITE_FULL') return { exitCode: EXIT.diskFull, key: 'cli.disk_full', params: { file } };
  if (code.startsWith('SQLITE_READONLY')) return writeRefused(file) ?? { exitCode: EXIT.readOnly, key: 'cli.read_only', params: { file } };
  if (code.startsWith('SQLITE_CANTOPEN')) return writeRefused(file) ?? { exitCode: EXIT.readOnly, key: 'cli.catalog_cannot_open', params: { file } };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { exitCode: EXIT.busy, key: 'cli.catalog_busy', params: { file } };
  if (code.startsWith('SQLITE_IOERR')) return writeRefused(file) ?? { exitCode: EXIT.diskFull, key: 'cli.disk_error', params: { file, detail } };
  return { exitCode: EXIT.catalogUnusable, key: 'cli.catalog_corrupt', params: { file, detail } };
}

function systemFault(code: string, error: NodeJS.ErrnoException, scene: FaultScene): Fault | undefined {
  const file = error.path ?? scene.dataDir ?? '';
  if (DISK_FULL.has(code)) return { exitCode: EXIT.diskFull, key: 'cli.disk_full', params: { file } };
  if (READ_ONLY.has(code)) return { exitCode: EXIT.readOnly, key: 'cli.read_only', params: { file } };
  if (NO_PERMISSION.has(code)) return { exitCode: EXIT.readOnly, key: 'cli.permission_denied', params: { file } };
  if (DISK_ERROR.has(code)) return { exitCode: EXIT.diskFull, key: 'cli.disk_error', params: { file, detail: code } };
  if (code === 'ENOTDIR' || (code === 'EEXIST' && error.syscall === 'mkdir')) return { exitCode: EXIT.usage, key: 'cli.not_a_folder', params: { file, dataDir: scene.dataDir ?? file } };
  // mkdir -p on a read-only file system says ENOENT for the folder it could not make.
  if (code === 'ENOENT' && error.syscall === 'mkdir') return writeRefused(file);
  return undefined;
}

/**
 * SQLite says only "cannot open" or "readonly"; the folder says why. Root passes every
 * permission check, so only a read-only file system refuses it.
 */
function writeRefused(file: string): Fault | undefined {
  if (!file) return undefined;
  try {
    accessSync(path.dirname(file), constants.W_OK);
    return undefined;
  } catch (error) {
    const code = codeOf(error);
    if (code && READ_ONLY.has(code)) return { exitCode: EXIT.readOnly, key: 'cli.read_only', params: { file } };
    if (code && NO_PERMISSION.has(code)) return { exitCode: EXIT.readOnly, key: 'cli.permission_denied', params: { file } };
    return undefined;
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
