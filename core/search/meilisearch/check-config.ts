/**
 * Obviously unsafe Meilisearch configurations, found before anything starts. The web server
 * searches with a search-only key; ingest and reindex write with an admin key. An `error` means
 * "refuse to start"; a `warning` is logged.
 */
import type { Config } from '../../config.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { MessageParams } from '../../i18n/translate.ts';

export type MeiliRole = 'server' | 'admin';

export interface ConfigProblem {
  severity: 'error' | 'warning';
  key: MessageKey;
  params: MessageParams;
}

const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for this machine: loopback names and addresses, `*.localhost`. */
export function isLocalHost(host: string): boolean {
  const hostname = new URL(host).hostname.toLowerCase();
  return LOCAL_HOSTNAMES.has(hostname) || hostname.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/**
 * What is wrong with `config.meili` for `role`; empty when the engine is not Meilisearch.
 * @param role `server` searches (and needs the search-only key); `admin` writes (ingest, reindex).
 */
export function checkMeiliConfig(config: Pick<Config, 'engine' | 'meili'>, role: MeiliRole): ConfigProblem[] {
  if (config.engine !== 'meilisearch') return [];
  const { host, apiKey, searchKey } = config.meili;
  if (!host) return [{ severity: 'error', key: 'search.config.host_missing', params: {} }];
  const problems: ConfigProblem[] = [];
  const add = (severity: ConfigProblem['severity'], key: MessageKey) => problems.push({ severity, key, params: { host } });
  const local = isLocalHost(host);

  if (apiKey !== undefined && apiKey === searchKey) add('error', 'search.config.same_key');
  if (role === 'server') {
    if (apiKey !== undefined && searchKey === undefined) add('error', 'search.config.search_key_missing');
    else if (apiKey !== undefined && searchKey !== apiKey) add('warning', 'search.config.server_has_admin_key');
  } else if (apiKey === undefined && searchKey !== undefined) {
    // A search key means the server has a master key, so writes without an admin key will be refused.
    add('error', 'search.config.admin_key_missing');
  }
  if (apiKey === undefined && searchKey === undefined) add(local ? 'warning' : 'error', local ? 'search.config.no_key_local' : 'search.config.no_key_remote');
  else if (!local && new URL(host).protocol === 'http:') add('warning', 'search.config.plain_http_remote');
  return problems;
}
