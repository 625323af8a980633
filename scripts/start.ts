// npm start: create and migrate the database, seed it when empty, build when the build is stale,
// then serve. `--dev` serves with `next dev` instead of building.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databasePath, migrateDb, openDb } from '@/db/client';
import { DEMO_SIZE, seedEmptyWorkspace, seedWorkspace } from '@/db/seed';
import { loadAuthSecret } from '@/lib/auth/secret';

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
      else if (/\.(tsx?|css|mjs|json|sql)$/.test(entry.name)) hash.update(full).update(fs.readFileSync(full));
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
  fs.writeFileSync(stampFile, stamp);
}

prepareDatabase();
const secret = loadAuthSecret(file, true);
if (!dev) buildIfStale();

// Next behind Keel's front door (scripts/server.ts), in a child process this one stops on a signal.
const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'server.ts'), ...(dev ? ['--dev'] : [])], {
  stdio: 'inherit',
  env: {
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
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
