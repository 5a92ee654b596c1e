import type { Connect, Plugin, PreviewServer, ViteDevServer } from 'vite';

/**
 * The headers that give the page (and its workers) shared memory. Document-Isolation-Policy
 * isolates the page even when it is framed by a host that sends no headers (Chromium).
 */
export const isolationHeaders: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Document-Isolation-Policy': 'isolate-and-require-corp',
};

/** No inline script, no eval, workers from this origin only; any site may frame the page. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  'frame-ancestors *',
].join('; ');

/** What `vite preview` sends, as deployed: isolation and the CSP. */
export const deployedHeaders: Record<string, string> = {
  ...isolationHeaders,
  'Content-Security-Policy': contentSecurityPolicy,
};

/** Middleware that sets `headers` on the response before anything else can answer it. */
export const setHeadersFirst =
  (headers: Record<string, string>): Connect.NextHandleFunction =>
  (_req, res, next) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    next();
  };

/**
 * Every answer of the dev and preview servers carries the headers: 200s, and also the 304s
 * and 404s that Vite's own `server.headers`/`preview.headers` leave bare (WebKit then refuses
 * a cached module worker). Registered in the hook itself, so it runs before Vite's middleware.
 * The dev server gets no CSP: its client injects inline scripts.
 */
export function headersOnEveryResponse(): Plugin {
  const use = (headers: Record<string, string>) => (server: ViteDevServer | PreviewServer) => {
    server.middlewares.use(setHeadersFirst(headers));
  };
  return {
    name: 'race-lab:headers-on-every-response',
    configureServer: use(isolationHeaders),
    configurePreviewServer: use(deployedHeaders),
  };
}
