// How many PDFs one web process renders at once, and how many may wait. Pure: no I/O, no timers;
// the caller supplies the task. The box has two cores and a render holds one for seconds, so one
// render at a time, a short queue, and a clear "busy" answer beyond it rather than a growing pile.

export const PDF_QUEUE_POLICY = {
  /** Renders running at once in one web process. */
  concurrency: 1,
  /** Requests waiting for a render beyond those running; one more is refused with 503. */
  maxWaiting: 4,
  /** What a refused caller is told to wait (Retry-After), in seconds. */
  retryAfterSeconds: 15,
} as const;

export type QueuePolicy = { concurrency: number; maxWaiting: number };

export class QueueFullError extends Error {
  constructor() {
    super('Busy rendering other PDFs; try again in a few seconds.');
    this.name = 'QueueFullError';
  }
}

export type RenderQueue<T> = {
  /**
   * Runs task under the policy. A second call with the key of a task still waiting or running
   * shares that task's result instead of starting another. Rejects with QueueFullError when the
   * queue is full.
   */
  run(key: string, task: () => Promise<T>): Promise<T>;
  stats(): { running: number; waiting: number };
};

export function createRenderQueue<T>(policy: QueuePolicy = PDF_QUEUE_POLICY): RenderQueue<T> {
  const shared = new Map<string, Promise<T>>();
  const waiting: (() => void)[] = [];
  let running = 0;

  const startNext = () => {
    while (running < policy.concurrency && waiting.length > 0) waiting.shift()!();
  };

  return {
    run(key, task) {
      const existing = shared.get(key);
      if (existing) return existing;
      if (running >= policy.concurrency && waiting.length >= policy.maxWaiting) return Promise.reject(new QueueFullError());
      const result = new Promise<T>((resolve, reject) => {
        // The place is freed (and the next task started) before the callers hear the result.
        const done = () => {
          running -= 1;
          shared.delete(key);
          startNext();
        };
        const start = () => {
          running += 1;
          Promise.resolve()
            .then(task)
            .then(
              (value) => {
                done();
                resolve(value);
              },
              (error: unknown) => {
                done();
                reject(error);
              },
            );
        };
        if (running < policy.concurrency) start();
        else waiting.push(start);
      });
      shared.set(key, result);
      return result;
    },
    stats: () => ({ running, waiting: waiting.length }),
  };
}
