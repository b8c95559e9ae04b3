/** Query clauses as an FTS5 MATCH expression over the tokens `ArchiveTokenizer` writes. */
import { bigrams, type QueryClause, type QueryTerm } from '../tokenizer.ts';

/**
 * Every clause must match; within a clause any alternative may. A Chinese term of 2+ characters
 * is the phrase of its bigrams (a substring match); one character is a prefix on the bigrams; a
 * Latin word is a prefix match, a Latin phrase a phrase whose last word is a prefix; pinyin
 * syllables are a phrase in the pinyin column (yubei → "yu bei" finds 御碑 inside 乾隆御碑).
 */
export function toFtsMatch(clauses: readonly QueryClause[]): string {
  return clauses
    .map((clause) => (clause.length === 1 ? termExpression(clause[0]!) : `(${clause.map(termExpression).join(' OR ')})`))
    .join(' AND ');
}

/** The columns a Latin synonym may match: everything but pinyin (see `QueryTerm.synonym`). */
const NOT_PINYIN = '{title names body}';

function termExpression(term: QueryTerm): string {
  if (term.kind === 'pinyin') return `{pinyin} : ${quote(term.text)}`;
  if (term.kind === 'latin') return term.synonym ? `${NOT_PINYIN} : ${quote(term.text)}*` : `${quote(term.text)}*`;
  return [...term.text].length === 1 ? `${quote(term.text)}*` : quote(bigrams(term.text).join(' '));
}

/** FTS5 string literal: double quotes, with embedded quotes doubled. */
function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
