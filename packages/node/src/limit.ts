// A tiny concurrency limiter (at most n tasks at once, in order) for bulk downloads, instead of p-limit.
/**
 * Runs at most `concurrency` tasks at once, in submission order. Fifteen lines instead of p-limit: p-limit is
 * ESM-only (our CJS build would have to bundle it) and we need nothing beyond this.
 */
export function createLimit(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new RangeError(`concurrency must be an integer >= 1, got ${concurrency}`);
  }
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (active >= concurrency) return;
    const start = queue.shift();
    if (start) {
      active++;
      start();
    }
  };
  return (task) =>
    new Promise((resolve, reject) => {
      queue.push(() => {
        Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}
