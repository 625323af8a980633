// The production (and `npm run dev`) HTTP server: Next behind Keel's front door (lib/http/front-door.ts),
// which fixes the client's address, adds the security headers and rate-limits the public endpoints.
// Started by scripts/start.ts, once per web process (a cluster worker sharing the port); run it directly
// only with a built app and a migrated database.
import cluster from 'node:cluster';
import http from 'node:http';
import next from 'next';
import { openDb } from '@/db/client';
import { hitRateLimit, peekRateLimit } from '@/db/queries/rate-limits';
import { trustedHops } from '@/lib/http/client-ip';
import { createFrontDoor } from '@/lib/http/front-door';
import { servedOverHttps } from '@/lib/http/security-headers';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';

async function main() {
  const app = next({ dev, dir: process.cwd(), port, hostname: 'localhost' });
  await app.prepare();
  const db = openDb();
  const frontDoor = createFrontDoor({
    handle: app.getRequestHandler(),
    limiter: { hit: (limit) => hitRateLimit(db, limit, Date.now()), peek: (limit) => peekRateLimit(db, limit, Date.now()) },
    trustedHops: trustedHops(process.env.TRUST_PROXY),
    https: servedOverHttps(process.env.PUBLIC_URL),
    dev,
  });
  const server = http.createServer((req, res) => {
    Promise.resolve(frontDoor(req, res)).catch((error) => {
      console.error('Request failed', error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  // Under the supervisor, it says when every web process listens.
  server.listen(port, hostname, () => cluster.isWorker || console.log(`Keel is serving on http://localhost:${port}`));

  // Finish the requests in flight, then close the database, so a stop never cuts a write in half.
  // The pages' own connection (db/index.ts keeps it on globalThis) is closed too.
  const stop = () => {
    server.close(() => {
      db.$client.close();
      (globalThis as { keelDb?: { $client: { close(): void } } }).keelDb?.$client.close();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      console.error(`Web process ${process.pid}: requests still open after 10 s; stopping anyway`);
      process.exit(1);
    }, 10_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
