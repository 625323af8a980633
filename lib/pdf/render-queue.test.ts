import { describe, expect, test } from 'vitest';
import { QueueFullError, createRenderQueue } from './render-queue';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('render queue', () => {
  test('runs one task at a time and starts the next when one ends', async () => {
    const queue = createRenderQueue<string>({ concurrency: 1, maxWaiting: 4 });
    const a = deferred<string>();
    const b = deferred<string>();
    const started: string[] = [];
    const ra = queue.run('a', () => (started.push('a'), a.promise));
    const rb = queue.run('b', () => (started.push('b'), b.promise));
    await tick();
    expect(started).toEqual(['a']);
    expect(queue.stats()).toEqual({ running: 1, waiting: 1 });
    a.resolve('A');
    expect(await ra).toBe('A');
    await tick();
    expect(started).toEqual(['a', 'b']);
    b.resolve('B');
    expect(await rb).toBe('B');
    expect(queue.stats()).toEqual({ running: 0, waiting: 0 });
  });

  test('refuses beyond the waiting room, and has room again once a task ends', async () => {
    const queue = createRenderQueue<string>({ concurrency: 1, maxWaiting: 2 });
    const gate = deferred<string>();
    const runs = ['a', 'b', 'c'].map((key) => queue.run(key, () => gate.promise));
    await expect(queue.run('d', () => gate.promise)).rejects.toBeInstanceOf(QueueFullError);
    gate.resolve('done');
    expect(await Promise.all(runs)).toEqual(['done', 'done', 'done']);
    expect(await queue.run('d', async () => 'D')).toBe('D');
  });

  test.each([
    ['running', 0],
    ['waiting', 1],
  ])('a second request for a key that is %s shares its result and takes no room', async (_state, index) => {
    const queue = createRenderQueue<string>({ concurrency: 1, maxWaiting: 1 });
    const gate = deferred<string>();
    let calls = 0;
    const task = () => {
      calls += 1;
      return gate.promise;
    };
    const runs = [queue.run('x', task), queue.run('y', task)];
    const shared = queue.run(index ? 'y' : 'x', task);
    expect(shared).toBe(runs[index]);
    gate.resolve('pdf');
    expect(await Promise.all([...runs, shared])).toEqual(['pdf', 'pdf', 'pdf']);
    expect(calls).toBe(2);
  });

  test('a failed task fails its callers, frees its place and is tried afresh next time', async () => {
    const queue = createRenderQueue<string>({ concurrency: 1, maxWaiting: 0 });
    await expect(queue.run('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('x', () => { throw new Error('sync boom'); })).rejects.toThrow('sync boom');
    expect(await queue.run('x', async () => 'ok')).toBe('ok');
  });
});
