/** Templates hold markup only: every word comes from the message table, through the `t` helper. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { isMessageKey } from '../../core/i18n/translate.ts';
import { VIEWS_DIR } from '../../server/render/view-engine.ts';

const templates = readdirSync(VIEWS_DIR, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.hbs'))
  .map((entry) => path.join(entry.parentPath, entry.name));

test('there are templates for every page type', (t) => {
  const names = templates.map((file) => path.relative(VIEWS_DIR, file));
  for (const name of ['layouts/main.hbs', 'home.hbs', 'search.hbs', 'item.hbs', 'collections.hbs', 'collection.hbs', 'about.hbs', 'error.hbs']) {
    t.true(names.includes(name), name);
  }
});

test('no template contains text of its own, in any language', (t) => {
  for (const file of templates) {
    const text = readFileSync(file, 'utf8')
      .replace(/\{\{!--[\s\S]*?--\}\}/g, '')
      .replace(/\{\{[\s\S]*?\}\}/g, '')
      .replace(/<!doctype html>/i, '')
      .replace(/<[^>]*>/g, ' ');
    const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
    t.deepEqual(words, [], path.relative(VIEWS_DIR, file));
  }
});

test('every message a template asks for exists', (t) => {
  for (const file of templates) {
    for (const [, key] of readFileSync(file, 'utf8').matchAll(/\{\{t "([^"]+)"/g)) {
      t.true(isMessageKey(key!), `${path.relative(VIEWS_DIR, file)} asks for ${key}`);
    }
  }
});

test('templates use no helpers but t, if, unless and each, and print raw HTML only from highlights, narratives and the JSON-LD block', (t) => {
  for (const file of templates) {
    const source = readFileSync(file, 'utf8').replace(/\{\{!--[\s\S]*?--\}\}/g, '');
    for (const [, helper] of source.matchAll(/\{\{#(\w+)/g)) t.true(['if', 'unless', 'each'].includes(helper!), `${file}: #${helper}`);
    const raw = [...source.matchAll(/\{\{\{([^}]+)\}\}\}/g)].map((m) => m[1]!.trim());
    for (const expression of raw) t.true(['body', 'titleHtml.value', 'snippetHtml.value', 'narrativeHtml.value', 'site.jsonLd'].includes(expression), `${file}: {{{${expression}}}}`);
  }
});
