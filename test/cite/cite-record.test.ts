import test from 'ava';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { citationJs } from '../../core/cite/citation-js.ts';
import { citationFile, formatCitation } from '../../core/cite/cite-record.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { makeTempDir } from '../helpers/temp-archive.ts';
import { bridge, context } from './helpers/citation-fixture.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/citation');

test('the archive renders the 117 examples of GB/T 7714-2015 exactly as the style\'s reference rendering does', (t) => {
  const { Cite } = citationJs();
  const data = JSON.parse(readFileSync(path.join(fixtures, 'gbt7714-numeric-data.json'), 'utf8'));
  const entries = (text: string) => text.split('\n').filter((line) => /^\[\d+\]/.test(line)).map((line) => line.replace(/^\[\d+\]\s*/, ''));
  const expected = entries(readFileSync(path.join(fixtures, 'gbt7714-numeric.txt'), 'utf8'));
  const rendered = entries(new Cite(data).format('bibliography', { format: 'text', template: 'gbt7714', lang: 'zh-CN' }));
  t.is(expected.length, 117);
  t.deepEqual([...rendered].sort(), [...expected].sort());
});

test('a record is cited as an online resource of the archive: GB/T 7714 in Chinese, APA and Chicago in English', (t) => {
  t.is(formatCitation(bridge, 'gbt7714', context), '杭州市临平区文化遗产档案. 广济桥[EB/OL]. (2026-11-27)[2026-12-01]. https://heritage.example.org/items/guangji-bridge.');
  t.is(formatCitation(bridge, 'apa', context), 'Linping Heritage Archive. (2026, November 27). Guangji Bridge. https://heritage.example.org/items/guangji-bridge');
  t.is(formatCitation(bridge, 'chicago', context), 'Linping Heritage Archive. 2026. “Guangji Bridge.” November 27, 2026. https://heritage.example.org/items/guangji-bridge.');
});

test('a record titled in one language only is cited under that title in every style', (t) => {
  const chineseOnly = { id: 'stele', title_zh: '乾隆御碑' } as ArchiveRecord;
  t.true(formatCitation(chineseOnly, 'apa', context).includes('乾隆御碑'));
  const englishOnly = { id: 'english-only', title_en: 'An English-only record' } as ArchiveRecord;
  t.true(formatCitation(englishOnly, 'gbt7714', context).includes('An English-only record[EB/OL]'));
});

test('the BibTeX download keeps the Chinese text and biber reads it without a warning; bibutils reads it and the RIS', (t) => {
  const dir = makeTempDir(t, 'cite-');
  const bib = path.join(dir, 'guangji-bridge.bib');
  const ris = path.join(dir, 'guangji-bridge.ris');
  writeFileSync(bib, citationFile(bridge, 'bibtex', context));
  writeFileSync(ris, citationFile(bridge, 'ris', context));
  const biber = spawnSync('biber', ['--tool', '--validate-datamodel', '--output-file', path.join(dir, 'out.bib'), bib], { cwd: dir, encoding: 'utf8' });
  t.is(biber.status, 0, biber.stdout + biber.stderr);
  t.notRegex(biber.stdout, /WARN|ERROR/);
  t.regex(readFileSync(path.join(dir, 'out.bib'), 'utf8'), /广济桥/);
  for (const [tool, file] of [['bib2xml', bib], ['ris2xml', ris]] as const) {
    const run = spawnSync(tool, [file], { encoding: 'utf8' });
    t.is(run.status, 0, `${tool}: ${run.stderr}`);
    t.regex(run.stderr, /Processed 2 references/, tool);
    t.regex(run.stdout, /<title>广济桥<\/title>/, tool);
    t.regex(run.stdout, /<namePart>杭州市临平区文化遗产档案<\/namePart>/, tool);
    t.regex(run.stdout, /<title>Guangji Bridge<\/title>/, tool);
  }
});

test('the CSL-JSON download is one item per language the record has', (t) => {
  const items = JSON.parse(citationFile(bridge, 'csl', context)) as { id: string; title: string; language: string; URL: string }[];
  t.deepEqual(items.map((item) => [item.id, item.title, item.language]), [['guangji-bridge-zh', '广济桥', 'zh-CN'], ['guangji-bridge-en', 'Guangji Bridge', 'en-US']]);
  t.true(items.every((item) => item.URL === 'https://heritage.example.org/items/guangji-bridge'));
});
