import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  headersOnEveryResponse,
  isolationHeaders,
} from '../../isolation.config';
import { IMMUTABLE } from '../../site.config';

// Every static host recipe must send what the preview server sends (docs/hosting.md).
const expected = { ...isolationHeaders, 'Content-Security-Policy': contentSecurityPolicy };
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the content security policy', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );

  it('runs no eval, no inline script, and workers from this origin only', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval/);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });
});

describe('static hosting recipes', () => {
  /** The header blocks of a _headers file: path pattern → headers. */
  const headerBlocks = (text: string) => {
    const blocks = new Map<string, Record<string, string>>();
    let current: Record<string, string> = {};
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      if (!/^\s/.test(line)) blocks.set(line.trim(), (current = {}));
      else {
        const at = line.indexOf(':');
        current[line.slice(0, at).trim()] = line.slice(at + 1).trim();
      }
    }
    return blocks;
  };

  it('public/_headers (Netlify, Cloudflare Pages) sends the headers on every path', () => {
    const blocks = headerBlocks(read('public/_headers'));
    expect([...blocks.keys()]).toEqual(['/*', '/assets/*']);
    expect(blocks.get('/*')).toEqual(expected);
    // Hashed names change with their content: cache them for a year.
    expect(blocks.get('/assets/*')).toEqual({ 'Cache-Control': IMMUTABLE });
  });

  it('vercel.json sends the same headers on every path', () => {
    const config = JSON.parse(read('vercel.json')) as {
      headers: { source: string; headers: { key: string; value: string }[] }[];
    };
    const bySource = new Map(
      config.headers.map((h) => [
        h.source,
        Object.fromEntries(h.headers.map((x) => [x.key, x.value])),
      ]),
    );
    expect([...bySource.keys()]).toEqual(['/(.*)', '/assets/(.*)']);
    expect(bySource.get('/(.*)')).toEqual(expected);
    expect(bySource.get('/assets/(.*)')).toEqual({ 'Cache-Control': IMMUTABLE });
  });
});

describe('the dev server', () => {
  it('sends the isolation headers on every answer: 200, 304 and 404', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'race-lab-dev-'));
    writeFileSync(path.join(root, 'index.html'), '<script type="module" src="/a.js"></script>');
    writeFileSync(path.join(root, 'a.js'), 'export const a = 1;\n');
    const server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [headersOnEveryResponse()],
      optimizeDeps: { noDiscovery: true, include: [] },
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null, preTransformRequests: false },
    });
    try {
      await server.listen();
      const address = server.httpServer!.address();
      const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const answers: Response[] = [];
      for (const file of ['/', '/a.js']) {
        const first = await fetch(origin + file);
        answers.push(first);
        const etag = first.headers.get('etag');
        expect(etag, file).toBeTruthy();
        const again = await fetch(origin + file, { headers: { 'If-None-Match': etag! } });
        expect(again.status, file).toBe(304);
        answers.push(again);
      }
      const refused = await fetch(origin + '/', { method: 'POST' });
      expect(refused.status).toBe(404);
      answers.push(refused);
      for (const answer of answers) {
        for (const [name, value] of Object.entries(isolationHeaders)) {
          expect(answer.headers.get(name), `${answer.status} ${answer.url} ${name}`).toBe(value);
        }
      }
    } finally {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
