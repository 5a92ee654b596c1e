import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isolationHeaders } from '../../isolation.config';

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
  it('public/_headers (Netlify, Cloudflare Pages) sends the headers on every path', () => {
    const lines = read('public/_headers').split('\n');
    expect(lines[0]).toBe('/*');
    const headers = Object.fromEntries(
      lines
        .slice(1)
        .filter((l) => l.trim() !== '')
        .map((l) => {
          const at = l.indexOf(':');
          return [l.slice(0, at).trim(), l.slice(at + 1).trim()];
        }),
    );
    expect(headers).toEqual(expected);
  });

  it('vercel.json sends the same headers on every path', () => {
    const config = JSON.parse(read('vercel.json')) as {
      headers: { source: string; headers: { key: string; value: string }[] }[];
    };
    expect(config.headers).toHaveLength(1);
    expect(config.headers[0]!.source).toBe('/(.*)');
    const headers = Object.fromEntries(config.headers[0]!.headers.map((h) => [h.key, h.value]));
    expect(headers).toEqual(expected);
  });
});
