/**
 * Text from a file (a header cell, a value, a file name) on its way to a terminal: control
 * characters could move the cursor, recolour or clear the screen, or break one message onto two
 * lines, so each becomes U+FFFD.
 */
import type { MessageParams } from '../i18n/translate.ts';

// C0 (including ESC, CR, LF, NUL), DEL, C1 (CSI …), and the bidirectional overrides that can
// make a line read differently from what it holds.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(CONTROL, '\ufffd');
}

/** `params` with every string made printable, nested messages' too (numbers stay numbers, so they are still formatted). */
export function printableParams(params: MessageParams = {}): MessageParams {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'string' ? printable(value) : typeof value === 'object' ? { key: value.key, params: printableParams(value.params) } : value,
    ]),
  );
}
