/**
 * The embedded engine's tables, kept in the catalog file beside the records they derive from and
 * created by the catalog's migrations (core/catalog/migrations.ts): `search_fts` (contentless FTS5
 * over tokenized text; Porter-stemmed, so `bridges` finds bridge), `search_vocab` (its terms, for
 * typo tolerance), `search_docs` (what facets, year ranges, visibility and sorting need, loaded into
 * memory), and `search_words` (the archive's vocabulary: its Chinese names, which the segmenter
 * learns, and its Latin words as written, for typo tolerance and "did you mean").
 */

/** Column weights: a match in a title outranks one in names, then descriptions; pinyin ranks below
 * the characters it spells, so exact Chinese matches come before homophones. */
export const BM25_WEIGHTS = { title: 10, names: 4, body: 1, pinyin: 2 } as const;
