/** Structured logs: JSON lines (pino), one event per line, to stdout or a file. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

/** A logger writing to stdout (the server) or to `<data>/logs/<name>.log` (command-line tools, whose stdout is for people). */
export function createLogger(config: Config, name: string, target: 'stdout' | 'file' = 'stdout'): Logger {
  if (target === 'stdout') return pino({ name, level: config.logLevel });
  const directory = path.join(config.dataDir, 'logs');
  mkdirSync(directory, { recursive: true });
  return pino({ name, level: config.logLevel }, pino.destination({ dest: path.join(directory, `${name}.log`), sync: true }));
}
