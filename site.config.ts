import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { runnerImport, type Plugin } from 'vite';

type PosterModule = typeof import('./src/embed/poster.ts');
type EmbedScriptModule = typeof import('./src/embed/embedScript.ts');

/** The poster module, loaded by Vite itself: the config stays free of the app's source. */
const loadPosters = async (): Promise<PosterModule> =>
  (await runnerImport<PosterModule>('/src/embed/poster.ts')).module;

/** The entry of embed.js's source, whose tables the build fills in. */
const EMBED_SCRIPT = fileURLToPath(new URL('./src/embed/script/embed.js', import.meta.url));

/**
 * embed.js's modules as the one plain script a host page loads: no imports, no module
 * loader, nothing minified (a reader of the host page can read what it runs).
 */
export async function bundleEmbedScript(): Promise<string> {
  // The entry's opening comment says how to use the script: it heads the script served.
  const usage = /^\/\*[\s\S]*?\*\//.exec(await readFile(EMBED_SCRIPT, 'utf8'))?.[0] ?? '';
  const bundle = await rolldown({ input: EMBED_SCRIPT });
  try {
    // Modules are strict; the script they become says so itself.
    const { output } = await bundle.generate({ format: 'iife', intro: "'use strict';" });
    return `${usage}\n${output[0].code}`;
  } finally {
    await bundle.close();
  }
}

/** embed.js as served: its modules in one script, with the app's own tables filled in. */
async function builtEmbedScript(): Promise<string> {
  const { fillEmbedScript } = (await runnerImport<EmbedScriptModule>('/src/embed/embedScript.ts'))
    .module;
  return fillEmbedScript(await bundleEmbedScript());
}

/**
 * embed.js (docs/embedding.md), the script host pages load: emitted into the build beside the
 * page, and served by the dev server, with its height and attribute tables filled in from the
 * app's modules so that the two cannot drift apart.
 */
export function embedScript(): Plugin {
  return {
    name: 'race-lab:embed-script',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'embed.js', source: await builtEmbedScript() });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').replace(/[?#].*$/, '') !== '/embed.js') return next();
        builtEmbedScript().then((text) => {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(text);
        }, next);
      });
    },
  };
}

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
