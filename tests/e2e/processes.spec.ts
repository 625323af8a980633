import { expect, test } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

// `npm start` as a box runs it: the supervisor with two web processes and the worker, on a database of
// its own and the build the other specs use (already current, so nothing is rebuilt). One web process
// is killed; requests keep being answered and the supervisor starts it again. Then SIGTERM stops all.

const PORT = Number(process.env.E2E_PORT ?? 3210) + 37;
const base = `http://localhost:${PORT}`;

function children(pid: number): { pid: number; args: string }[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' }).trim();
  return out
    ? out.split('\n').map((line) => {
        const [, p, args] = /^\s*(\d+)\s+(.*)$/.exec(line)!;
        return { pid: Number(p), args };
      })
    : [];
}
const webProcesses = (pid: number) => children(pid).filter((c) => c.args.includes('scripts/server.ts'));

async function until<T>(what: string, check: () => Promise<T | null | false> | T | null | false, timeoutMs: number, log: () => string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}. The supervisor said:\n${log().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// A new connection per request, as a new visitor makes: a kept-alive connection belongs to the process
// that accepted it and dies with it, which is not what this test is about.
function status(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

test('two web processes: one is killed, requests are still answered, it comes back; SIGTERM stops everything', async () => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-start-'));
  let log = '';
  const supervisor: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'start.ts')], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_PATH: path.join(dir, 'keel.db'),
      WEB_CONCURRENCY: '2',
      SEED_DEMO: '0',
      ADMIN_EMAIL: 'admin@example.test',
      ADMIN_PASSWORD: 'a long enough password',
      AUTH_SECRET: 'processes-spec',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  supervisor.stdout!.on('data', (d) => (log += d));
  supervisor.stderr!.on('data', (d) => (log += d));
  const pid = supervisor.pid!;
  try {
    await until('Keel to serve', async () => /serving on .* \(2 web processes and a worker\)/.test(log) && (await status(`${base}/api/health`)) === 200, 120_000, () => log);
    const before = webProcesses(pid);
    expect(before).toHaveLength(2);
    expect(children(pid).filter((c) => c.args.includes('scripts/worker.ts'))).toHaveLength(1);

    const victim = before[0].pid;
    process.kill(victim, 'SIGKILL');
    await until('the supervisor to notice', () => /was killed by SIGKILL/.test(log), 10_000, () => log);
    // While it is down, every request is answered by the process that is left, pages and API alike.
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) answers.push(await status(i % 2 ? `${base}/api/health` : `${base}/login`));
    expect(answers).toEqual(answers.map(() => 200));

    const after = await until('the killed process to be started again', () => {
      const now = webProcesses(pid);
      return now.length === 2 && !now.some((p) => p.pid === victim) ? now : null;
    }, 60_000, () => log);
    expect(after.map((p) => p.pid)).toContain(before[1].pid);
    await until('the new process to listen', () => /a web process is back/.test(log), 60_000, () => log);
    expect(log).toMatch(new RegExp(`web process \\d \\(pid ${victim}\\) was killed by SIGKILL; starting it again in 1 s`));
    for (let i = 0; i < 10; i++) expect(await status(`${base}/api/health`)).toBe(200);

    // The web processes and the worker (tsx's own esbuild helper, also a child, goes when its pipe closes).
    const all = children(pid).filter((c) => /scripts\/(server|worker)\.ts/.test(c.args)).map((c) => c.pid);
    expect(all).toHaveLength(3);
    const stopped = new Promise<number | null>((resolve) => supervisor.once('exit', (code) => resolve(code)));
    supervisor.kill('SIGTERM');
    expect(await stopped).toBe(0);
    expect(log).toMatch(/SIGTERM, stopping/);
    const alive = (p: number) => {
      try {
        process.kill(p, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(all.filter(alive)).toEqual([]);
  } finally {
    if (supervisor.exitCode === null) supervisor.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
