import test from 'ava';
import { MESSAGE_TABLES } from '../core/i18n/messages.ts';
import { translate } from '../core/i18n/translate.ts';

test('no message key is defined in two tables', (t) => {
  const seen = new Map<string, string>();
  for (const [table, messages] of Object.entries(MESSAGE_TABLES)) {
    for (const key of Object.keys(messages)) {
      t.false(seen.has(key), `${key} is in ${seen.get(key)} and ${table}`);
      seen.set(key, table);
    }
  }
});

test('every message has non-empty Chinese and English text with the same placeholders', (t) => {
  for (const messages of Object.values(MESSAGE_TABLES)) {
    for (const [key, { zh, en }] of Object.entries(messages as Record<string, { zh: string; en: string }>)) {
      t.true(zh.trim().length > 0 && en.trim().length > 0, key);
      // The same names, not the same count: English may use a number twice ({n} {n:record|records}).
      const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)/g)].map((m) => m[1]))].sort();
      t.deepEqual(placeholders(zh), placeholders(en), `${key} placeholders differ`);
    }
  }
});

test('translate fills placeholders and formats numbers for the language', (t) => {
  t.is(translate('en', 'ingest.total_summary', { created: 12345, updated: 0, unchanged: 1, failed: 0 }), 'total: 12,345 created, 0 updated, 1 unchanged, 0 failed');
  t.is(translate('zh', 'file.not_utf8', { line: 3 }), '第 3 行不是 UTF-8 编码；请另存为 UTF-8 后再导入');
});
