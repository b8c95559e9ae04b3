/**
 * The command line of every command, parsed by node:util's parseArgs: the command's own options
 * plus `--lang=zh|en` and `--help`/`-h`. Option values limited to a list (`choices`) are checked
 * here; parseArgs' own English messages become message keys, so they read in either language.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { langFromLocale, type Lang } from '../i18n/translate.ts';
import type { CliMessage } from './cli-failure.ts';

type ParseArgsOptionConfig = NonNullable<ParseArgsConfig['options']>[string];

/** One option: parseArgs' declaration, plus the values a string option may take. */
export type OptionSpec = ParseArgsOptionConfig & { readonly choices?: readonly string[] };
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : string;

/** What each declared option holds after parsing: `string` or `boolean`, an array when `multiple`. */
export type OptionValues<O extends OptionSpecs> = {
  -readonly [K in keyof O]: O[K]['multiple'] extends true ? ValueOf<O[K]>[] : ValueOf<O[K]> | undefined;
};

export type ParsedCommandLine<O extends OptionSpecs> =
  | { ok: true; help: boolean; lang: Lang; values: OptionValues<O>; positionals: string[] }
  | { ok: false; lang: Lang; problem: CliMessage };

const LANGS = ['zh', 'en'] as const;

/** The language to speak before the command line is known to be valid: `--lang`, else the locale. */
export function langOf(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let index = argv.length - 1; index >= 0; index--) {
    const written = /^--lang(?:=(.*))?$/.exec(argv[index]!);
    const value = written && (written[1] ?? argv[index + 1]);
    if (value === 'zh' || value === 'en') return value;
  }
  return langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export function parseCommandLine<O extends OptionSpecs>(argv: readonly string[], options: O, allowPositionals: boolean, env: NodeJS.ProcessEnv = process.env): ParsedCommandLine<O> {
  const lang = langOf(argv, env);
  const declared: Record<string, ParseArgsOptionConfig> = {
    help: { type: 'boolean', short: 'h', default: false },
    lang: { type: 'string' },
  };
  for (const [name, { choices: _choices, ...option }] of Object.entries(options)) declared[name] = option;
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: declared, allowPositionals, strict: true });
  } catch (error) {
    return { ok: false, lang, problem: problemOf(error as NodeJS.ErrnoException) };
  }
  const values = parsed.values as Record<string, unknown>;
  const choices: Record<string, readonly string[]> = { lang: LANGS };
  for (const [name, option] of Object.entries(options)) if (option.choices) choices[name] = option.choices;
  for (const [name, allowed] of Object.entries(choices)) {
    const given = values[name];
    for (const value of Array.isArray(given) ? given : given === undefined ? [] : [given]) {
      if (!allowed.includes(String(value))) {
        return { ok: false, lang, problem: { key: 'cli.bad_choice', params: { option: `--${name}`, choices: allowed.join(', '), received: String(value) } } };
      }
    }
  }
  return { ok: true, help: values.help === true, lang, values: values as OptionValues<O>, positionals: parsed.positionals };
}

/** parseArgs' error as a message: its code says which, its English text names the option. */
function problemOf(error: NodeJS.ErrnoException): CliMessage {
  const named = /'(-[^' ]+)/.exec(error.message)?.[1] ?? /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return { key: 'cli.unknown_option', params: { option: named } };
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return { key: 'cli.unexpected_argument', params: { argument: named } };
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(error.message)
        ? { key: 'cli.takes_no_value', params: { option: named } }
        : { key: 'cli.missing_value', params: { option: named } };
    default:
      return { key: 'cli.bad_usage', params: { detail: error.message } };
  }
}
