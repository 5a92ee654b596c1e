import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/** What the failure-injection hook compiles to: its error text and the job field it sets. */
const HOOK_MARKS = ['Test hook', 'failAfter'];

/** Every script of a build, by file name. */
async function scriptsOf(dir: string): Promise<Map<string, string>> {
  const assets = path.join(dir, 'assets');
  const names = (await readdir(assets)).filter((n) => n.endsWith('.js'));
  const entries = await Promise.all(
    names.map(async (n) => [n, await readFile(path.join(assets, n), 'utf8')] as const),
  );
  return new Map(entries);
}

const filesWith = (scripts: Map<string, string>, mark: string) =>
  [...scripts].filter(([, code]) => code.includes(mark)).map(([name]) => name);

// Catches: the hook compiled unconditionally (a `fail` parameter honoured in production).
test('the production build (dist/) has no failure-injection hook', async () => {
  const scripts = await scriptsOf('dist');
  expect(scripts.size).toBeGreaterThan(1);
  for (const mark of HOOK_MARKS) expect(filesWith(scripts, mark), mark).toEqual([]);
});

// Keeps the check above honest: the same words are found where the hook is meant to be.
test('the e2e build (dist-e2e/) has it, in the worker that runs the leaves', async () => {
  const scripts = await scriptsOf('dist-e2e');
  for (const mark of HOOK_MARKS) expect(filesWith(scripts, mark), mark).not.toEqual([]);
});
