import type { Strategy, ThreadState } from '../strategyTypes';

/**
 * A check-then-act step on one shared cell: read it, and act only if the value allows. The
 * text fields fill in the code panel's JavaScript and Python.
 */
export interface Guard {
  allows(seen: number): boolean;
  /** What the worker writes after seeing `seen`. */
  next(seen: number, t: ThreadState): number;
  cell: string;
  /** The check on `seen`, the new value and the success statement, per language. */
  js: { ok: string; next: string; win: string };
  py: { ok: string; next: string; win: string };
  /** Lines around the body (a loop over attempts or a function head) and the body's indent. */
  jsFrame: { head: readonly string[]; tail: readonly string[]; indent: string };
  pyFrame: { head: readonly string[]; indent: string };
}

type Shape = Omit<Strategy, 'js' | 'jsLine' | 'python' | 'pyLine'>;
type Code = { lines: string[]; at: number[] };

/** A strategy from its shape and its body's code, framed as the guard says. */
export function framed(g: Guard, shape: Shape, js: Code, py: Code): Strategy {
  const { head, tail, indent } = g.jsFrame;
  const p = g.pyFrame;
  return {
    ...shape,
    js: [...head, ...js.lines.map((l) => indent + l), ...tail],
    jsLine: js.at.map((l) => l + head.length),
    python: [...p.head, ...py.lines.map((l) => p.indent + l)],
    pyLine: py.at.map((l) => l + p.head.length),
  };
}

/** The attempt is over (a refused one makes no second access). */
export function endAttempt(t: ThreadState): void {
  t.done++;
  t.reg = 0;
  t.pc = 0;
}

/** Read, check, then write: another worker can act in between. */
export const racyGuarded = (g: Guard, explanation: string): Strategy =>
  framed(
    g,
    {
      id: 'racy',
      label: 'Racy check then act',
      explanation,
      ops: ['read', 'write'],
      workBefore: 1,
      exact: false,
      step(t, mem) {
        if (t.pc === 0) {
          t.reg = mem.load();
          if (g.allows(t.reg)) t.pc = 1;
          else endAttempt(t);
          return;
        }
        mem.exchange(g.next(t.reg, t));
        t.won++;
        endAttempt(t);
      },
    },
    {
      lines: [
        `const seen = Atomics.load(${g.cell}, 0);`,
        `if (${g.js.ok}) {`,
        '  work(); // the window for another worker',
        `  Atomics.exchange(${g.cell}, 0, ${g.js.next});`,
        `  ${g.js.win}`,
        '}',
      ],
      at: [0, 3],
    },
    {
      lines: [
        `seen = ${g.cell}.value`,
        `if ${g.py.ok}:`,
        `    ${g.cell}.value = ${g.py.next}`,
        `    ${g.py.win}`,
      ],
      at: [0, 2],
    },
  );

/** The whole check-and-act under the lock. */
export const lockGuarded = (g: Guard, explanation: string): Strategy =>
  framed(
    g,
    {
      id: 'lock',
      label: 'Lock around check and act',
      explanation,
      ops: ['lock', 'read', 'write', 'unlock'],
      workBefore: 2,
      exact: true,
      step(t, mem) {
        switch (t.pc) {
          case 0:
            if (mem.lock()) t.pc = 1;
            return;
          case 1:
            t.reg = mem.load();
            if (g.allows(t.reg)) t.pc = 2;
            else [t.reg, t.pc] = [0, 3];
            return;
          case 2:
            mem.exchange(g.next(t.reg, t));
            t.won++;
            [t.reg, t.pc] = [0, 3];
            return;
          default:
            mem.unlock();
            t.done++;
            t.pc = 0;
        }
      },
    },
    {
      lines: [
        'lock(mutex);',
        `const seen = Atomics.load(${g.cell}, 0);`,
        `if (${g.js.ok}) {`,
        '  work();',
        `  Atomics.exchange(${g.cell}, 0, ${g.js.next});`,
        `  ${g.js.win}`,
        '}',
        'unlock(mutex);',
      ],
      at: [0, 1, 4, 7],
    },
    {
      lines: [
        `with ${g.cell}.get_lock():`,
        `    seen = ${g.cell}.value`,
        `    if ${g.py.ok}:`,
        `        ${g.cell}.value = ${g.py.next}`,
        `        ${g.py.win}`,
        '# lock released here',
      ],
      at: [0, 1, 3, 5],
    },
  );

/** The lock taken for the read and again for the write: the check still races. */
export const lockEachGuarded = (g: Guard, explanation: string): Strategy =>
  framed(
    g,
    {
      id: 'lock-each',
      label: 'Lock each access',
      explanation,
      ops: ['lock', 'read', 'unlock', 'lock', 'write', 'unlock'],
      workBefore: 3,
      exact: false,
      step(t, mem) {
        switch (t.pc) {
          case 0:
          case 3:
            if (mem.lock()) t.pc++;
            return;
          case 1:
            t.reg = mem.load();
            t.pc = 2;
            return;
          case 2:
            mem.unlock();
            if (g.allows(t.reg)) t.pc = 3;
            else endAttempt(t);
            return;
          case 4:
            mem.exchange(g.next(t.reg, t));
            t.won++;
            [t.reg, t.pc] = [0, 5];
            return;
          default:
            mem.unlock();
            t.done++;
            t.pc = 0;
        }
      },
    },
    {
      lines: [
        'lock(mutex);',
        `const seen = Atomics.load(${g.cell}, 0);`,
        'unlock(mutex);',
        `if (${g.js.ok}) {`,
        '  work();',
        '  lock(mutex);',
        `  Atomics.exchange(${g.cell}, 0, ${g.js.next});`,
        '  unlock(mutex);',
        `  ${g.js.win}`,
        '}',
      ],
      at: [0, 1, 2, 5, 6, 7],
    },
    {
      lines: [
        `seen = ${g.cell}.value  # locked read`,
        `if ${g.py.ok}:`,
        `    ${g.cell}.value = ${g.py.next}  # locked write`,
        `    ${g.py.win}`,
      ],
      at: [0, 0, 0, 2, 2, 2],
    },
  );
