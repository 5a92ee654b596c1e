import { PRESETS, type RunConfig } from './config';
import { scenarioOf, strategyOf } from './scenarios';
import { type Strategy } from './strategies';
import type { ThreadInfo } from './threads';

/** The whole Python program of a scenario (the post's, for the counter), with the chosen
 * strategy's worker function in it. */
export interface PythonProgram {
  lines: string[];
  /** Line of `def <name>(…):` for each leaf function (func1, func2). */
  leafDef: ReadonlyMap<string, number>;
  /** Line of the final `print(<cell>.value)` of each supervisor function and of main. */
  printLine: ReadonlyMap<string, number>;
}

const IMPORT = 'from multiprocessing import Process, Value';

/** The strategy's `def func1` function, renamed and run `increments` times. */
function leafFunction(strategy: Strategy, name: string, increments: number): string[] {
  return strategy.python.map((line, i) =>
    i === 0 ? line.replace('func1', name) : line.replace('range(100)', `range(${increments})`),
  );
}

/** Lines that start, then join, a process per target; `args` gives each one's arguments. */
function starter(targets: readonly string[], args: (k: number) => string, indent: string) {
  const vars = targets.map((_, k) => `p${k + 1}`);
  return [
    ...targets.map((n, k) => `${indent}${vars[k]} = Process(target=${n}, args=(${args(k)}))`),
    ...vars.map((v) => `${indent}${v}.start()`),
    ...vars.map((v) => `${indent}${v}.join()`),
  ];
}

/**
 * The scenario's program: main makes the shared `Value` and starts func3 and func4; each
 * starts func1 and func2 and joins them; every function prints. Flat presets start `workers`
 * copies of func1 from main instead. A claim's workers also get their ids, 1…workers.
 */
export function pythonProgram(
  config: Pick<
    RunConfig,
    'preset' | 'strategy' | 'workers' | 'increments' | 'scenario' | 'balance'
  >,
): PythonProgram {
  const scenario = scenarioOf(config);
  const strategy = strategyOf(config);
  const cell = scenario.cell;
  const args = (id: number) => (scenario.pyPassesId ? `${cell}, ${id}` : `${cell},`);
  const print = `    print(${cell}.value)`;
  const lines: string[] = [IMPORT];
  if (strategy.pythonHelper) lines.push(strategy.pythonHelper);
  const leafDef = new Map<string, number>();
  const printLine = new Map<string, number>();
  const tree = PRESETS[config.preset].tree;
  for (const leaf of tree ? ['func1', 'func2'] : ['func1']) {
    lines.push('', '');
    leafDef.set(leaf, lines.length);
    lines.push(...leafFunction(strategy, leaf, config.increments));
  }
  if (tree) {
    ['func3', 'func4'].forEach((supervisor, s) => {
      const children = starter(['func1', 'func2'], (k) => args(2 * s + k + 1), '    ');
      lines.push('', '', `def ${supervisor}(${cell}):`, ...children);
      printLine.set(supervisor, lines.length);
      lines.push(print);
    });
  }
  lines.push('', '', "if __name__ == '__main__':", `    ${cell} = ${scenario.pyValue(config)}`);
  if (tree) {
    lines.push(...starter(['func3', 'func4'], () => `${cell},`, '    '));
  } else {
    const each = scenario.pyPassesId
      ? `args=(${cell}, me)) for me in range(1, ${config.workers + 1})]`
      : `args=(${cell},)) for _ in range(${config.workers})]`;
    lines.push(
      `    workers = [Process(target=func1, ${each}`,
      '    for p in workers:',
      '        p.start()',
      '    for p in workers:',
      '        p.join()',
    );
  }
  printLine.set('main', lines.length);
  lines.push(print);
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
