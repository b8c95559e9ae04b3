/**
 * A new password for `npm run users`, never from the command line (where `ps` and the shell's
 * history would show it): typed twice at a prompt that echoes nothing, or the first line of
 * standard input when it is not a terminal (`printf '%s\n' "$PW" | npm run users -- add …`).
 */
import { createInterface } from 'node:readline';
import { text as readStream } from 'node:stream/consumers';

export type PasswordInput = { ok: true; password: string } | { ok: false; reason: 'mismatch' | 'empty' };

/** The new password, typed twice at a silent prompt or read from piped standard input. */
export async function readNewPassword(prompts: { first: string; again: string }): Promise<PasswordInput> {
  if (!process.stdin.isTTY) {
    const line = (await readStream(process.stdin)).split(/\r?\n/)[0] ?? '';
    return line === '' ? { ok: false, reason: 'empty' } : { ok: true, password: line };
  }
  const first = await promptHidden(prompts.first);
  if (first === '') return { ok: false, reason: 'empty' };
  const again = await promptHidden(prompts.again);
  return first === again ? { ok: true, password: first } : { ok: false, reason: 'mismatch' };
}

/** One line from the terminal, with the typed characters not echoed. */
function promptHidden(prompt: string): Promise<string> {
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  let muted = false;
  // readline echoes through this method; once the prompt is out, nothing typed is shown.
  const internals = lines as unknown as { _writeToOutput: (text: string) => void };
  const write = internals._writeToOutput.bind(lines);
  internals._writeToOutput = (text) => {
    if (!muted) write(text);
  };
  return new Promise((resolve) => {
    lines.question(prompt, (answer) => {
      process.stderr.write('\n');
      lines.close();
      resolve(answer);
    });
    muted = true;
  });
}
