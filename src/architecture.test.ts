import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
const SOURCE = /\.(ts|tsx|mjs)$/;

/** Every source file under src/, as paths relative to it. */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) ? [relative(SRC, path)] : [];
  });
}

/** The project files `file` imports (static, re-exports and dynamic), type-only ones too. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]!);
  return specifiers.flatMap((spec) => {
    const base = resolve(SRC, dirname(file), spec.replace(/\?.*$/, ''));
    const found = ['', '.ts', '.tsx', '/index.ts'].map((ext) => base + ext);
    const hit = found.find((p) => existsSync(p) && statSync(p).isFile() && SOURCE.test(p));
    return hit ? [relative(SRC, hit)] : [];
  });
}

const files = sourceFiles();
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Each import cycle once, as the files around it. */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'closed'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push(path.slice(path.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'closed');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

describe('the import graph of src/', () => {
  it('sees the imports it checks', () => {
    expect(graph.get('core/simulation.ts')).toContain('core/scheduler.ts');
    expect(graph.get('runtime/gated.ts')).toContain('runtime/types.ts');
  });

  it('has no import cycle (type-only imports count)', () => {
    expect(cycles().map((c) => c.join(' → '))).toEqual([]);
  });

  it('keeps src/core to itself: it imports no project file outside it', () => {
    const leaks = files
      .filter((f) => f.startsWith('core/'))
      .flatMap((f) =>
        graph
          .get(f)!
          .filter((d) => !d.startsWith('core/'))
          .map((d) => `${f} → ${d}`),
      );
    expect(leaks).toEqual([]);
  });

  it('keeps every file in src/ to 250 lines at most', () => {
    const long = files
      .map((f) => [f, readFileSync(join(SRC, f), 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > 250)
      .map(([f, lines]) => `${f}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  // The trace worker and the store use the timeline's model builders and the embed's view names;
  // those must stay plain modules, or a worker would pull in the store and the page.
  it('lets workers and the store use only plain timeline and embed modules (no component, no store)', () => {
    const reach = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      for (const next of graph.get(file) ?? []) reach(next, seen);
      return seen;
    };
    const shared = files
      .filter((f) => /^(workers|store)\//.test(f))
      .flatMap((f) => graph.get(f)!.filter((d) => /^(timeline|embed)\//.test(d)));
    expect(shared.length).toBeGreaterThan(0);
    const leaks = shared.flatMap((f) =>
      [...reach(f)]
        .filter((d) => !/^(core|timeline|embed)\//.test(d) || d.endsWith('.tsx'))
        .map((d) => `${f} → ${d}`),
    );
    expect(leaks).toEqual([]);
  });
});
