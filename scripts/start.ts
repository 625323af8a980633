// npm start: create and migrate the database, seed it when empty, build when the build is stale,
// then supervise: WEB_CONCURRENCY web processes (one per core by default) sharing the port through
// Node's cluster module, and exactly one background worker. A process that dies is started again
// with a back-off, and the log says why. SIGTERM (or SIGINT) stops them all: web processes finish
// the requests in flight, the worker the job in hand, and each closes the database.
// `--dev` serves one web process with `next dev` instead of building.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import cluster, { type Worker as ClusterWorker } from 'node:cluster';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databasePath, migrateDb, openDb } from '@/db/client';
import { DEMO_SIZE, seedEmptyWorkspace, seedWorkspace } from '@/db/seed';
import { loadAuthSecret } from '@/lib/auth/secret';
import { exitReason, failuresInARow, restartDelayMs, webConcurrency } from '@/lib/processes/supervisor';

const dev = process.argv.includes('--dev');
const port = process.env.PORT || '3000';
const file = databasePath();
const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next');


function prepareDatabase() {
  const db = openDb(file);
  migrateDb(db);
  const { n } = db.$client.prepare('select count(*) as n from users').get() as { n: number };
  if (n === 0) {
    if (process.env.SEED_DEMO === '0') {
      const email = process.env.ADMIN_EMAIL;
      const password = process.env.ADMIN_PASSWORD;
      if (!email || !password || password.length < 8) {
        console.error('SEED_DEMO=0 needs ADMIN_EMAIL and ADMIN_PASSWORD (8 characters or more) for the first admin.');
        process.exit(1);
      }
      seedEmptyWorkspace(db, { name: 'Admin', email, password });
      console.log(`Created an empty workspace with admin ${email}`);
    } else {
      seedWorkspace(db, DEMO_SIZE);
      console.log('Seeded the demo workspace (sign in as owner@demo.local / demo1234)');
    }
  }
  db.$client.close();
}

// The build is current when it was made from exactly these sources.
function sourceStamp(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      // Tests beside the code are not part of the build.
      else if (/\.(tsx?|css|mjs|json|sql)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) hash.update(full).update(fs.readFileSync(full));
    }
  };
  for (const dir of ['app', 'components', 'lib', 'db', 'public']) if (fs.existsSync(dir)) walk(dir);
  for (const f of ['package-lock.json', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'proxy.ts'])
    if (fs.existsSync(f)) hash.update(f).update(fs.readFileSync(f));
  return hash.digest('hex');
}

function buildIfStale() {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const stampFile = path.join(distDir, 'keel-source-stamp');
  const stamp = sourceStamp();
  const current = fs.existsSync(path.join(distDir, 'BUILD_ID')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp;
  if (current) return;
  console.log('Building Keel (first start or new code)…');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // Stamped after the build: with a custom NEXT_DIST_DIR, next build adds that folder to tsconfig.json,
  // and a stamp taken before would make the next start build again for nothing.
  fs.writeFileSync(stampFile, sourceStamp());
}

let webCount: number;
try {
  webCount = dev ? 1 : webConcurrency(process.env.WEB_CONCURRENCY, os.availableParallelism());
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

prepareDatabase();
const secret = loadAuthSecret(file, true);
if (!dev) buildIfStale();

const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  DATABASE_PATH: file,
  AUTH_SECRET: secret,
  ...(process.env.PUBLIC_URL
    ? // next-auth builds its URLs from the public address and marks its cookie Secure when it is https.
      { NEXTAUTH_URL: process.env.PUBLIC_URL }
    : // Sign-in redirects use the host the browser asked for, so any hostname or port works.
      { AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? '1' }),
  NEXT_TELEMETRY_DISABLED: '1',
};

// One slot per process the supervisor keeps alive: web-1 … web-N and the worker.
type Slot = { name: string; start: () => ChildProcess | ClusterWorker; current: ChildProcess | ClusterWorker | null; startedAt: number; failures: number; timer?: NodeJS.Timeout };
let stopping = false;
const slots: Slot[] = [];

function pidOf(p: ChildProcess | ClusterWorker): number | undefined {
  return 'process' in p ? p.process.pid : p.pid;
}

function launch(slot: Slot) {
  slot.startedAt = Date.now();
  const proc = slot.start();
  slot.current = proc;
  proc.on('exit', (code: number | null, signal: string | null) => {
    slot.current = null;
    if (stopping) return;
    slot.failures = failuresInARow(slot.failures, Date.now() - slot.startedAt);
    const delay = restartDelayMs(slot.failures);
    console.error(`Keel: ${slot.name} (pid ${pidOf(proc)}) ${exitReason(code, signal)}; starting it again in ${delay / 1000} s`);
    slot.timer = setTimeout(() => launch(slot), delay);
  });
}

cluster.setupPrimary({ exec: path.join('scripts', 'server.ts'), execArgv: ['--import', 'tsx'], args: dev ? ['--dev'] : [] });
for (let i = 1; i <= webCount; i++) {
  slots.push({ name: `web process ${i}`, start: () => cluster.fork(childEnv), current: null, startedAt: 0, failures: 0 });
}
// The worker loads the same query modules as the pages, which are marked server-only. The IPC channel
// is only there so that it notices when the supervisor is gone (killed outright) and stops too.
slots.push({
  name: 'worker',
  start: () => spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join('scripts', 'worker.ts')], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: childEnv }),
  current: null,
  startedAt: 0,
  failures: 0,
});

let listening = 0;
cluster.on('listening', (worker) => {
  listening++;
  if (listening === webCount) console.log(`Keel is serving on http://localhost:${port} (${webCount} web process${webCount === 1 ? '' : 'es'} and a worker)`);
  else if (listening > webCount) console.log(`Keel: a web process is back (pid ${worker.process.pid})`);
});
for (const slot of slots) launch(slot);

const STOP_GRACE_MS = 20_000;
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.log(`Keel: ${signal}, stopping`);
  for (const slot of slots) {
    clearTimeout(slot.timer);
    if (slot.current) ('process' in slot.current ? slot.current.process : slot.current).kill(signal);
  }
  const check = setInterval(() => {
    if (slots.every((s) => !s.current)) {
      clearInterval(check);
      process.exit(0);
    }
  }, 50);
  setTimeout(() => {
    for (const slot of slots) if (slot.current) ('process' in slot.current ? slot.current.process : slot.current).kill('SIGKILL');
    console.error('Keel: some processes did not stop in time and were killed');
    process.exit(1);
  }, STOP_GRACE_MS).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
