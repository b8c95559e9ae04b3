/**
 * Progress for long imports: a bar on a terminal, a line every few seconds otherwise (CI logs,
 * pipes), always with the rate.
 */
import cliProgress from 'cli-progress';

const LINE_INTERVAL_MS = 2000;

export interface Progress {
  update(label: string, done: number, total: number): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? barProgress(stream) : lineProgress(stream);
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  const bar = new cliProgress.SingleBar(
    { stream, format: '{label} [{bar}] {value}/{total} · {speed}/s · ETA {eta_formatted}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let current: string | undefined;
  let started = Date.now();
  return {
    update(label, done, total) {
      if (label !== current) {
        if (current) bar.stop();
        bar.start(total, 0, { label, speed: 0 });
        current = label;
        started = Date.now();
      }
      bar.update(done, { label, speed: rate(done, started) });
    },
    stop: () => current && bar.stop(),
  };
}

function lineProgress(stream: NodeJS.WriteStream): Progress {
  let lastPrinted = 0;
  let started = Date.now();
  let current: string | undefined;
  return {
    update(label, done, total) {
      if (label !== current) {
        current = label;
        started = Date.now();
      }
      const now = Date.now();
      if (done < total && now - lastPrinted < LINE_INTERVAL_MS) return;
      lastPrinted = now;
      stream.write(`${label} ${done}/${total} (${rate(done, started)}/s)\n`);
    },
    stop() {},
  };
}

function rate(done: number, started: number): number {
  const seconds = Math.max(Date.now() - started, 1) / 1000;
  return Math.round(done / seconds);
}
