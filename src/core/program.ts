import { PRESETS, type RunConfig } from './config';
import { strategyOf } from './scenarios';
import { type Strategy } from './strategies';
import type { ThreadInfo } from './threads';

/** The whole Python program of the post, with the chosen strategy's loop body in it. */
export interface PythonProgram {
  lines: string[];
  /** Line of `def <name>(counter):` for each leaf function (func1, func2). */
  leafDef: ReadonlyMap<string, number>;
  /** Line of the final `print(counter.value)` of each supervisor function and of main. */
  printLine: ReadonlyMap<string, number>;
}

const IMPORT = 'from multiprocessing import Process, Value';

/** The strategy's `def func1` block, renamed and run `increments` times. */
function leafFunction(strategy: Strategy, name: string, increments: number): string[] {
  return strategy.python.map((line, i) =>
    i === 0 ? line.replace('func1', name) : line.replace('range(100)', `range(${increments})`),
  );
}

function starter(names: readonly string[], indent: string): string[] {
  const vars = names.map((_, k) => `p${k + 1}`);
  return [
    ...names.map((n, k) => `${indent}${vars[k]} = Process(target=${n}, args=(counter,))`),
    ...vars.map((v) => `${indent}${v}.start()`),
    ...vars.map((v) => `${indent}${v}.join()`),
  ];
}

/**
 * The post's program: main makes a shared `Value('d', 0)` and starts func3 and func4; each
 * starts func1 and func2 and joins them; every function prints the counter. Flat presets
 * start `workers` copies of func1 from main instead.
 */
export function pythonProgram(
  config: Pick<RunConfig, 'preset' | 'strategy' | 'workers' | 'increments' | 'scenario'>,
): PythonProgram {
  const strategy = strategyOf(config);
  const lines: string[] = [IMPORT];
  if (strategy.id === 'cas') {
    lines.push('# compare_and_swap(counter, old, new): the atomic step Python’s Value lacks');
  }
  const leafDef = new Map<string, number>();
  const printLine = new Map<string, number>();
  const tree = PRESETS[config.preset].tree;
  for (const leaf of tree ? ['func1', 'func2'] : ['func1']) {
    lines.push('', '');
    leafDef.set(leaf, lines.length);
    lines.push(...leafFunction(strategy, leaf, config.increments));
  }
  if (tree) {
    for (const supervisor of ['func3', 'func4']) {
      lines.push('', '', `def ${supervisor}(counter):`, ...starter(['func1', 'func2'], '    '));
      printLine.set(supervisor, lines.length);
      lines.push('    print(counter.value)');
    }
  }
  lines.push('', '', "if __name__ == '__main__':", "    counter = Value('d', 0)");
  if (tree) {
    lines.push(...starter(['func3', 'func4'], '    '));
  } else {
    lines.push(
      `    workers = [Process(target=func1, args=(counter,)) for _ in range(${config.workers})]`,
      '    for p in workers:',
      '        p.start()',
      '    for p in workers:',
      '        p.join()',
    );
  }
  printLine.set('main', lines.length);
  lines.push('    print(counter.value)');
  return { lines, leafDef, printLine };
}

/**
 * The Python line the access at `pc` by `thread` corresponds to (-1: none). A leaf's loop
 * body is the strategy's `pyLine`, inside its own function; a supervisor's or main's read is
 * its final print.
 */
export function pythonLineOf(
  program: PythonProgram,
  strategy: Strategy,
  thread: ThreadInfo | undefined,
  pc: number,
): number {
  if (!thread) return -1;
  if (thread.role !== 'leaf')
    return program.printLine.get(thread.role === 'main' ? 'main' : thread.name) ?? -1;
  const def = program.leafDef.get(thread.name) ?? program.leafDef.get('func1');
  const line = strategy.pyLine[pc];
  return def === undefined || line === undefined || pc < 0 ? -1 : def + line;
}

/** The worker JavaScript line of a leaf access at `pc` (-1 for supervisors and main). */
export function jsLineOf(strategy: Strategy, thread: ThreadInfo | undefined, pc: number): number {
  if (thread?.role !== 'leaf' || pc < 0) return -1;
  return strategy.jsLine[pc] ?? -1;
}
