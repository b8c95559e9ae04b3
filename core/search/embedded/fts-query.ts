/** Query terms as an FTS5 MATCH expression over the tokens `ArchiveTokenizer.indexText` writes. */
import { bigrams, type QueryTerm } from '../tokenizer.ts';

/**
 * Every term must match. A Chinese term of 2+ characters is the phrase of its bigrams (a substring
 * match); one character is a prefix on the bigrams; a Latin word is a prefix match.
 */
export function toFtsMatch(terms: readonly QueryTerm[]): string {
  return terms.map(termExpression).join(' AND ');
}

function termExpression(term: QueryTerm): string {
  if (term.kind === 'latin') return `${quote(term.text)}*`;
  const chars = [...term.text];
  return chars.length === 1 ? `${quote(term.text)}*` : quote(bigrams(term.text).join(' '));
}

/** FTS5 string literal: double quotes, with embedded quotes doubled. */
function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
