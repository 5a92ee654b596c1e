import { runnerImport, type Plugin } from 'vite';

type PosterModule = typeof import('./src/embed/poster.ts');

/** The poster module, loaded by Vite itself: the config stays free of the app's source. */
const loadPosters = async (): Promise<PosterModule> =>
  (await runnerImport<PosterModule>('/src/embed/poster.ts')).module;

/** A year: hashed file names change whenever their content does, so they never go stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The posters of the blog's program (docs/embedding.md, "Fallbacks"), one per strategy, made
 * from a seeded simulated run: emitted into the build, and served by the dev server.
 */
export function blogPosters(): Plugin {
  return {
    name: 'race-lab:posters',
    async generateBundle() {
      const { POSTER_STRATEGIES, posterPath, posterSvg } = await loadPosters();
      for (const strategy of POSTER_STRATEGIES) {
        this.emitFile({
          type: 'asset',
          fileName: posterPath(strategy),
          source: posterSvg(strategy),
        });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/poster\/blog-([a-z-]+)\.svg$/.exec(
          (req.url ?? '').replace(/[?#].*$/, ''),
        );
        if (!match) return next();
        loadPosters().then(({ POSTER_STRATEGIES, posterSvg }) => {
          const strategy = POSTER_STRATEGIES.find((s) => s === match[1]);
          if (!strategy) return next();
          res.setHeader('Content-Type', 'image/svg+xml');
          res.end(posterSvg(strategy));
        }, next);
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
