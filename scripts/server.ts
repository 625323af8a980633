// The production (and `npm run dev`) HTTP server: Next behind Keel's front door (lib/http/front-door.ts),
// which fixes the client's address, adds the security headers and rate-limits the public endpoints.
// Started by scripts/start.ts; run it directly only with a built app and a migrated database.
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
  server.listen(port, hostname, () => console.log(`Keel is serving on http://localhost:${port}`));

  // Finish the requests in flight, then close the database, so a stop never cuts a write in half.
  const stop = () => {
    server.close(() => {
      db.$client.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
