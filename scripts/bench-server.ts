// What every section of `npm run bench` (scripts/bench.ts) shares: fresh benchmark databases, the app
// served by the real supervisor (scripts/start.ts, building first when the build is stale) and signing in.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { migrateDb, openDb } from '@/db/client';
import { rebuildMatchKeys } from '@/db/queries/match-keys';
import { seedWorkspace } from '@/db/seed';

export const PORT = Number(process.env.BENCH_PORT ?? 3390);
export const BASE = `http://localhost:${PORT}`;
export const DIR = path.resolve('tmp/bench');

export const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const ms = (x: number) => `${x.toFixed(1)} ms`;
export const sleep = (delay: number) => new Promise((r) => setTimeout(r, delay));

export type Size = { companies: number; contacts: number; deals: number; openShare: number; leads?: number };

export function seed(name: string, size: Size) {
  const file = path.join(DIR, `${name}.db`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const db = openDb(file);
  migrateDb(db);
  seedWorkspace(db, { ...size, seed: 1 });
  // Match keys and duplicate pairs now rather than by the worker's job while pages are being timed.
  rebuildMatchKeys(db);
  db.$client.prepare(`delete from jobs where kind = 'match_keys'`).run();
  db.$client.close();
  return file;
}

export type ServeOptions = {
  /** More environment for the supervisor, e.g. WEB_CONCURRENCY. */
  env?: Record<string, string | undefined>;
  /** A file for the supervisor's output; then serve() also waits until every web process listens. */
  log?: string;
};

/**
 * `npm start` on the database file, in a process group of its own; resolves once /api/health answers
 * (and, with a log, once the supervisor says every web process listens). The first start builds.
 */
export async function serve(file: string, options: ServeOptions = {}): Promise<ChildProcess> {
  const out = options.log ? fs.openSync(options.log, 'w') : 'ignore';
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(PORT), DATABASE_PATH: file, AUTH_SECRET: 'bench-secret', ...options.env },
    stdio: ['ignore', out, 'inherit'],
    detached: true,
  });
  if (typeof out === 'number') fs.closeSync(out);
  const listening = () => !options.log || fs.readFileSync(options.log, 'utf8').includes('Keel is serving on');
  // A build on a busy box can take many minutes.
  for (const deadline = Date.now() + 30 * 60_000; Date.now() < deadline; await sleep(500)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The server stopped before it answered (${child.exitCode ?? child.signalCode})`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok && listening()) return child;
    } catch {
      // not up yet
    }
  }
  stop(child);
  throw new Error('The server did not start');
}

/** Ends the supervisor and everything it started, at once. */
export function stop(child: ChildProcess) {
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
}

/** The median time of `runs` loads of a page (after one warm-up load), signed in with `cookie`. */
export async function timePage(cookie: string, url: string, runs = 20): Promise<number> {
  await fetch(`${BASE}${url}`, { headers: { cookie } });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = await fetch(`${BASE}${url}`, { headers: { cookie } });
    await res.text();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function signIn(email: string): Promise<string> {
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookies = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]);
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password: 'demo1234', json: 'true' }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`Sign-in failed for ${email} (${res.status})`);
  return session;
}
