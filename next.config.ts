import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // better-sqlite3 is a native module: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    // The product import sends a CSV's text to a server action: room for a 4 MB file once encoded.
    serverActions: { bodySizeLimit: '5mb' },
  },
  poweredByHeader: false,
  // Lets two builds (say, two test runs on one machine) live side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default nextConfig;
