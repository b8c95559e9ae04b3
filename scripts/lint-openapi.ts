/**
 * `npm run lint:openapi`: the OpenAPI document the server serves, written to a temporary file and
 * linted by Redocly CLI's recommended rules; exits non-zero on any error. Runs offline: Redocly's
 * telemetry and update check are off.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../core/config.ts';
import { openApiDocument } from '../server/api/openapi-document.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'openapi-'));
try {
  const file = path.join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(openApiDocument(loadConfig().publicOrigin), null, 2));
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
  const lint = spawnSync(process.execPath, [cli, 'lint', file, '--config', path.join(PROJECT_ROOT, 'redocly.yaml')], {
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', CI: 'true' },
  });
  process.exitCode = lint.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
