/** `npm start` on a port another program holds stops with one line saying so (exit 2), not a stack trace. */
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { EXIT } from '../../core/cli/exit-codes.ts';
import { fixtures } from '../fixtures/ingest/index.ts';
import { cliWorkspace } from '../ingest/helpers/run-cli.ts';

const SERVER = fileURLToPath(new URL('../../server/main.ts', import.meta.url));

test('the server on a port already in use says which port and what to do, and exits 2', async (t) => {
  const cli = cliWorkspace(t);
  t.is((await cli.run([cli.copy(fixtures.recordsCsv)])).code, EXIT.ok);
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  t.teardown(() => holder.close());
  const { port } = holder.address() as { port: number };
  const result = await cli.run([], { script: SERVER, env: { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' } });
  t.is(result.code, EXIT.usage);
  t.is(result.stderr.trim(), `port ${port} on 127.0.0.1 is already in use by another program: stop it, or choose another port with PORT`);
});
