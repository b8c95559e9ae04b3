/**
 * The one runner every command goes through (`ingest`, `reindex`, `records`, `backup`,
 * `restore`, `users` …). To adopt it, a command's file is:
 *
 * ```ts
 * await runCommand({ name: 'backup', usage: 'backup.usage', options: { to: { type: 'string' } } }, async (cli) => {
 *   const config = cli.config();            // read once; faults from here on name its files
 *   cli.print('backup.done', { file });     // stdout, in the user's language
 *   return EXIT.ok;                          // or throw new CliFailure(EXIT.…, 'backup.…', { … })
 * });
 * ```
 *
 * What every command then gets without writing it:
 * - options parsed by node:util parseArgs (strict); `choices` limits a string option's values;
 * - `--help`/`-h`: the usage (a message key, in zh and en) on stdout, exit 0;
 * - an unknown option, a missing or bad value: the reason and the usage on stderr, exit 2;
 * - `--lang=zh|en`, defaulting to LC_ALL / LC_MESSAGES / LANG;
 * - text from files made printable (no terminal escapes) in every message it prints;
 * - a top-level handler: a known fault (damaged catalog, full or read-only disk, search engine
 *   down, `CliFailure`) ends the command with one line in the user's language and its own exit
 *   status (core/cli/exit-codes.ts); anything else is a bug: one line naming the log file that
 *   holds the stack (`<data>/logs/<name>.log`), exit 70. Never a stack trace on the terminal.
 */
import type { Config } from '../config.ts';
import { loadConfig } from '../config.ts';
import { classifyFault, type FaultScene } from '../faults/classify-fault.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { translate, type Lang, type MessageParams } from '../i18n/translate.ts';
import { createLogger, type Logger } from '../log.ts';
import { EXIT } from './exit-codes.ts';
import { parseCommandLine, type OptionSpecs, type OptionValues } from './parse-command-line.ts';
import { printableParams } from './printable.ts';

export interface CommandSpec<O extends OptionSpecs> {
  /** As in `npm run <name>`; also names the command's log file. */
  name: string;
  /** The usage text (zh and en in the message tables). */
  usage: MessageKey;
  options: O;
  /** Whether the command takes arguments after its options (files, ids). */
  positionals?: boolean;
}

export interface CommandContext<O extends OptionSpecs> {
  values: OptionValues<O>;
  positionals: string[];
  lang: Lang;
  /** The configuration, read once (`env` overrides for options such as `--engine`). */
  config(env?: NodeJS.ProcessEnv): Config;
  /** The command's structured log, `<data>/logs/<name>.log`. */
  log(): Logger;
  /** A message in the user's language; string parameters are made printable. */
  text(key: MessageKey, params?: MessageParams): string;
  /** `text` on stdout. */
  print(key: MessageKey, params?: MessageParams): void;
  /** `text` on stderr. */
  printError(key: MessageKey, params?: MessageParams): void;
}

export interface RunOptions {
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/** Runs `main` as the command `spec` describes and sets `process.exitCode` to its outcome. */
export async function runCommand<O extends OptionSpecs>(
  spec: CommandSpec<O>,
  main: (cli: CommandContext<O>) => Promise<number>,
  { argv = process.argv.slice(2), env = process.env }: RunOptions = {},
): Promise<void> {
  const parsed = parseCommandLine(argv, spec.options, spec.positionals ?? false, env);
  const { lang } = parsed;
  const text = (key: MessageKey, params?: MessageParams) => translate(lang, key, printableParams(params));
  if (!parsed.ok) {
    console.error(text(parsed.problem.key, parsed.problem.params));
    console.error(usageOf(spec.usage, lang));
    process.exitCode = EXIT.usage;
    return;
  }
  if (parsed.help) {
    console.log(usageOf(spec.usage, lang));
    process.exitCode = EXIT.ok;
    return;
  }

  const scene: FaultScene = {};
  let config: Config | undefined;
  let logger: Logger | undefined;
  const context: CommandContext<O> = {
    values: parsed.values,
    positionals: parsed.positionals,
    lang,
    config(overrides) {
      config ??= loadConfig(overrides ?? env);
      scene.catalogFile = config.catalogFile;
      scene.dataDir = config.dataDir;
      return config;
    },
    log() {
      logger ??= createLogger(context.config(), spec.name, 'file');
      return logger;
    },
    text,
    print: (key, params) => console.log(text(key, params)),
    printError: (key, params) => console.error(text(key, params)),
  };

  let failed = false;
  const fail = (error: unknown) => {
    // The first failure is the one to tell; what fails after it (work still in flight as the
    // archive closes) only goes to the log.
    if (failed) {
      logger?.warn({ err: error }, 'a later failure, after the command had already failed');
      return;
    }
    failed = true;
    process.exitCode = reportFailure(error, { name: spec.name, lang, scene, config, logger, text });
  };
  // Errors from callbacks and streams that no await reaches end the command the same way.
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  try {
    process.exitCode = await main(context);
  } catch (error) {
    fail(error);
  }
}

/** The usage in the user's language, and how to read it in the other. */
function usageOf(key: MessageKey, lang: Lang): string {
  return `${translate(lang, key)}\n${translate(lang, 'cli.usage_other_language')}`;
}

interface FailureContext {
  name: string;
  lang: Lang;
  scene: FaultScene;
  config: Config | undefined;
  logger: Logger | undefined;
  text: (key: MessageKey, params?: MessageParams) => string;
}

/** Prints the one line a failed command ends with, logs the details, and returns its exit status. */
function reportFailure(error: unknown, { name, scene, config, logger, text }: FailureContext): number {
  const fault = classifyFault(error, scene);
  const log = logger ?? tryCreateLogger(config, name);
  if (fault) {
    log?.error({ err: error, fault: fault.key }, 'command failed');
    console.error(text(fault.key, fault.params));
    return fault.exitCode;
  }
  log?.fatal({ err: error }, 'unexpected error');
  const detail = firstLine(error);
  console.error(log && config ? text('cli.internal_error', { detail, log: `${config.dataDir}/logs/${name}.log` }) : text('cli.internal_error_no_log', { detail }));
  return EXIT.internal;
}

/** A log to keep the stack in, unless the data directory cannot take one (the fault itself, perhaps). */
function tryCreateLogger(config: Config | undefined, name: string): Logger | undefined {
  if (!config) return undefined;
  try {
    return createLogger(config, name, 'file');
  } catch {
    return undefined;
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 300);
}
