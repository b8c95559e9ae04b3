/**
 * A stand-in for the shared command runner (`core/cli/run-command.ts`, being landed by the
 * `faults` work): the same `runCommand(spec, main)` shape, so the backup and restore commands
 * switch over by changing one import. Until then it gives them `--help`, `--lang`, unknown-option
 * handling and a one-line message instead of a stack trace.
 */
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../core/config.ts';
import type { MessageKey } from '../core/i18n/messages.ts';
import { langFromLocale, translate, type Lang, type MessageParams } from '../core/i18n/translate.ts';
import { createLogger, type Logger } from '../core/log.ts';

/** Exit statuses, as the shared runner numbers them. */
export const EXIT = { ok: 0, refused: 1, usage: 2, catalogUnusable: 4, internal: 70 } as const;

export interface CommandSpec {
  name: string;
  usage: MessageKey;
  options: Record<string, never>;
  positionals?: boolean;
}

export interface CommandContext {
  positionals: string[];
  lang: Lang;
  config(): Config;
  log(): Logger;
  text(key: MessageKey, params?: MessageParams): string;
  print(key: MessageKey, params?: MessageParams): void;
  printError(key: MessageKey, params?: MessageParams): void;
}

/** Runs `main` with the command line parsed and sets `process.exitCode` to its outcome. */
export async function runCommand(spec: CommandSpec, main: (cli: CommandContext) => Promise<number>): Promise<void> {
  const argv = process.argv.slice(2);
  const langArgument = argv.map((arg) => /^--lang=(zh|en)$/.exec(arg)?.[1]).findLast(Boolean);
  const lang: Lang = langArgument === 'zh' || langArgument === 'en' ? langArgument : langFromLocale(process.env.LC_ALL || process.env.LANG);
  const text = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: spec.positionals ?? false, strict: true, options: { help: { type: 'boolean', short: 'h' }, lang: { type: 'string' } } });
    if (parsed.values.lang !== undefined && parsed.values.lang !== 'zh' && parsed.values.lang !== 'en') throw new Error(`--lang must be zh or en, not "${parsed.values.lang}"`);
  } catch (error) {
    console.error(text('ingest.bad_option', { detail: (error as Error).message }));
    console.error(text(spec.usage));
    process.exitCode = EXIT.usage;
    return;
  }
  if (parsed.values.help) {
    console.log(text(spec.usage));
    process.exitCode = EXIT.ok;
    return;
  }
  let config: Config | undefined;
  let logger: Logger | undefined;
  const context: CommandContext = {
    positionals: parsed.positionals,
    lang,
    config: () => (config ??= loadConfig()),
    log: () => (logger ??= createLogger(context.config(), spec.name, 'file')),
    text,
    print: (key, params) => console.log(text(key, params)),
    printError: (key, params) => console.error(text(key, params)),
  };
  try {
    process.exitCode = await main(context);
  } catch (error) {
    logger?.fatal({ err: error }, 'unexpected error');
    console.error(`${spec.name}: ${(error as Error).message?.split('\n')[0] ?? String(error)}`);
    process.exitCode = EXIT.internal;
  }
}
