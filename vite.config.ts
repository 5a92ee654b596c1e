import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { coiServiceWorker } from './coi.config.ts';
import { isolationHeaders, contentSecurityPolicy } from './isolation.config.ts';
import { blogPosters, cacheHashedAssets } from './site.config.ts';

// Every response, worker scripts included, carries the isolation headers: Chromium silently
// refuses a worker script that lacks them on an isolated page.
export default defineConfig({
  base: process.env.RACE_LAB_BASE ?? './',
  // coiServiceWorker: only with RACE_LAB_COI=1, for hosts that cannot send headers.
  plugins: [react(), coiServiceWorker(), blogPosters(), cacheHashedAssets()],
  worker: { format: 'es' },
  server: { headers: isolationHeaders },
  preview: {
    headers: { ...isolationHeaders, 'Content-Security-Policy': contentSecurityPolicy },
  },
  build: { target: 'es2022', sourcemap: false },
});
