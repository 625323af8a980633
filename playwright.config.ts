import { defineConfig, devices } from '@playwright/test';

// The browser tests run against a production build served by `npm start` on its own port, with its
// own freshly seeded database, in Debian's Chromium (never a downloaded browser).
const PORT = Number(process.env.E2E_PORT ?? 3210);
const desktop = { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } };
const WORKSPACE_WIDE = ['workspace-settings.spec.ts', 'visibility.spec.ts', 'lead-scoring.spec.ts'];

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--disable-component-update', '--disable-sync'],
    },
  },
  // Specs that change workspace-wide settings (currency, time zone, who reps see) would change what the
  // other specs see mid-run, so each runs alone, after everything else, one after the other.
  projects: [
    { name: 'chromium', testIgnore: WORKSPACE_WIDE, use: desktop },
    { name: 'workspace-settings', testMatch: 'workspace-settings.spec.ts', dependencies: ['chromium'], use: desktop },
    { name: 'visibility', testMatch: 'visibility.spec.ts', dependencies: ['workspace-settings'], use: desktop },
    // Changes the scoring rules and the hot threshold: every lead's score moves while it runs.
    { name: 'lead-scoring', testMatch: 'lead-scoring.spec.ts', dependencies: ['visibility'], use: desktop },
  ],
  webServer: {
    command: `rm -rf tmp/e2e-${PORT} && npm start`,
    // TRUST_PROXY: the browser plays a proxy, so a test can act from another address with X-Forwarded-For.
    env: { PORT: String(PORT), DATABASE_PATH: `tmp/e2e-${PORT}/keel.db`, AUTH_SECRET: 'e2e-secret-not-for-production', TRUST_PROXY: '1' },
    url: `http://localhost:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
