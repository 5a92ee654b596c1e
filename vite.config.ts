import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { coiServiceWorker } from './coi.config.ts';
import { headersOnEveryResponse } from './isolation.config.ts';
import { cacheHashedAssets, embedScript, presetPosters } from './site.config.ts';

/** The e2e build's mode: the production build plus the failure-injection hook, in dist-e2e/. */
const E2E_MODE = 'e2e';

// Every response, worker scripts, 304s and 404s included, carries the isolation headers:
// Chromium silently refuses a worker script that lacks them on an isolated page, and WebKit a
// cached one revalidated by a bare 304.
export default defineConfig(({ mode }) => ({
  base: process.env.RACE_LAB_BASE ?? './',
  // Fault injection only where tests need it: production code never makes a worker throw.
  define: { __FAULT_INJECTION__: JSON.stringify(mode === E2E_MODE) },
  // coiServiceWorker: only with RACE_LAB_COI=1, for hosts that cannot send headers.
  plugins: [
    react(),
    coiServiceWorker(),
    headersOnEveryResponse(),
    presetPosters(),
    embedScript(),
    cacheHashedAssets(),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: mode === E2E_MODE ? 'dist-e2e' : 'dist',
  },
}));
