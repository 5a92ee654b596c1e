import { runnerImport, type Plugin } from 'vite';

type PosterModule = typeof import('./src/embed/poster.ts');

/** The poster module, loaded by Vite itself: the config stays free of the app's source. */
const loadPosters = async (): Promise<PosterModule> =>
  (await runnerImport<PosterModule>('/src/embed/poster.ts')).module;

/** A year: hashed file names change whenever their content does, so they never go stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The posters of the blog's, the bank's and the claim's programs (docs/embedding.md,
 * "Posters"), one per strategy, each made from a seeded simulated run: emitted into the build,
 * and served by the dev server.
 */
export function presetPosters(): Plugin {
  return {
    name: 'race-lab:posters',
    async generateBundle() {
      const { POSTER_PRESETS, POSTER_STRATEGIES, posterPath, posterSvg } = await loadPosters();
      for (const preset of POSTER_PRESETS) {
        for (const strategy of POSTER_STRATEGIES) {
          this.emitFile({
            type: 'asset',
            fileName: posterPath(preset, strategy),
            source: posterSvg(preset, strategy),
          });
        }
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/poster\/([a-z]+)-([a-z-]+)\.svg$/.exec(
          (req.url ?? '').replace(/[?#].*$/, ''),
        );
        if (!match) return next();
        loadPosters().then(({ POSTER_PRESETS, POSTER_STRATEGIES, posterSvg }) => {
          const preset = POSTER_PRESETS.find((p) => p === match[1]);
          const strategy = POSTER_STRATEGIES.find((s) => s === match[2]);
          if (!preset || !strategy) return next();
          res.setHeader('Content-Type', 'image/svg+xml');
          res.end(posterSvg(preset, strategy));
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
