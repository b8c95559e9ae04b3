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

/**
 * When the work a label names began: the first update comes only after its first batch, so the
 * clock starts when the previous label's work ended (or when progress was created).
 */
function startClock(): { restart(): void; touch(): void; started(): number } {
  let previousEnd = Date.now();
  let started = previousEnd;
  return {
    restart: () => (started = previousEnd),
    touch: () => (previousEnd = Date.now()),
    started: () => started,
  };
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  const bar = new cliProgress.SingleBar(
    { stream, format: '{label} [{bar}] {value}/{total} · {speed}/s · ETA {eta_formatted}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let current: string | undefined;
  const clock = startClock();
  return {
    update(label, done, total) {
      if (label !== current) {
        if (current) bar.stop();
        bar.start(total, 0, { label, speed: 0 });
        current = label;
        clock.restart();
      }
      bar.update(done, { label, speed: rate(done, clock.started()) });
      clock.touch();
    },
    stop: () => current && bar.stop(),
  };
}

function lineProgress(stream: NodeJS.WriteStream): Progress {
  let lastPrinted = 0;
  const clock = startClock();
  let current: string | undefined;
  return {
    update(label, done, total) {
      if (label !== current) {
        current = label;
        clock.restart();
      }
      const now = Date.now();
      clock.touch();
      if (done < total && now - lastPrinted < LINE_INTERVAL_MS) return;
      lastPrinted = now;
      stream.write(`${label} ${done}/${total} (${rate(done, clock.started())}/s)\n`);
    },
    stop() {},
  };
}

function rate(done: number, started: number): number {
  const seconds = Math.max(Date.now() - started, 1) / 1000;
  return Math.round(done / seconds);
}
