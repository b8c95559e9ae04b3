import test from 'ava';
import { RECORD_ID_PATTERN } from '../../core/schema/record.ts';
import { toRecordId } from '../../core/schema/record-id.ts';

test('a valid id is kept as it is', (t) => {
  for (const id of ['guangji-bridge', 'a', 'gc_2024-001', '0'.repeat(128)]) {
    t.deepEqual(toRecordId(id), { id, mapped: false });
  }
});

test('ids with spaces, slashes, capitals, Chinese or over 128 characters become safe ids', (t) => {
  const unsafe = ['Grand Canal 01', 'GC/2024/001', 'Guangji', '广济桥', '广济桥 / Guangji', 'x'.repeat(200), 'a'.repeat(129), '../../etc', ' padded '];
  for (const original of unsafe) {
    const { id, mapped } = toRecordId(original);
    t.true(mapped, original);
    t.regex(id, RECORD_ID_PATTERN, original);
  }
});

test('a mapped id keeps a readable ASCII stem and ends in an 8-digit hash of the original', (t) => {
  t.regex(toRecordId('Grand Canal 01').id, /^grand-canal-01-[0-9a-f]{8}$/);
  t.regex(toRecordId('GC/2024/001').id, /^gc-2024-001-[0-9a-f]{8}$/);
  t.regex(toRecordId('Café Ruins').id, /^cafe-ruins-[0-9a-f]{8}$/);
  // Nothing ASCII to keep: the hash alone, after a letter so the id starts with [a-z0-9].
  t.regex(toRecordId('广济桥').id, /^r-[0-9a-f]{8}$/);
  const long = toRecordId('x'.repeat(200)).id;
  t.true(long.length <= 128);
  t.regex(long, /^x{100}-[0-9a-f]{8}$/);
});

test('mapping is deterministic, so a re-import finds the same record', (t) => {
  for (const original of ['Grand Canal 01', '广济桥', 'x'.repeat(200)]) {
    t.is(toRecordId(original).id, toRecordId(original).id);
  }
});

test('distinct originals map to distinct ids, even when their stems are the same', (t) => {
  const originals = ['Grand Canal 01', 'grand canal 01', 'Grand/Canal/01', 'Grand  Canal  01', '广济桥', '广济橋', '拱宸桥', 'x'.repeat(200), 'x'.repeat(201), 'A', 'B'];
  const ids = originals.map((original) => toRecordId(original).id);
  t.is(new Set(ids).size, originals.length);
});
