import test from 'ava';
import type { Hit } from 'meilisearch';
import { facetCounts, fromMeiliResponses, highlightTerms, markedWords } from '../core/search/meilisearch/from-response.ts';
import type { Translation } from '../core/search/meilisearch/search-params.ts';
import type { QueryTerm } from '../core/search/tokenizer.ts';
import { query } from './helpers/temp-archive.ts';

const PRE = '\uE000';
const POST = '\uE001';

const trap = {
  id: 'html-trap',
  title_zh: '脚本<script>alert(1)</script>测试',
  title_en: 'Markup <img src=x onerror=alert(1)> record',
  description_en: 'Contains <b>markup</b> & "quotes" that must stay text.',
  type: 'document',
  collections: ['grand-canal'],
};

/** A hit as Meilisearch returns it: displayed fields, and `_formatted` with the sentinel tags around matches. */
const trapHit: Hit<Record<string, unknown>> = {
  ...trap,
  _formatted: {
    ...trap,
    title_en: `${PRE}Markup${POST} <img src=x onerror=alert(1)> record`,
    description_en: `Contains <b>${PRE}markup${POST}</b> & "quotes" that must stay text.`,
  },
};

const markupSearch: Translation = { query: query({ text: 'markup', filters: { type: ['document'] } }), clauses: [[{ kind: 'latin', text: 'markup' }]] };

test('hits become records with HTML-escaped highlights, whatever Meilisearch put in _formatted', (t) => {
  const result = fromMeiliResponses(markupSearch, [
    { hits: [trapHit], totalHits: 1, facetDistribution: { facet_collection: { 'grand-canal': 1 } } },
    { hits: [], facetDistribution: { facet_type: { document: 1, bridge: 3 } } },
  ]);
  const [hit] = result.hits;
  t.deepEqual(hit!.record, trap);
  t.is(hit!.highlights.title_en, '<mark>Markup</mark> &lt;img src=x onerror=alert(1)&gt; record');
  t.is(hit!.highlights.title_zh, '脚本&lt;script&gt;alert(1)&lt;/script&gt;测试');
  t.is(hit!.highlights.snippet_en, 'Contains &lt;b&gt;<mark>markup</mark>&lt;/b&gt; &amp; &quot;quotes&quot; that must stay text.');
  t.false(JSON.stringify(hit!.highlights).includes('<img'));
  t.false(JSON.stringify(hit!.highlights).includes(PRE));
});

test('Chinese terms are marked from the record text even though Meilisearch saw them as pair tokens', (t) => {
  const chinese: Translation = { query: query({ text: '脚本' }), clauses: [[{ kind: 'han', text: '脚本' }]] };
  const [hit] = fromMeiliResponses(chinese, [{ hits: [{ ...trap, _formatted: { ...trap } }], totalHits: 1 }]).hits;
  t.is(hit!.highlights.title_zh, '<mark>脚本</mark>&lt;script&gt;alert(1)&lt;/script&gt;测试');
});

test('synonyms found by Meilisearch are marked like the words typed', (t) => {
  const seawall = { id: 'ancient-seawall', title_zh: '古海塘', title_en: 'Ancient Seawall' };
  const search: Translation = { query: query({ text: 'seawall' }), clauses: [[{ kind: 'latin', text: 'seawall' }, { kind: 'han', text: '海塘' }]] };
  const [hit] = fromMeiliResponses(search, [{ hits: [{ ...seawall }], totalHits: 1 }]).hits;
  t.is(hit!.highlights.title_zh, '古<mark>海塘</mark>');
  t.is(hit!.highlights.title_en, 'Ancient <mark>Seawall</mark>');
});

test('a word Meilisearch matched by typo tolerance is marked too', (t) => {
  const typo: Hit<Record<string, unknown>> = { title_en: 'Guangji Bridge', _formatted: { title_en: `Guangji ${PRE}Bridge${POST}` } };
  const terms: QueryTerm[] = [{ kind: 'latin', text: 'bridhe' }];
  t.deepEqual(highlightTerms(typo, terms), [...terms, { kind: 'latin', text: 'bridge' }]);
  t.deepEqual(markedWords(`${PRE}塘栖${POST}古镇 ${PRE}Tangqi${POST}`), ['塘栖', 'Tangqi']);
  t.deepEqual(markedWords(undefined), []);
  t.deepEqual(markedWords(['not', 'a', 'string']), []);
});

test('each facet takes its counts from the query that left its own filter out', (t) => {
  const result = fromMeiliResponses(markupSearch, [
    { hits: [], totalHits: 0, facetDistribution: { facet_collection: { 'grand-canal': 1 }, facet_type: { document: 1 } } },
    { hits: [], facetDistribution: { facet_type: { document: 1, bridge: 3 } } },
  ]);
  t.deepEqual(result.facets.map((facet) => facet.key), ['collection', 'type', 'period', 'admin_area', 'protection_level', 'has_image']);
  t.deepEqual(result.facets.find((facet) => facet.key === 'type')!.values, [
    { value: 'bridge', count: 3, selected: false },
    { value: 'document', count: 1, selected: true },
  ]);
  t.deepEqual(result.facets.find((facet) => facet.key === 'collection')!.values, [{ value: 'grand-canal', count: 1, selected: false }]);
  t.deepEqual(result.facets.find((facet) => facet.key === 'period')!.values, []);
});

test('facet values are most frequent first, capped at 100, and a selected value is listed even with no records', (t) => {
  const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`v${String(i).padStart(3, '0')}`, 150 - i]));
  const counts = facetCounts('period', many, ['v149', 'nowhere']);
  t.is(counts.values.length, 102);
  t.deepEqual(counts.values[0], { value: 'v000', count: 150, selected: false });
  t.deepEqual(counts.values.filter((value) => value.selected), [
    { value: 'v149', count: 1, selected: true },
    { value: 'nowhere', count: 0, selected: true },
  ]);
  t.deepEqual(facetCounts('type', { b: 2, a: 2, c: 5 }, []).values.map((value) => value.value), ['c', 'a', 'b']);
});

test('totals are exact below the cap and "at least" at it, and pages follow the total', (t) => {
  const browse: Translation = { query: query({ pageSize: 20 }), clauses: [] };
  const small = fromMeiliResponses(browse, [{ hits: [], totalHits: 41 }]);
  t.like(small, { total: 41, totalIsExact: true, pageCount: 3, page: 1, pageSize: 20 });
  const capped = fromMeiliResponses(browse, [{ hits: [], totalHits: 10_000 }]);
  t.like(capped, { total: 10_000, totalIsExact: false, pageCount: 500 });
  t.like(fromMeiliResponses(browse, [{ hits: [], totalHits: 0 }]), { total: 0, totalIsExact: true, pageCount: 0 });
});

test('without text, highlights are the escaped record text with nothing marked', (t) => {
  const [hit] = fromMeiliResponses({ query: query(), clauses: [] }, [{ hits: [{ ...trap }], totalHits: 1 }]).hits;
  t.is(hit!.highlights.title_en, 'Markup &lt;img src=x onerror=alert(1)&gt; record');
  t.false(hit!.highlights.title_en!.includes('<mark>'));
});
