import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // better-sqlite3 is a native module: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    // The workspace form sends a logo of up to 1 MB to a server action: room for it and the other fields.
    // Imports do not go through actions: their files are posted to /api/import (20 MB).
    serverActions: { bodySizeLimit: '2mb' },
  },
  poweredByHeader: false,
  // Lets two builds (say, two test runs on one machine) live side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default nextConfig;
