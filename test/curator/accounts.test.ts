/** The accounts repository on a real catalog file: sessions outlive the process, time out, and end with their account. */
import path from 'node:path';
import test from 'ava';
import { Catalog } from '../../core/catalog/catalog.ts';
import { hashSessionId } from '../../core/catalog/accounts/session-store.ts';
import { makeTempDir } from '../helpers/temp-archive.ts';
import { catalogRows } from '../helpers/catalog-sql.ts';

const LIMITS = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };
const CLIENT = { address: '127.0.0.1', userAgent: 'test' };

function openCatalog(t: Parameters<typeof makeTempDir>[0]) {
  const file = path.join(makeTempDir(t), 'catalog.db');
  const catalog = Catalog.open(file);
  t.teardown(() => catalog.close());
  catalog.accounts.users.add({ name: 'alice', role: 'editor', passwordHash: '$argon2id$fake', createdBy: 'test' });
  return { file, catalog, alice: catalog.accounts.users.get('alice')! };
}

test('a session opened before the catalog is closed is still open when it is opened again', (t) => {
  const { file, catalog, alice } = openCatalog(t);
  const id = catalog.accounts.sessions.open(alice, CLIENT);
  catalog.close();
  const reopened = Catalog.open(file);
  t.teardown(() => reopened.close());
  const found = reopened.accounts.sessions.find(id, LIMITS);
  t.is(found.status, 'open');
  t.is(found.status === 'open' && found.session.user.name, 'alice');
  t.deepEqual(catalogRows(reopened, 'SELECT id_hash FROM sessions'), [{ id_hash: hashSessionId(id) }], 'only the hash is stored');
});

test('a session ends after 30 idle minutes, after 12 hours whatever its use, and expired ones are purged', (t) => {
  const { catalog, alice } = openCatalog(t);
  const start = Date.UTC(2026, 11, 1, 9);
  const { sessions } = catalog.accounts;
  const idle = sessions.open(alice, CLIENT, start);
  t.is(sessions.find(idle, LIMITS, start + 29 * 60_000).status, 'open');
  t.is(sessions.find(idle, LIMITS, start + 31 * 60_000).status, 'ended');
  const busy = sessions.open(alice, CLIENT, start);
  for (let minute = 20; minute <= 12 * 60; minute += 20) sessions.touch(hashSessionId(busy), start + minute * 60_000);
  t.is(sessions.find(busy, LIMITS, start + 11.9 * 3_600_000).status, 'open', 'kept alive by use');
  t.is(sessions.find(busy, LIMITS, start + 12.1 * 3_600_000).status, 'ended', 'but not past the absolute limit');
  const fresh = sessions.open(alice, CLIENT, start + 12 * 3_600_000);
  t.is(sessions.purgeExpired(LIMITS, start + 12.1 * 3_600_000), 2);
  t.is(sessions.find(fresh, LIMITS, start + 12.1 * 3_600_000).status, 'open');
});

test('disabling or deleting an account ends its sessions; logging out everywhere ends every one of them', (t) => {
  const { catalog, alice } = openCatalog(t);
  const { sessions, users } = catalog.accounts;
  const ids = [sessions.open(alice, CLIENT), sessions.open(alice, CLIENT), sessions.open(alice, CLIENT)];
  t.is(sessions.closeAllOf(alice.id), 3);
  t.true(ids.every((id) => sessions.find(id, LIMITS).status === 'unknown'));
  const id = sessions.open(alice, CLIENT);
  users.setDisabled(alice.id, true);
  t.is(sessions.find(id, LIMITS).status, 'ended', 'a disabled account opens nothing');
  users.setDisabled(alice.id, false);
  catalog.accounts.deleteUser(alice);
  t.is(sessions.find(id, LIMITS).status, 'unknown');
});

test('failed sign-ins are counted per account name and per address within the window, and a success clears the account', (t) => {
  const { catalog } = openCatalog(t);
  const { attempts } = catalog.accounts;
  const limits = { windowMs: 15 * 60_000, perAccount: 3, perAddress: 5 };
  const now = Date.UTC(2026, 11, 1, 9);
  for (let i = 0; i < 3; i++) attempts.record('alice', '10.0.0.1', false, now + i);
  const blocked = attempts.check('alice', '10.0.0.9', limits, now + 10);
  t.false(blocked.allowed, 'the account is locked from any address');
  t.true(!blocked.allowed && blocked.retryAfterMs > 14 * 60_000);
  t.true(attempts.check('alice', '10.0.0.9', limits, now + 15 * 60_000 + 10).allowed, 'until the window has passed');
  for (let i = 0; i < 2; i++) attempts.record(`guess-${i}`, '10.0.0.1', false, now + 20 + i);
  t.false(attempts.check('someone-else', '10.0.0.1', limits, now + 30).allowed, 'the address is locked for any account');
  attempts.record('alice', '10.0.0.2', true, now + 40);
  t.true(attempts.check('alice', '10.0.0.2', limits, now + 50).allowed);
});
