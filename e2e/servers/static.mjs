// A tiny static file server with no headers beyond the content type: it stands in for hosts
// that send no isolation headers (the fallback page, a blog on another origin).
//   node e2e/servers/static.mjs --root dist --port 4174 [--host 127.0.0.1]
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/** Content types served; any other extension is a 404, so nothing unexpected leaks out. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file under `root` a request path names, or null when it may not be served. */
export async function resolveRequestPath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/, 1)[0] ?? '');
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return null;
  // Dot segments and dotfiles are never served: that rules out `..` escapes before any lookup.
  const segments = decoded.split(/[/\\]/).filter(Boolean);
  if (segments.some((s) => s.startsWith('.'))) return null;
  let file = path.join(root, ...segments);
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    // A symlink inside the root could still point outside it: compare real paths.
    const real = await realpath(file);
    if (!real.startsWith(root + path.sep)) return null;
    if (!(await stat(real)).isFile()) return null;
    return MIME_TYPES[path.extname(real).toLowerCase()] ? real : null;
  } catch {
    return null;
  }
}

/** Start serving `root` on `host:port`; resolves with the listening server. */
export async function startStaticServer({ root, port, host = 'localhost' }) {
  const realRoot = await realpath(path.resolve(root));
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await resolveRequestPath(realRoot, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const type = MIME_TYPES[path.extname(file).toLowerCase()];
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return server;
}

function parseArgs(argv) {
  const options = { root: '.', port: 0, host: 'localhost' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`Missing value for ${flag}`);
    if (flag === '--root') options.root = value;
    else if (flag === '--port') options.port = Number(value);
    else if (flag === '--host') options.host = value;
    else throw new Error(`Unknown option ${flag}`);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const server = await startStaticServer(options);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  process.stdout.write(`Serving ${options.root} at http://${options.host}:${port}/\n`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
  }
}
