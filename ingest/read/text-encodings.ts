/**
 * The text encodings an import file may be in, declared once: the name iconv-lite decodes with,
 * the name shown to curators, and the names a curator may give (`--encoding gbk`, a form's choice).
 * GBK files are read as GB18030, its superset, so a GBK file and a GB18030 file read the same.
 */

export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5', 'windows-1252'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

interface EncodingInfo {
  /** As shown in messages and on the preview page. */
  label: string;
  /** Spellings accepted for it (lower case, compared without spaces, `-` and `_`). */
  names: readonly string[];
  /** Every character is 2 bytes or more, so a NUL byte is normal in it. */
  wide?: boolean;
}

export const ENCODING_INFO: Record<TextEncoding, EncodingInfo> = {
  'utf-8': { label: 'UTF-8', names: ['utf8', 'utf8bom', 'utf8sig'] },
  'utf-16le': { label: 'UTF-16LE', names: ['utf16le', 'utf16', 'ucs2', 'unicode'], wide: true },
  'utf-16be': { label: 'UTF-16BE', names: ['utf16be'], wide: true },
  gb18030: { label: 'GB18030 (GBK)', names: ['gb18030', 'gbk', 'gb2312', 'cp936', 'euccn', 'windows936'] },
  big5: { label: 'Big5', names: ['big5', 'big5hkscs', 'cp950'] },
  'windows-1252': { label: 'Windows-1252', names: ['windows1252', 'cp1252', 'latin1', 'iso88591', 'ansi', 'westerneuropean'] },
};

/** The encoding `name` stands for, or undefined when the archive does not read it. */
export function parseEncodingName(name: string): TextEncoding | undefined {
  const key = name.trim().toLowerCase().replace(/[\s_-]/g, '');
  return TEXT_ENCODINGS.find((encoding) => ENCODING_INFO[encoding].names.includes(key));
}

/** How an encoding is shown to a curator. */
export function encodingLabel(encoding: TextEncoding): string {
  return ENCODING_INFO[encoding].label;
}

/** The accepted spellings, for a usage line or a refusal: `utf-8, utf-16le, …`. */
export const ENCODING_CHOICES = 'utf-8, utf-16le, utf-16be, gbk (gb18030), big5, windows-1252';
