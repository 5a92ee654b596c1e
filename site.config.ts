import type { Plugin } from 'vite';
import { STRATEGY_IDS } from './src/core/strategies.ts';
import { posterPath, posterSvg } from './src/embed/poster.ts';

/** A year: hashed file names change whenever their content does, so they never go stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The posters of the blog's program (docs/embedding.md, "Fallbacks"), one per strategy, made
 * from a seeded simulated run: emitted into the build, and served by the dev server.
 */
export function blogPosters(): Plugin {
  const files = new Map(STRATEGY_IDS.map((s) => [posterPath(s), () => posterSvg(s)]));
  return {
    name: 'race-lab:posters',
    generateBundle() {
      for (const [fileName, make] of files) {
        this.emitFile({ type: 'asset', fileName, source: make() });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const make = files.get((req.url ?? '').replace(/^\/|[?#].*$/g, ''));
        if (!make) return next();
        res.setHeader('Content-Type', 'image/svg+xml');
        res.end(make());
      });
    },
  };
}

/**
 * Long-term caching of the hashed build output (`assets/`) in `vite preview`, as _headers and
 * vercel.json ask of a host: a post with four embeds loads the app's code once.
 */
export function cacheHashedAssets(): Plugin {
  return {
    name: 'race-lab:cache-hashed-assets',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (/^\/(?:.*\/)?assets\//.test(req.url ?? '')) res.setHeader('Cache-Control', IMMUTABLE);
        next();
      });
    },
  };
}
