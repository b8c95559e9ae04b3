/** HTTP load with autocannon, collecting every response's latency (autocannon itself reports no p95). */
import autocannon from 'autocannon';
import { percentile } from './stats.ts';

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Connection errors, timeouts and answers other than 200. */
  failures: number;
  /** What the failures were: `503 ×12, timeout ×3` (empty when none). */
  failureKinds: string;
  bytesPerResponse: number;
  /** Every answer: when it was asked (ms since the epoch) and how long it took, for figures over part of the run. */
  samples: { askedAt: number; ms: number }[];
  /** Every failure: when it was asked (a timeout: TIMEOUT_S before it was given up), for failures over part of the run. */
  failed: { askedAt: number }[];
}

/** autocannon's own default: a request unanswered this long is given up and its connection made again. */
const TIMEOUT_S = 10;

/** p50/p95/p99 and max of the answers asked in the windows `inWindow` accepts, and the failures asked then. */
export function latenciesWhen(result: LoadResult, inWindow: (askedAt: number) => boolean): { count: number; p50: number; p95: number; p99: number; max: number; failures: number } {
  const latencies = result.samples.filter((sample) => inWindow(sample.askedAt)).map((sample) => sample.ms);
  const failures = result.failed.filter((failure) => inWindow(failure.askedAt)).length;
  return { count: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.reduce((a, b) => Math.max(a, b), 0), failures };
}

export interface Load {
  /** Ends the load early (for a phase that lasts as long as something else runs). */
  stop(): void;
  done: Promise<LoadResult>;
}

/**
 * Sends requests for `paths` in turn over `connections` keep-alive connections for `seconds`
 * (or until `stop()`), as a Chinese-reading visitor.
 */
export function startLoad(origin: string, paths: readonly string[], options: { connections: number; seconds: number }): Load {
  let next = 0;
  const latencies: number[] = [];
  const samples: { askedAt: number; ms: number }[] = [];
  const failed: { askedAt: number }[] = [];
  const statuses = new Map<number, number>();
  const started = Date.now();
  const instance = autocannon({
    url: origin,
    connections: options.connections,
    duration: options.seconds,
    timeout: TIMEOUT_S,
    headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    requests: [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    samples.push({ askedAt: Date.now() - responseTime, ms: responseTime });
    if (status !== 200) {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      failed.push({ askedAt: Date.now() - responseTime });
    }
  });
  // A timeout or a broken connection; autocannon says which only in the message.
  instance.on('reqError', (error: Error) => failed.push({ askedAt: Date.now() - (/timed out/.test(error.message) ? TIMEOUT_S * 1000 : 0) }));
  const done = Promise.resolve(instance).then((result) => {
    const seconds = (Date.now() - started) / 1000;
    const kinds = [...statuses].map(([status, count]) => [String(status), count] as const);
    kinds.push(['timeout', result.timeouts], ['connection error', result.errors - result.timeouts]);
    const rejected = [...statuses.values()].reduce((a, b) => a + b, 0);
    return {
      requests: latencies.length,
      requestsPerSecond: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.reduce((a, b) => Math.max(a, b), 0),
      // autocannon counts a timeout among its errors too.
      failures: rejected + result.errors,
      failureKinds: kinds.filter(([, count]) => count > 0).map(([kind, count]) => `${kind} ×${count}`).join(', '),
      bytesPerResponse: result.throughput.total / Math.max(1, result.requests.total),
      samples,
      failed,
    };
  });
  return { stop: () => instance.stop(), done };
}
