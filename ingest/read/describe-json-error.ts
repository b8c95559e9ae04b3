/**
 * Where and why a JSON text failed to parse, in the archive's own words. V8's messages are
 * English only and name a character offset (a minified file is one line of 60 MB); jsonc-parser
 * reports the same failures as a small set of codes, each of which has a message in zh and en.
 */
import { parse as parseTolerantly, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { NestedMessage } from '../../core/i18n/translate.ts';

export interface JsonErrorPlace {
  line: number;
  column: number;
  reason: NestedMessage;
}

const REASONS: Record<string, NestedMessage['key']> = {
  InvalidSymbol: 'json.invalid_symbol',
  InvalidNumberFormat: 'json.invalid_number',
  PropertyNameExpected: 'json.property_name_expected',
  ValueExpected: 'json.value_expected',
  ColonExpected: 'json.colon_expected',
  CommaExpected: 'json.comma_expected',
  CloseBraceExpected: 'json.close_brace_expected',
  CloseBracketExpected: 'json.close_bracket_expected',
  EndOfFileExpected: 'json.end_of_file_expected',
  InvalidCommentToken: 'json.comment',
  UnexpectedEndOfComment: 'json.comment',
  UnexpectedEndOfString: 'json.unterminated_string',
  UnexpectedEndOfNumber: 'json.invalid_number',
  InvalidUnicode: 'json.invalid_unicode',
  InvalidEscapeCharacter: 'json.invalid_escape',
  InvalidCharacter: 'json.control_character',
};

/** `error` is what JSON.parse threw for `text`. */
export function describeJsonError(error: unknown, text: string): JsonErrorPlace {
  const first = firstError(text);
  // V8 points at the offending character itself; jsonc-parser at the start of the token holding it.
  const v8Offset = /position (\d+)/.exec((error as Error).message)?.[1];
  const offset = v8Offset !== undefined ? Number(v8Offset) : (first?.offset ?? text.length);
  const reason = first ? { key: REASONS[printParseErrorCode(first.error)] ?? 'json.invalid' } : { key: 'json.invalid' as const };
  return { ...lineAndColumn(text, offset), reason };
}

function firstError(text: string): ParseError | undefined {
  const errors: ParseError[] = [];
  try {
    parseTolerantly(text, errors, { disallowComments: true, allowTrailingComma: false });
  } catch {
    return undefined; // too deeply nested for a recursive parser
  }
  return errors[0];
}

/** 1-based, as editors count; columns in characters. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
