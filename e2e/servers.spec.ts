import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures';
import { APP_ORIGIN, HOST_ORIGIN, PLAIN_APP_ORIGIN } from './origins';

// Raw requests, so paths like `/../` reach the server exactly as written (URL parsing in
// browsers and fetch clients would normalise them away).
function rawGet(
  origin: string,
  path: string,
): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

test.describe('test servers', () => {
  test('the deployed build sends the isolation headers', async ({ request }) => {
    const res = await request.get(`${APP_ORIGIN}/`);
    expect(res.headers()['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  });

  test('the deployed build sends a CSP with no eval and no inline script', async ({ request }) => {
    for (const path of ['/', '/embed.js', '/?embed=1']) {
      const res = await request.get(`${APP_ORIGIN}${path}`);
      expect(res.status(), path).toBe(200);
      const csp = res.headers()['content-security-policy'] ?? '';
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter(([name]) => name)
          .map(([name, ...sources]) => [name!, sources]),
      );
      expect(csp, path).not.toContain("'unsafe-eval'");
      expect(csp, path).not.toContain("'wasm-unsafe-eval'");
      // Scripts and workers: this origin's files only, no inline code, no blob: or data: code.
      expect(directives.get('script-src'), `${path} script-src`).toEqual(["'self'"]);
      expect(directives.get('worker-src'), `${path} worker-src`).toEqual(["'self'"]);
      expect(directives.get('default-src'), `${path} default-src`).toEqual(["'self'"]);
      expect(directives.get('object-src'), `${path} object-src`).toEqual(["'none'"]);
      expect(directives.get('base-uri'), `${path} base-uri`).toEqual(["'self'"]);
    }
  });

  test('the deployed build sends its headers on 304s and 404s too', async ({ request }) => {
    const html = await (await request.get(`${APP_ORIGIN}/`)).text();
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, 'index.html names a script').toBeTruthy();
    const expectHeaders = (headers: Record<string, string>, what: string) => {
      expect(headers['cross-origin-opener-policy'], what).toBe('same-origin');
      expect(headers['cross-origin-embedder-policy'], what).toBe('require-corp');
      expect(headers['document-isolation-policy'], what).toBe('isolate-and-require-corp');
      expect(headers['content-security-policy'], what).toContain("script-src 'self'");
    };
    for (const path of ['/', `/${script}`]) {
      const first = await request.get(`${APP_ORIGIN}${path}`);
      const etag = first.headers()['etag'];
      expect(etag, `${path} has an ETag`).toBeTruthy();
      // A browser revalidating its cached copy: the answer must carry the headers again.
      const again = await request.get(`${APP_ORIGIN}${path}`, {
        headers: {
          'If-None-Match': etag!,
          'If-Modified-Since': first.headers()['last-modified'] ?? new Date().toUTCString(),
        },
      });
      expect(again.status(), path).toBe(304);
      expectHeaders(again.headers(), `304 for ${path}`);
    }
    // A missing file gets index.html (a single-page app); a POST has nothing to answer it.
    const refused = await request.post(`${APP_ORIGIN}/`);
    expect(refused.status()).toBe(404);
    expectHeaders(refused.headers(), '404');
  });

  test('the plain build and the blog host send no isolation headers', async ({ request }) => {
    for (const origin of [PLAIN_APP_ORIGIN, HOST_ORIGIN]) {
      const res = await request.get(`${origin}/`);
      expect(res.status(), origin).toBe(200);
      expect(res.headers()['content-type']).toBe('text/html; charset=utf-8');
      for (const header of [
        'cross-origin-opener-policy',
        'cross-origin-embedder-policy',
        'document-isolation-policy',
        'content-security-policy',
      ]) {
        expect(res.headers()[header], `${origin} ${header}`).toBeUndefined();
      }
    }
  });

  test('the plain build serves scripts with a JavaScript type', async ({ request }) => {
    const html = await (await request.get(`${PLAIN_APP_ORIGIN}/`)).text();
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, 'index.html names a script').toBeTruthy();
    const res = await request.get(`${PLAIN_APP_ORIGIN}/${script}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/javascript; charset=utf-8');
  });

  test('nothing outside the root, no dotfiles, no unknown types', async () => {
    const refused = [
      '/../package.json',
      '/../../package.json',
      '/%2e%2e/package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2fpackage.json',
      '/assets/../../package.json',
      '/%2e%2e%5c%2e%2e%5cpackage.json',
      '/../servers/static.mjs',
      '/_headers',
      '/.git/config',
      '/missing.js',
      '/%E0%A4%A',
      '/index.html%00.js',
    ];
    for (const origin of [PLAIN_APP_ORIGIN, HOST_ORIGIN]) {
      for (const path of refused) {
        const res = await rawGet(origin, path);
        expect(res.status, `${origin}${path}`).toBe(404);
        expect(res.body, `${origin}${path}`).not.toContain('race-lab');
      }
    }
    expect((await rawGet(HOST_ORIGIN, '/index.html?x=1')).status).toBe(200);
  });
});
