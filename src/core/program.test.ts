import { describe, expect, it } from 'vitest';
import { presetConfig, type RunConfig } from './config';
import { STRATEGIES, STRATEGY_IDS } from './strategies';
import { buildThreads } from './threads';
import { jsLineOf, pythonLineOf, pythonProgram } from './program';

const blog = presetConfig('blog');
const threads = buildThreads(blog);

/** The function a line belongs to: the nearest `def` or `if __name__` above it. */
const ownerOf = (lines: string[], line: number) =>
  lines.slice(0, line + 1).findLast((l) => /^(def |if __name__)/.test(l));

describe('pythonProgram', () => {
  it('is the post’s whole program: main › func3/func4 › func1/func2, each printing', () => {
    const { lines } = pythonProgram(blog);
    const text = lines.join('\n');
    expect(text).toContain("counter = Value('d', 0)");
    for (const name of ['func1', 'func2', 'func3', 'func4'])
      expect(text).toContain(`def ${name}(counter):`);
    expect(text).toContain('p1 = Process(target=func1, args=(counter,))');
    expect(text).toContain('p2 = Process(target=func4, args=(counter,))');
    expect(text).toContain('for i in range(100):');
    expect(text.match(/print\(counter\.value\)/g)).toHaveLength(5);
  });

  it.each(STRATEGY_IDS)('holds the %s loop body in both leaf functions', (id) => {
    const { lines, leafDef } = pythonProgram({ ...blog, strategy: id });
    const body = STRATEGIES[id].python.slice(1);
    for (const leaf of ['func1', 'func2']) {
      const def = leafDef.get(leaf)!;
      expect(lines[def]).toBe(`def ${leaf}(counter):`);
      expect(lines.slice(def + 1, def + 1 + body.length)).toEqual(body);
    }
  });

  it('starts the workers of a flat preset from main, with its own numbers', () => {
    const config: RunConfig = { ...presetConfig('custom'), workers: 3, increments: 5000 };
    const text = pythonProgram(config).lines.join('\n');
    expect(text).toContain('for _ in range(3)]');
    expect(text).toContain('for i in range(5000):');
    expect(text).not.toContain('def func3');
  });
});

describe('pythonProgram of the other scenarios', () => {
  const text = (config: RunConfig) => pythonProgram(config).lines.join('\n');

  it('the bank: a shared balance, workers that withdraw in a loop, a check, then a debit', () => {
    const bank: RunConfig = { ...presetConfig('bank'), scenario: 'bank' };
    const racy = text(bank);
    expect(racy).toContain("balance = Value('i', 2000)");
    expect(racy).toContain('def func1(balance):');
    expect(racy).toContain('for i in range(1000):');
    expect(racy).toMatch(/ {8}if balance\.value >= 1:.*\n {12}balance\.value -= 1/);
    expect(racy).toContain('workers = [Process(target=func1, args=(balance,)) for _ in range(4)]');
    expect(racy).toContain('    print(balance.value)');
    expect(racy).not.toContain('counter');
    expect(text({ ...bank, strategy: 'lock' })).toMatch(
      /with balance\.get_lock\(\):\n {12}if balance\.value >= 1:/,
    );
    expect(text({ ...bank, balance: 7 })).toContain("balance = Value('i', 7)");
  });

  it('the claim: an owner of 0, each worker claiming it with its own id', () => {
    const claim: RunConfig = { ...presetConfig('claim'), scenario: 'claim' };
    const racy = text(claim);
    expect(racy).toContain("owner = Value('i', 0)");
    expect(racy).toMatch(/def func1\(owner, me\):[^]*if owner\.value == 0:.*\n +owner\.value = me/);
    expect(racy).toContain('args=(owner, me)) for me in range(1, 5)]');
    expect(racy).not.toContain('range(100)');
    // The blog's tree gives func3's workers ids 1 and 2, func4's 3 and 4, in leaf order.
    const tree = text({ ...claim, preset: 'blog' });
    for (const id of [1, 2, 3, 4]) expect(tree).toContain(`args=(owner, ${id}))`);
    expect(tree.indexOf('args=(owner, 2))')).toBeLessThan(tree.indexOf('def func4(owner):'));
    expect(text({ ...claim, strategy: 'cas' })).toContain('# compare_and_swap(owner, old, new)');
  });
});

describe('pythonLineOf', () => {
  const program = pythonProgram(blog);
  const racy = STRATEGIES.racy;

  it('puts a leaf’s access on the loop body of its own function', () => {
    const func4func2 = threads.find((t) => t.name === 'func2' && t.parent === 4)!;
    const line = pythonLineOf(program, racy, func4func2, 0);
    expect(program.lines[line]).toContain('counter.value += 1');
    expect(ownerOf(program.lines, line)).toBe('def func2(counter):');
  });

  it('puts a supervisor’s and main’s read on their final print', () => {
    const func4 = threads.find((t) => t.name === 'func4')!;
    const line = pythonLineOf(program, racy, func4, -1);
    expect(program.lines[line]).toBe('    print(counter.value)');
    expect(ownerOf(program.lines, line)).toBe('def func4(counter):');
    const main = pythonLineOf(program, racy, threads[0], -1);
    expect(ownerOf(program.lines, main)).toBe("if __name__ == '__main__':");
    expect(main).toBe(program.lines.length - 1);
  });

  it('maps each lock pc to its own line', () => {
    const lockProgram = pythonProgram({ ...blog, strategy: 'lock' });
    const leaf = threads[2];
    const lines = [0, 1, 2, 3].map(
      (pc) => lockProgram.lines[pythonLineOf(lockProgram, STRATEGIES.lock, leaf, pc)],
    );
    expect(lines[0]).toContain('with counter.get_lock()');
    expect(lines[1]).toContain('counter.value += 1');
    expect(lines[3]).toContain('released');
  });
});

describe('jsLineOf', () => {
  it('follows jsLine for leaves and shows nothing for the others', () => {
    expect(STRATEGIES.racy.js[jsLineOf(STRATEGIES.racy, threads[2], 1)]).toContain(
      'Atomics.exchange',
    );
    expect(jsLineOf(STRATEGIES.racy, threads[0], -1)).toBe(-1);
    expect(jsLineOf(STRATEGIES.racy, threads[2], -1)).toBe(-1);
  });
});
