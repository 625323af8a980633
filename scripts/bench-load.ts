// The load and queue test of `npm run bench` (`npm run bench -- --load-only` runs it alone): the real
// supervisor on the 20,000-open-deal workspace, signed-in users loading the board, the deal list, the
// contacts and the dashboard one page after another at 1, 8 and 32 at once, and 10,000 no-op jobs
// drained by the worker, with no load and while 8 users load pages. Each level also says where the
// CPU went (web processes, the worker, this load generator, anything else on the box), since all of
// it shares the same cores.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { openDb } from '@/db/client';
import { enqueueJob } from '@/db/queries/jobs';
import { DIR, PORT, median, serve, signIn, sleep } from './bench-server';

const PAGES = ['/deals', '/deals/list', '/contacts', '/'];
const USERS = ['owner', 'mia', 'ana', 'ben'].map((name) => `${name}@demo.local`);
const LEVELS = [1, 8, 32];
const LEVEL_MS = 20_000;
const QUEUE_USERS = 8;
const JOBS = 10_000;
const TARGET_RATIO = 1.6;
const TARGET_JOBS_PER_S = 500;

// ---- CPU accounting from /proc: the supervisor's process group by role, this process, the whole box.
const TICK_S = 0.01; // USER_HZ is 100 on Linux
type CpuSnapshot = { at: number; box: { busy: number; all: number }; group: Map<string, number>; self: NodeJS.CpuUsage };

function roleOf(pid: string): string {
  const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  if (cmd.includes('server.ts')) return 'web';
  if (cmd.includes('worker.ts')) return 'worker';
  if (cmd.includes('start.ts')) return 'supervisor';
  return 'other of Keel';
}

function cpuSnapshot(groupId: number): CpuSnapshot {
  const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const all = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  const group = new Map<string, number>();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== groupId) continue;
      // Per pid, so that a role's figure is the sum over its processes.
      group.set(`${roleOf(pid)}:${pid}`, Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended meanwhile
    }
  }
  return { at: performance.now(), box: { busy: all - ticks[3] - ticks[4], all }, group, self: process.cpuUsage() };
}

/** Cores used per role between two snapshots, e.g. "web 1.71 · worker 0.02 · load generator 0.15 · rest of box 0.04 · idle 0.08". */
function cpuUse(a: CpuSnapshot, b: CpuSnapshot): { line: string; rest: number } {
  const seconds = (b.at - a.at) / 1000;
  const roles = new Map<string, number>();
  for (const [key, ticks] of b.group) {
    const role = key.split(':')[0];
    roles.set(role, (roles.get(role) ?? 0) + (ticks - (a.group.get(key) ?? 0)) * TICK_S);
  }
  const self = (b.self.user + b.self.system - a.self.user - a.self.system) / 1e6;
  const boxBusy = (b.box.busy - a.box.busy) * TICK_S;
  const boxAll = (b.box.all - a.box.all) * TICK_S;
  const ours = [...roles.values()].reduce((x, y) => x + y, 0) + self;
  const parts = [...roles].map(([role, s]) => `${role} ${(s / seconds).toFixed(2)}`);
  const rest = Math.max(0, boxBusy - ours) / seconds;
  parts.push(`load generator ${(self / seconds).toFixed(2)}`, `rest of box ${rest.toFixed(2)}`, `idle ${((boxAll - boxBusy) / seconds).toFixed(2)}`);
  return { line: `cores: ${parts.join(' · ')}`, rest };
}

// ---- The load generator: plain node:http, one keep-alive connection per virtual user.
type Sample = { page: string; ms: number; ok: boolean; status: string };

function get(agent: http.Agent, cookie: string, url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: PORT, path: url, agent, headers: { cookie, accept: 'text/html' } }, (res) => {
      res.on('error', reject);
      res.on('end', () => {
        const to = res.headers.location;
        resolve(to ? `${res.statusCode} → ${to.startsWith('/login') ? '/login' : to}` : String(res.statusCode));
      });
      res.resume();
    });
    req.setTimeout(60_000, () => req.destroy(new Error('no answer in 60 s')));
    req.on('error', reject);
  });
}

type Level = { users: number; seconds: number; samples: Sample[]; cpu: { line: string; rest: number } };

/**
 * `users` sessions load the pages one after another (each starting at a different page) for `ms`, and
 * on until `alsoUntil` settles when given. Requests that finish after the stop are not counted.
 */
async function runLevel(groupId: number, cookies: string[], users: number, ms: number, alsoUntil?: Promise<unknown>): Promise<Level> {
  const samples: Sample[] = [];
  const start = performance.now();
  const before = cpuSnapshot(groupId);
  let stopAt = Infinity;
  let after = before;
  const deadline = sleep(ms);
  void Promise.allSettled([deadline, alsoUntil]).then(() => {
    stopAt = performance.now();
    after = cpuSnapshot(groupId);
  });
  await Promise.all(
    cookies.slice(0, users).map(async (cookie, u) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (let k = u; performance.now() < stopAt; k++) {
        const page = PAGES[k % PAGES.length];
        const t = performance.now();
        let status: string;
        try {
          status = await get(agent, cookie, page);
        } catch (error) {
          status = (error as Error).message;
        }
        const done = performance.now();
        if (done <= stopAt) samples.push({ page, ms: done - t, ok: status === '200', status });
      }
      agent.destroy();
    }),
  );
  return { users, seconds: (stopAt - start) / 1000, samples, cpu: cpuUse(before, after) };
}

const percentile = (xs: number[], p: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const rps = (level: Level) => level.samples.length / level.seconds;

function printLevel(label: string, level: Level) {
  const times = level.samples.map((s) => s.ms);
  const errors = level.samples.filter((s) => !s.ok);
  const kinds = [...new Set(errors.map((e) => e.status))].slice(0, 3).join('; ');
  console.log(
    `${label.padEnd(16)} ${rps(level).toFixed(1).padStart(7)} req/s   median ${median(times).toFixed(0).padStart(5)} ms   p95 ${percentile(times, 95).toFixed(0).padStart(5)} ms   errors ${errors.length}${kinds ? ` (${kinds})` : ''}   ${level.samples.length} requests in ${level.seconds.toFixed(1)} s`,
  );
  const perPage = PAGES.map((page) => {
    const t = level.samples.filter((s) => s.page === page).map((s) => s.ms);
    return `${page} ${median(t).toFixed(0)}/${percentile(t, 95).toFixed(0)}`;
  });
  console.log(`${''.padEnd(16)} median/p95 ms by page: ${perPage.join(' · ')}`);
  console.log(`${''.padEnd(16)} ${level.cpu.line}`);
}

// ---- The queue: 10,000 no-op jobs in one transaction from this process, then wait for the worker.
type Drain = { insertMs: number; firstDoneMs: number; drainMs: number; done: number; failed: number };

async function drainQueue(file: string): Promise<Drain> {
  const db = openDb(file);
  try {
    const t0 = Date.now();
    const [first, last] = db.$client.transaction(() => {
      const ids: number[] = [];
      for (let i = 0; i < JOBS; i++) ids.push(enqueueJob(db, 'noop', {}, { now: t0 }));
      return [ids[0], ids[ids.length - 1]];
    })();
    const committed = Date.now();
    const pending = db.$client.prepare(`select count(*) as n from jobs where state in ('queued', 'running') and id between ? and ?`);
    for (const deadline = committed + 10 * 60_000; (pending.get(first, last) as { n: number }).n > 0; await sleep(100)) {
      if (Date.now() > deadline) throw new Error('The queue did not drain in 10 minutes');
    }
    const r = db.$client
      .prepare(`select sum(state = 'done') as done, sum(state = 'failed') as failed, min(finished_at) as firstDone, max(finished_at) as lastFinish from jobs where id between ? and ?`)
      .get(first, last) as { done: number; failed: number; firstDone: number; lastFinish: number };
    return { insertMs: committed - t0, firstDoneMs: r.firstDone - committed, drainMs: r.lastFinish - committed, done: r.done, failed: r.failed };
  } finally {
    db.$client.close();
  }
}

function printDrain(label: string, d: Drain): number {
  const perSecond = d.done / (d.drainMs / 1000);
  console.log(
    `Queue, ${label}: ${d.done.toLocaleString('en-US')} jobs done${d.failed ? `, ${d.failed} failed` : ''} in ${(d.drainMs / 1000).toFixed(2)} s after the commit = ${perSecond.toFixed(0)} jobs/s (target ≥ ${TARGET_JOBS_PER_S}/s: ${perSecond >= TARGET_JOBS_PER_S ? 'met' : 'MISSED'}); insert ${d.insertMs} ms, first job done ${d.firstDoneMs} ms after the commit`,
  );
  return perSecond;
}

// ---- Stopping: SIGTERM to the supervisor alone, as a service manager would, and time it.
function groupMembers(groupId: number): string[] {
  const members: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === groupId && fields[0] !== 'Z') members.push(`${pid} ${fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim().slice(0, 80)}`);
    } catch {
      // gone meanwhile
    }
  }
  return members;
}

async function stopSupervisor(child: ChildProcess): Promise<string> {
  const groupId = child.pid!;
  const t = performance.now();
  const exited = child.exitCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const inTime = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
  const took = ((performance.now() - t) / 1000).toFixed(2);
  // Grandchildren (say, a web process's esbuild service) may take a moment to notice their parent left.
  let left = groupMembers(groupId);
  for (let i = 0; i < 30 && left.length; i++) left = (await sleep(100), groupMembers(groupId));
  if (left.length) process.kill(-groupId, 'SIGKILL');
  const leftover = left.length ? `; still running 3 s later, so killed: ${left.join(', ')}` : ', no process left';
  if (!inTime) return `did NOT stop within 30 s of SIGTERM${leftover}`;
  return `stopped on SIGTERM in ${took} s, exit code ${child.exitCode ?? child.signalCode}${leftover}`;
}

type Outcome = { webs: number; ratio: number; errors: number; queueUnderLoad: number; queueIdle: number; rest: number };

/** `concurrency` undefined: the supervisor's default (one web process per core). */
async function benchOne(file: string, concurrency: number | undefined): Promise<Outcome> {
  const log = path.join(DIR, `load-web${concurrency ?? 'default'}.log`);
  const t = performance.now();
  const server = await serve(file, { env: { WEB_CONCURRENCY: concurrency === undefined ? undefined : String(concurrency) }, log });
  const groupId = server.pid!;
  const webs = Number(/\((\d+) web process/.exec(fs.readFileSync(log, 'utf8'))?.[1]);
  try {
    console.log(
      `\nLoad, 20,000 open deals, WEB_CONCURRENCY=${concurrency ?? `default (${webs} web processes)`}: serving after ${((performance.now() - t) / 1000).toFixed(1)} s (output in ${path.relative(process.cwd(), log)})`,
    );
    const signInStart = performance.now();
    const cookies: string[] = [];
    for (let i = 0; i < Math.max(...LEVELS); i++) cookies.push(await signIn(USERS[i % USERS.length]));
    console.log(`${cookies.length} sign-ins (one session per user, round-robin over ${USERS.length} demo users) in ${((performance.now() - signInStart) / 1000).toFixed(1)} s`);

    await runLevel(groupId, cookies, 8, 5_000); // warm up every web process and page
    const queueIdle = printDrain('no load', await drainQueue(file));

    const levels: Level[] = [];
    for (const users of LEVELS) {
      const level = await runLevel(groupId, cookies, users, LEVEL_MS);
      printLevel(`${users} user${users === 1 ? '' : 's'}`, level);
      levels.push(level);
    }
    // The same 8 users again, with the queue drained meanwhile (the level runs on until it has drained).
    const drain = sleep(2_000).then(() => drainQueue(file));
    const busy = await runLevel(groupId, cookies, QUEUE_USERS, LEVEL_MS, drain);
    printLevel(`${QUEUE_USERS} users + queue`, busy);
    const queueUnderLoad = printDrain(`while ${QUEUE_USERS} users load pages (from 2 s into that level)`, await drain);

    const [one, eight] = levels;
    const ratio = rps(eight) / rps(one);
    const errors = [...levels, busy].reduce((n, l) => n + l.samples.filter((s) => !s.ok).length, 0);
    console.log(
      `rps(8)/rps(1) = ${ratio.toFixed(2)}× (target ≥ ${TARGET_RATIO}×${concurrency === undefined ? '' : ', judged on the default'}: ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'}); with the queue draining, ${(rps(busy) / rps(one)).toFixed(2)}×; errors ${errors}`,
    );
    return { webs, ratio, errors, queueUnderLoad, queueIdle, rest: Math.max(...[...levels, busy].map((l) => l.cpu.rest)) };
  } finally {
    console.log(`Supervisor ${await stopSupervisor(server)}`);
    await sleep(1000);
  }
}

/** The default WEB_CONCURRENCY (one web process per core) first, then one web process for comparison. */
export async function benchLoad(file: string) {
  const main = await benchOne(file, undefined);
  await benchOne(file, 1);
  console.log(`\nLoad and queue targets (default WEB_CONCURRENCY: ${main.webs} web processes)`);
  console.log(`8 users ≥ ${TARGET_RATIO}× the req/s of 1 user: ${main.ratio.toFixed(2)}× ${main.ratio >= TARGET_RATIO ? 'met' : 'MISSED'}`);
  console.log(`no errors: ${main.errors} ${main.errors === 0 ? 'met' : 'MISSED'}`);
  console.log(`queue ≥ ${TARGET_JOBS_PER_S} jobs/s under load: ${main.queueUnderLoad.toFixed(0)}/s ${main.queueUnderLoad >= TARGET_JOBS_PER_S ? 'met' : 'MISSED'} (no load: ${main.queueIdle.toFixed(0)}/s)`);
  if (main.rest > 0.15) console.log(`Other work on the box used up to ${main.rest.toFixed(2)} cores during a level: the figures are disturbed; run again on a quiet box.`);
}
