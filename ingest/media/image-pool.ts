/** A small pool: at most `size` photographs are decoded at once, whatever the batch size (bad-inputs row 24). */
import { availableParallelism } from 'node:os';

export interface Pool {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createPool(size = availableParallelism()): Pool {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Expected positive integer for pool size but received ${size}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(task) {
      if (running < size) running++;
      else await new Promise<void>((resolve) => waiting.push(resolve)); // the finishing task hands its slot over
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
  };
}
