/**
 * `npm run test:meili`: the engine contract against a real Meilisearch. Without MEILI_HOST it
 * says what it needs and exits 1 (a run that tested nothing must not look like a pass); with it,
 * it checks the server answers, then runs ava on the contract file.
 */
import { spawn } from 'node:child_process';
import { Meilisearch } from 'meilisearch';
import { langFromLocale, translate } from '../../core/i18n/translate.ts';
import { callMeili } from '../../core/search/meilisearch/engine-errors.ts';

const PREFLIGHT_TIMEOUT_MS = 5_000;
const EXAMPLE_MASTER_KEY = 'dev-master-key-change-me';

const lang = langFromLocale(process.env.LC_ALL ?? process.env.LANG);
const host = process.env.MEILI_HOST;
if (!host) {
  console.error(translate(lang, 'search.test_meili.needs_host', { key: EXAMPLE_MASTER_KEY }));
  process.exit(1);
}

try {
  // Listing one index needs the server up and a key that may manage indexes, as the tests do.
  const admin = new Meilisearch({ host, apiKey: process.env.MEILI_API_KEY || undefined, timeout: PREFLIGHT_TIMEOUT_MS });
  await callMeili({ host, index: '*' }, () => admin.getRawIndexes({ limit: 1 }));
} catch (error) {
  console.error(translate(lang, 'search.test_meili.not_ready', { detail: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
}

const ava = spawn('npx', ['ava', '--config', 'test/meili/ava.config.js'], { stdio: 'inherit' });
ava.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
