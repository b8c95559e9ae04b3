/**
 * Configuration, read from the environment once, validated and frozen. Every runtime file lives
 * under one data directory, never in the source tree.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const environmentSchema = z.object({
  ARCHIVE_DATA_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, 'data')),
  ARCHIVE_ENGINE: z.enum(['embedded', 'meilisearch']).optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  MEILI_HOST: z.url().optional(),
  MEILI_API_KEY: z.string().min(1).optional(),
  MEILI_SEARCH_KEY: z.string().min(1).optional(),
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]+$/).default('records'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  readonly dataDir: string;
  readonly catalogFile: string;
  readonly reportsDir: string;
  readonly mediaDir: string;
  /** `embedded` unless `ARCHIVE_ENGINE` says otherwise or `MEILI_HOST` is set. */
  readonly engine: 'embedded' | 'meilisearch';
  readonly port: number;
  readonly host: string;
  readonly meili: { readonly host?: string; readonly apiKey?: string; readonly searchKey?: string; readonly index: string };
  readonly logLevel: string;
  readonly collectionsDir: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads `env`; throws a `ConfigError` naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(defined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration — ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  const dataDir = path.resolve(vars.ARCHIVE_DATA_DIR);
  return Object.freeze({
    dataDir,
    catalogFile: path.join(dataDir, 'catalog.db'),
    reportsDir: path.join(dataDir, 'reports'),
    mediaDir: path.join(dataDir, 'media'),
    engine: vars.ARCHIVE_ENGINE ?? (vars.MEILI_HOST ? 'meilisearch' : 'embedded'),
    port: vars.PORT,
    host: vars.HOST,
    meili: Object.freeze({ host: vars.MEILI_HOST, apiKey: vars.MEILI_API_KEY, searchKey: vars.MEILI_SEARCH_KEY, index: vars.MEILI_INDEX }),
    logLevel: vars.LOG_LEVEL,
    collectionsDir: path.join(PROJECT_ROOT, 'collections'),
  });
}
