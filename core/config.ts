/**
 * Configuration, read from the environment once, validated and frozen. Every runtime file lives
 * under one data directory, never in the source tree.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { BACKGROUND_NICE } from './process/lower-thread-priority.ts';
import { RUNNING_BUILT } from './process/own-modules.ts';
import { DEFAULT_RESULT_CACHE_LIMITS, type ResultCacheLimits } from './search/embedded/snapshot-result-cache.ts';

/** The checkout: above core/, or above dist/core/ when this is the build (its views, collections and assets stay where they are). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), RUNNING_BUILT ? '../..' : '..');

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
  ARCHIVE_TILE_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#\s]+\/\S*$/, 'expected an http(s) URL template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png')
    .refine((url) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part)), 'the template must contain {z}, {x} and {y}')
    // The host becomes an img-src source of the Content-Security-Policy, where `*.` may only lead.
    .refine((url) => !/\{/.test(tileHost(url).replace(/^\{s\}\./, '')), 'the only placeholder allowed in the host is a leading {s}.')
    .optional(),
  ARCHIVE_TILE_ATTRIBUTION: z.string().max(300).optional(),
  ARCHIVE_PUBLISH_ORIGINALS: z.enum(['true', 'false', '1', '0']).default('false'),
  ARCHIVE_NAME_ZH: z.string().trim().min(1).max(200).default('文化遗产档案'),
  ARCHIVE_NAME_EN: z.string().trim().min(1).max(200).default('Heritage Archive'),
  ARCHIVE_ADMIN_EMAIL: z.email().optional(),
  ARCHIVE_TRUST_PROXY: z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()))
    .refine((parts) => parts.every(isProxyAddress), 'expected the reverse proxies\' addresses, comma-separated: loopback, an IP address or a subnet such as 10.0.0.0/8')
    .optional(),
  ARCHIVE_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(65_536).default(2048),
  ARCHIVE_IMPORT_NICE: z.coerce.number().int().min(0).max(19).default(BACKGROUND_NICE),
  ARCHIVE_RESULT_CACHE_MB: z.coerce.number().min(0).max(65_536).optional(),
  ARCHIVE_RESULT_CACHE_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_RESULT_CACHE_LIMITS.entries),
  ARCHIVE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).refine((url) => !/[?#]/.test(url), 'expected an http(s) URL without a query or fragment, such as https://archive.example.org').optional(),
});

export interface Config {
  readonly dataDir: string;
  readonly catalogFile: string;
  readonly reportsDir: string;
  readonly mediaDir: string;
  /** Curators' uploads, one folder each until imported. */
  readonly uploadsDir: string;
  /** The largest upload (all its files together) the curators' pages accept: `ARCHIVE_UPLOAD_MAX_MB`. */
  readonly uploadMaxBytes: number;
  /** How much lower than the server's the import worker's scheduling priority is (`ARCHIVE_IMPORT_NICE`, 0–19; 0: the same). */
  readonly importNice: number;
  /**
   * How much each of the embedded engine's two result caches (text matches, filtered counts) may
   * hold: `ARCHIVE_RESULT_CACHE_MB` (0: keep none; unset: scaled to the archive) and `ARCHIVE_RESULT_CACHE_ENTRIES`.
   */
  readonly resultCache: ResultCacheLimits;
  /** `embedded` unless `ARCHIVE_ENGINE` says otherwise or `MEILI_HOST` is set. */
  readonly engine: 'embedded' | 'meilisearch';
  readonly port: number;
  readonly host: string;
  readonly meili: { readonly host?: string; readonly apiKey?: string; readonly searchKey?: string; readonly index: string };
  readonly logLevel: string;
  readonly collectionsDir: string;
  /**
   * The map's base layer: a tile URL template and the credit its provider requires. No default:
   * the archive never contacts a tile server unless told to, and maps draw on a plain background.
   */
  readonly tiles: { readonly url?: string; readonly attribution?: string };
  /** Serve photographs' original files too (default: kept private, only derivatives are public). */
  readonly publishOriginals: boolean;
  /**
   * The one base of every absolute URL the archive writes (permalinks, canonical links, IIIF ids,
   * OAI identifiers, citations): `ARCHIVE_PUBLIC_URL`, or `http://localhost:<port>` when unset.
   * Never taken from a request's Host header, which any client can set.
   */
  readonly publicOrigin: string;
  /** The institution's name for the archive, as citations and Linked Data name its publisher. */
  readonly archiveName: { readonly zh: string; readonly en: string };
  /**
   * The reverse proxies in front of the server (`ARCHIVE_TRUST_PROXY`), whose X-Forwarded-For the
   * server believes: only then is a client's address (sign-in limits, the session list) its own
   * rather than the proxy's. Unset: the connection's address, which no client can choose.
   */
  readonly trustProxy?: readonly string[];
  /** True when `ARCHIVE_PUBLIC_URL` was not set (the server warns when it listens beyond localhost). */
  readonly publicOriginIsDefault: boolean;
  /** Who answers for the archive (`ARCHIVE_ADMIN_EMAIL`): OAI-PMH Identify's adminEmail. */
  readonly adminEmail?: string;
}

/** `loopback`, `linklocal`, `uniquelocal` (Express's names), an IP address, or one with a prefix length. */
function isProxyAddress(part: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(part)) return true;
  const [address = '', prefix, ...rest] = part.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** `{s}.tile.example.org` (with any port) of a tile URL template. */
export function tileHost(url: string): string {
  return /^https?:\/\/([^/?#]+)/.exec(url)?.[1] ?? '';
}

const LOCAL_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost']);

/** The host of the default public origin: what a browser on this machine would type. */
function defaultPublicHost(host: string): string {
  if (LOCAL_HOSTS.has(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
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
    uploadsDir: path.join(dataDir, 'uploads'),
    uploadMaxBytes: vars.ARCHIVE_UPLOAD_MAX_MB * 1024 * 1024,
    importNice: vars.ARCHIVE_IMPORT_NICE,
    resultCache: Object.freeze({ ...(vars.ARCHIVE_RESULT_CACHE_MB !== undefined && { bytes: Math.round(vars.ARCHIVE_RESULT_CACHE_MB * 1024 * 1024) }), entries: vars.ARCHIVE_RESULT_CACHE_ENTRIES }),
    engine: vars.ARCHIVE_ENGINE ?? (vars.MEILI_HOST ? 'meilisearch' : 'embedded'),
    port: vars.PORT,
    host: vars.HOST,
    meili: Object.freeze({ host: vars.MEILI_HOST, apiKey: vars.MEILI_API_KEY, searchKey: vars.MEILI_SEARCH_KEY, index: vars.MEILI_INDEX }),
    logLevel: vars.LOG_LEVEL,
    collectionsDir: path.join(PROJECT_ROOT, 'collections'),
    tiles: Object.freeze({ url: vars.ARCHIVE_TILE_URL, attribution: vars.ARCHIVE_TILE_ATTRIBUTION }),
    publishOriginals: vars.ARCHIVE_PUBLISH_ORIGINALS === 'true' || vars.ARCHIVE_PUBLISH_ORIGINALS === '1',
    publicOrigin: vars.ARCHIVE_PUBLIC_URL?.replace(/\/+$/, '') ?? `http://${defaultPublicHost(vars.HOST)}:${vars.PORT}`,
    publicOriginIsDefault: vars.ARCHIVE_PUBLIC_URL === undefined,
    archiveName: Object.freeze({ zh: vars.ARCHIVE_NAME_ZH, en: vars.ARCHIVE_NAME_EN }),
    adminEmail: vars.ARCHIVE_ADMIN_EMAIL,
    trustProxy: vars.ARCHIVE_TRUST_PROXY && Object.freeze(vars.ARCHIVE_TRUST_PROXY),
  });
}
