/** A queue of asynchronous jobs that run one after another, in the order they were given. */

export type OneAtATime = <T>(job: () => Promise<T>) => Promise<T>;

/** Runs each job once every job given before it has settled (whether it succeeded or failed). */
export function oneAtATime(): OneAtATime {
  let last: Promise<unknown> = Promise.resolve();
  return (job) => {
    const result = last.then(job);
    last = result.catch(() => undefined);
    return result;
  };
}
