/** Query clauses as an FTS5 MATCH expression over the tokens `ArchiveTokenizer` writes. */
import { bigrams, type QueryClause, type QueryTerm } from '../tokenizer.ts';
import type { LatinPrefixLookup } from './latin-prefix-terms.ts';
import type { PrefixLookup } from './prefix-terms.ts';

/**
 * Every clause must match; within a clause any alternative may. A Chinese term of 2+ characters
 * is the phrase of its bigrams (a substring match); one character is a prefix on the bigrams; a
 * Latin word is a prefix match, a Latin phrase a phrase whose last word is a prefix; pinyin
 * syllables are a phrase in the pinyin column (yubei → "yu bei" finds 御碑 inside 乾隆御碑).
 * `verbatimRuns: false` leaves out the typed runs' verbatim phrases: the same records, found
 * several times faster (no phrase to check), for matching when bm25 is not what ranks them.
 * `prefixes` writes a one-character prefix out as the OR of the terms it covers (prefix-terms.ts):
 * the same records, read lazily, for expressions that stop after a few rows. `latinPrefixes` does
 * the same for a Latin prefix (latin-prefix-terms.ts): the same records, without FTS5's merge of
 * every term the prefix covers.
 */
export function toFtsMatch(clauses: readonly QueryClause[], verbatimRuns = true, prefixes?: PrefixLookup, latinPrefixes?: LatinPrefixLookup): string {
  const lookups = { prefixes, latinPrefixes };
  const clauseExpression = (clause: QueryClause) =>
    clause.length === 1 ? termExpression(clause[0]!, lookups) : `(${clause.map((term) => termExpression(term, lookups)).join(' OR ')})`;
  const parts: string[] = [];
  for (let i = 0; i < clauses.length; i++) {
    const run = clauses[i]![0]?.run;
    let end = i + 1;
    while (run !== undefined && end < clauses.length && clauses[end]![0]?.run === run) end++;
    const expressions = clauses.slice(i, end).map(clauseExpression);
    // The pieces of one typed run, OR the run itself: the same records (the run holds every
    // piece), but bm25 also scores the rare verbatim phrase, so records holding it rank first.
    const pieces = expressions.join(' AND ');
    parts.push(end - i === 1 ? expressions[0]! : verbatimRuns ? `((${pieces}) OR ${termExpression({ kind: 'han', text: run! }, lookups)})` : `(${pieces})`);
    i = end - 1;
  }
  return parts.join(' AND ');
}

/** The columns a Latin synonym may match: everything but pinyin (see `QueryTerm.synonym`). */
const NOT_PINYIN_COLUMNS = ['title', 'names', 'body'] as const;
const NOT_PINYIN = `{${NOT_PINYIN_COLUMNS.join(' ')}}`;

/** The columns a Latin prefix term may match in (undefined: every column). */
export function latinColumnsOf(term: QueryTerm): readonly string[] | undefined {
  return term.synonym ? NOT_PINYIN_COLUMNS : undefined;
}

export interface Lookups {
  prefixes?: PrefixLookup | undefined;
  latinPrefixes?: LatinPrefixLookup | undefined;
}

/**
 * How FTS5 is to read one term: its phrases (any of them matches), the columns they must be in,
 * and how they are written — one phrase, an OR of phrases, or the one phrase as a prefix. What the
 * expression says and what posting lists answer (posting-matches.ts) both come from this.
 */
export interface TermAlternatives {
  /** Outside pinyin (title, names, body) or in pinyin only; undefined: any column. */
  columns?: 'text' | 'pinyin';
  phrases: readonly string[];
  form: 'phrase' | 'any' | 'prefix';
  /** The phrases are the index's own terms, space-separated, rather than text its tokenizer cuts. */
  terms: boolean;
}

const COLUMN_FILTERS = { text: NOT_PINYIN, pinyin: '{pinyin}' } as const;

export function termAlternatives(term: QueryTerm, { prefixes, latinPrefixes }: Lookups): TermAlternatives {
  if (term.kind === 'pinyin') return { columns: 'pinyin', phrases: [term.text], form: 'phrase', terms: false };
  if (term.kind === 'latin' && term.whole) return { columns: 'text', phrases: [term.text], form: 'phrase', terms: false };
  if (term.kind === 'latin') {
    const columns = latinColumnsOf(term);
    const phrases = latinPrefixes?.(term.text, columns);
    return { ...(columns && { columns: 'text' as const }), phrases: phrases ?? [term.text], form: phrases ? 'any' : 'prefix', terms: phrases !== undefined };
  }
  if ([...term.text].length > 1) return { phrases: [bigrams(term.text).join(' ')], form: 'phrase', terms: true };
  const covered = prefixes?.(term.text);
  return { phrases: covered ?? [term.text], form: covered ? 'any' : 'prefix', terms: covered !== undefined };
}

/** One phrase in `columns` as an FTS5 expression. */
export function phraseExpression(phrase: string, columns?: TermAlternatives['columns']): string {
  return columns ? `${COLUMN_FILTERS[columns]} : ${quote(phrase)}` : quote(phrase);
}

function termExpression(term: QueryTerm, lookups: Lookups): string {
  const { columns, phrases, form } = termAlternatives(term, lookups);
  const match = form === 'prefix' ? `${quote(phrases[0]!)}*` : form === 'any' ? `(${phrases.map(quote).join(' OR ')})` : quote(phrases[0]!);
  return columns ? `${COLUMN_FILTERS[columns]} : ${match}` : match;
}

/** FTS5 string literal: double quotes, with embedded quotes doubled. */
function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
