import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { QuotePdfData, ReadyMessage, RenderReply, RenderRequest } from './protocol';

// The web process's side of the PDF renderer: one long-lived child process (scripts/pdf-renderer.ts
// under tsx), started on the first render. A render that outlives the timeout kills the child; a
// child that died is started again on the next render.

export const PDF_RENDER_TIMEOUT_MS = 60_000;

export class PdfRenderTimeoutError extends Error {
  constructor(ms: number) {
    super(`The PDF took longer than ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`} to render and was stopped; try again in a minute.`);
    this.name = 'PdfRenderTimeoutError';
  }
}

export class PdfRendererError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfRendererError';
  }
}

export type PdfRenderer = {
  render(data: QuotePdfData): Promise<Uint8Array>;
  /** The renderer's process id while it runs (for tests and logs). */
  pid(): number | undefined;
  /** How many renders the child has been asked for since this renderer was made. */
  renders(): number;
  close(): void;
};

export type PdfRendererOptions = { timeoutMs?: number; script?: string; cwd?: string };

/**
 * Where the renderer script lives: resolved from the working directory at run time (the server
 * runs from the project root), never traced or bundled by next build.
 */
function rendererScript(cwd: string): string {
  return path.join(/*turbopackIgnore: true*/ cwd, 'scripts', 'pdf-renderer.ts');
}

export function createPdfRenderer(options: PdfRendererOptions = {}): PdfRenderer {
  const timeoutMs = options.timeoutMs ?? PDF_RENDER_TIMEOUT_MS;
  const cwd = options.cwd ?? process.cwd();
  let child: ChildProcess | null = null;
  let ready: Promise<void> | null = null;
  let nextId = 1;
  let renders = 0;
  const pending = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void; proc: ChildProcess }>();

  // An idle renderer must not keep the web process (or a test run) alive.
  const holdOpen = (hold: boolean) => {
    if (!child) return;
    if (hold) {
      child.ref();
      child.channel?.ref();
    } else {
      child.unref();
      child.channel?.unref();
    }
  };

  const failAll = (proc: ChildProcess | null, error: Error) => {
    for (const [id, waiter] of pending) {
      if (proc && waiter.proc !== proc) continue;
      pending.delete(id);
      waiter.reject(error);
    }
  };
  const forget = (proc: ChildProcess) => {
    if (child !== proc) return;
    child = null;
    ready = null;
  };

  const start = (): Promise<void> => {
    // spawn with an IPC channel is fork by hand: next build resolves fork's path as a module
    // (vercel/next.js#97952), while spawn's arguments are left alone.
    const proc = spawn(process.execPath, ['--import', 'tsx', options.script ?? rendererScript(cwd)], {
      cwd,
      // React's production build unless the server itself is in development.
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV === 'development' ? 'development' : 'production' },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child = proc;
    const started = new Promise<void>((resolve, reject) => {
      proc.on('message', (message: RenderReply | ReadyMessage) => {
        if ('ready' in message) return resolve();
        const waiter = pending.get(message.id);
        if (!waiter) return;
        pending.delete(message.id);
        if (pending.size === 0) holdOpen(false);
        if (message.ok) waiter.resolve(message.pdf);
        else waiter.reject(new PdfRendererError(`The PDF could not be rendered: ${message.error}`));
      });
      proc.on('error', (error) => {
        forget(proc);
        reject(error);
        failAll(proc, new PdfRendererError(`The PDF renderer failed: ${error.message}`));
      });
      proc.on('exit', (code, signal) => {
        forget(proc);
        const error = new PdfRendererError(`The PDF renderer stopped (${signal ?? `exit code ${code}`}); it starts again on the next request.`);
        reject(error);
        failAll(proc, error);
      });
    });
    return started;
  };

  const render = async (data: QuotePdfData): Promise<Uint8Array> => {
    if (!ready) ready = start();
    const proc = child!;
    holdOpen(true);
    const id = nextId++;
    const result = new Promise<Uint8Array>((resolve, reject) => pending.set(id, { resolve, reject, proc }));
    const fail = (error: Error) => {
      const waiter = pending.get(id);
      pending.delete(id);
      waiter?.reject(error);
    };
    const timer = setTimeout(() => {
      // The render (or the start) took too long: stop the process; the next render starts another.
      fail(new PdfRenderTimeoutError(timeoutMs));
      forget(proc);
      proc.kill('SIGKILL');
    }, timeoutMs);
    ready.then(
      () => {
        if (!pending.has(id)) return;
        renders += 1;
        proc.send({ id, data } satisfies RenderRequest, (error) => error && fail(new PdfRendererError(`The PDF renderer could not be reached: ${error.message}`)));
      },
      (error: Error) => fail(error),
    );
    try {
      return await result;
    } finally {
      clearTimeout(timer);
      if (pending.size === 0) holdOpen(false);
    }
  };

  return {
    render,
    pid: () => child?.pid,
    renders: () => renders,
    close() {
      const proc = child;
      child = null;
      ready = null;
      failAll(null, new PdfRendererError('The PDF renderer was closed.'));
      proc?.kill();
    },
  };
}
