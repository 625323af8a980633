import { defineConfig } from 'vitest/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.dirname(fileURLToPath(import.meta.url)),
      // Queries import 'server-only' to keep them out of client bundles; under test they run in Node.
      'server-only': fileURLToPath(new URL('tests/support/empty.ts', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    // Integration tests start renderer processes and build databases; on a busy 2-core box the
    // default 5 s is a coin toss, and a timeout here measures the machine, not the code.
    testTimeout: 20_000,
  },
});
