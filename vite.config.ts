import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { coiServiceWorker } from './coi.config.ts';
import { headersOnEveryResponse } from './isolation.config.ts';
import { blogPosters, cacheHashedAssets } from './site.config.ts';

// Every response, worker scripts, 304s and 404s included, carries the isolation headers:
// Chromium silently refuses a worker script that lacks them on an isolated page, and WebKit a
// cached one revalidated by a bare 304.
export default defineConfig({
  base: process.env.RACE_LAB_BASE ?? './',
  // coiServiceWorker: only with RACE_LAB_COI=1, for hosts that cannot send headers.
  plugins: [
    react(),
    coiServiceWorker(),
    headersOnEveryResponse(),
    blogPosters(),
    cacheHashedAssets(),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
});
