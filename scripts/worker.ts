// The background worker (db/jobs/worker.ts): started by scripts/start.ts beside the web processes,
// exactly one. Stops on SIGTERM or SIGINT after the job in hand (giving it back if it runs long), then
// closes the database.
import { databasePath, openDb } from '@/db/client';
import { createWorker } from '@/db/jobs/worker';

const file = databasePath();
const db = openDb(file);
const worker = createWorker({ db, databaseFile: file });
console.log(`Worker ${worker.id} is taking jobs`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`Worker: ${signal}, stopping`);
  await worker.stop(Number(process.env.WORKER_STOP_GRACE_MS ?? 10_000));
  db.$client.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
process.on('disconnect', () => void stop('supervisor gone'));

worker.run().catch((error) => {
  console.error('Worker stopped on an error', error);
  process.exit(1);
});
