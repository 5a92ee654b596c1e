// A blog post with four embeds (e2e/fixtures/host-post.html, the Share dialog's snippets) on
// another origin: the bytes a reader's browser transfers on the first visit and on a second one,
// scrolled through until every embed has drawn itself. Nothing is run.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { significant } from '../lib/stats.mjs';

const EMBEDS = 4;
/** Second visit: everything but revalidations comes from the cache. */
const SECOND_VISIT_GOAL_KB = 50;
const kB = (bytes) => significant(bytes / 1000, 3);

/** The post, pointing at the app under measurement, on its own origin, revalidated by ETag. */
async function servePost(root, appOrigin) {
  const fixtures = path.join(root, 'e2e', 'fixtures');
  const files = {
    '/host-post.html': [
      'text/html',
      (await readFile(path.join(fixtures, 'host-post.html'), 'utf8')).replaceAll(
        'http://localhost:4173',
        appOrigin,
      ),
    ],
    '/blog.css': ['text/css', await readFile(path.join(fixtures, 'blog.css'), 'utf8')],
  };
  const server = createServer((req, res) => {
    const file = files[req.url];
    if (!file) return res.writeHead(404).end();
    const etag = `"${createHash('sha1').update(file[1]).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, { ETag: etag }).end();
    res.writeHead(200, { 'Content-Type': file[0], 'Cache-Control': 'no-cache', ETag: etag });
    res.end(file[1]);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/host-post.html`, server };
}

/** Visit the post, scroll it through until every embed is revealed; what was transferred. */
async function visit(page, url) {
  const requests = [];
  const onFinished = (request) => requests.push(request);
  page.context().on('requestfinished', onFinished);
  await page.goto(url);
  // As a reader scrolls: each embed in view loads, then draws itself.
  const hosts = page.locator('[data-race-lab]');
  for (let i = 0; i < EMBEDS; i++) {
    await hosts.nth(i).scrollIntoViewIfNeeded();
    await hosts.nth(i).locator('iframe:not([style*="opacity: 0"])').waitFor({ timeout: 60_000 });
  }
  await page.waitForLoadState('networkidle');
  page.context().off('requestfinished', onFinished);
  let bytes = 0;
  let appBytes = 0;
  for (const request of requests) {
    const sizes = await request.sizes();
    const size = sizes.responseHeadersSize + sizes.responseBodySize;
    bytes += size;
    if (!new URL(request.url()).hostname.startsWith('127.')) appBytes += size;
  }
  return { requests: requests.length, bytes, appBytes };
}

export default async function embeds(ctx) {
  const { url, server } = await servePost(ctx.root, ctx.baseURL);
  try {
    const page = await ctx.newPage({ viewport: { width: 1280, height: 800 } });
    const first = await visit(page, url);
    // A second visit: the same browser, a new tab, the same post.
    const again = await page.context().newPage();
    const second = await visit(again, url);
    const row = (label, v) => ({
      visit: label,
      requests: v.requests,
      kB: kB(v.bytes),
      appKB: kB(v.appBytes),
    });
    return {
      name: 'embeds',
      title: 'A post with four embeds',
      description:
        'e2e/fixtures/host-post.html (four script snippets) served from another origin with ETags, ' +
        'scrolled through at 1280 × 800 until every embed has drawn itself; bytes transferred ' +
        '(headers and bodies as sent: `vite preview` gzips, as a static host does) by every frame and worker.',
      goals: [
        {
          goal: `Second visit transfers < ${SECOND_VISIT_GOAL_KB} kB`,
          met: second.bytes < SECOND_VISIT_GOAL_KB * 1000,
        },
      ],
      columns: [
        { key: 'visit', label: 'Visit' },
        { key: 'requests', label: 'Requests' },
        { key: 'kB', label: 'Transferred (kB)' },
        { key: 'appKB', label: 'From Race Lab (kB)' },
      ],
      rows: [row('First', first), row('Second', second)],
      summary: [
        `First visit ${kB(first.bytes)} kB in ${first.requests} requests; second ${kB(second.bytes)} kB: hashed assets come from the cache.`,
      ],
    };
  } finally {
    server.close();
  }
}
