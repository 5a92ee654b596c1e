import type { Accounting, WriteFinding } from './accounting';
import { erasedAt, findingOf } from './findingTable';
import { FLAG } from './layout';
import { OPS } from './ops';
import { scenarioOf } from './scenarios';
import { threadLabel } from './threads';
import type { Trace } from './trace';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "a", "a and b", "a, b and c". */
const joinNames = (names: readonly string[]) =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** The history entry the write of finding `f` replaced: its event index, or -1. */
function replacedWrite(acc: Accounting, f: WriteFinding): number {
  const k = findingOf(acc.findings, f.index);
  // A finding's range ends at the write's own place in the history: the entry before it.
  const at = k < 0 ? 0 : acc.findings.to[k]!;
  return at > 0 ? acc.history.index[at - 1]! : -1;
}

/**
 * The threads, other than the writer's, whose writes finding `f` erased, ascending. Only a
 * thread some finding erased a write of (lostAsVictim) can be one: once each such thread is
 * seen, the scan stops, where a stale write's erased writes can number millions.
 */
function othersErased(trace: Trace, acc: Accounting, f: WriteFinding): number[] {
  const candidate = new Uint8Array(256);
  let left = 0;
  for (const p of acc.perThread) {
    if (p.lostAsVictim > 0 && p.thread !== f.thread && !candidate[p.thread]) {
      candidate[p.thread] = 1;
      left++;
    }
  }
  const thread = trace.events.thread;
  const writes = f.erasedWrites;
  const seen = new Uint8Array(256);
  const others: number[] = [];
  for (let i = 0; i < writes.length && left > 0; i++) {
    const owner = thread[writes[i]!]!;
    if (seen[owner] || owner === f.thread) continue;
    seen[owner] = 1;
    others.push(owner);
    if (candidate[owner]) left--;
  }
  return others.sort((a, b) => a - b);
}

/**
 * One lost-update finding in words, race-detector style: who wrote over whom and what that
 * cost, e.g. "func2 wrote 42 over func1's 42: func1's increment was lost."
 */
export function describeFinding(trace: Trace, acc: Accounting, f: WriteFinding): string {
  const e = trace.events;
  const unit = scenarioOf(trace.config).unit;
  const name = (thread: number) => threadLabel(trace.threads, thread);
  const over = replacedWrite(acc, f);
  const owner = over >= 0 && e.thread[over] !== f.thread ? `${name(e.thread[over]!)}'s ` : '';
  const head = `${name(f.thread)} wrote ${e.value[f.index]} over ${owner}${e.replaced[f.index]}`;
  if (f.erased < 0) {
    const back = -f.erased;
    return `${head}: ${plural(back, `lost ${unit}`, `lost ${unit}s`)} came back.`;
  }
  const others = othersErased(trace, acc, f).map(name);
  const victims = joinNames(others);
  if (victims === '') {
    return `${head}: ${plural(f.erased, `${unit} was`, `${unit}s were`)} lost.`;
  }
  if (f.erased === 1 && others.length === 1) return `${head}: ${victims}'s ${unit} was lost.`;
  return `${head}: ${plural(f.erased, unit, `${unit}s`)} by ${victims} ${f.erased === 1 ? 'was' : 'were'} lost.`;
}

/** What the thread of compare-and-swap `i` expected: its latest read or failed swap's value. */
function casExpected(trace: Trace, i: number): number | null {
  const e = trace.events;
  for (let k = i - 1; k >= 0; k--) {
    if (e.thread[k] !== e.thread[i]) continue;
    const op = OPS[e.op[k]!];
    if (op === 'read' || (op === 'cas' && !(e.flags[k]! & FLAG.casOk))) return e.value[k]!;
    if (op === 'cas') return null;
  }
  return null;
}

/** What a compare-and-swap adds to the value it expects: +1 for the counter, −1 for the bank. */
function casStep(trace: Trace): number {
  const mirror = scenarioOf(trace.config).asIncrements;
  return mirror ? mirror(1, 0) - mirror(0, 0) : 1;
}

/**
 * Event `i` as one line of narration, e.g. "func2 reads 41", "func1 writes 42 over 43:
 * 1 increment lost", "worker 1 adds 1: 5 → 6", "worker 1 takes the lock".
 */
export function narrateEvent(trace: Trace, acc: Accounting, i: number): string {
  const e = trace.events;
  if (i < 0 || i >= e.length) return `There is no event ${i}.`;
  const who = threadLabel(trace.threads, e.thread[i]!);
  const { unit, cell } = scenarioOf(trace.config);
  const value = e.value[i]!;
  const replaced = e.replaced[i]!;
  switch (OPS[e.op[i]!]) {
    case 'read':
      return `${who} reads ${value}`;
    case 'write': {
      const erased = erasedAt(acc.findings, i);
      if (erased > 0)
        return `${who} writes ${value} over ${replaced}: ${plural(erased, unit, `${unit}s`)} lost`;
      if (erased < 0) {
        return `${who} writes ${value} over ${replaced}: ${plural(-erased, `lost ${unit}`, `lost ${unit}s`)} came back`;
      }
      return `${who} writes ${value}`;
    }
    case 'add': {
      // The bank's atomic debit is Atomics.sub: an add of −1 reads as a subtraction.
      const by = value - replaced;
      const verb = by < 0 ? `subtracts ${-by}` : `adds ${by}`;
      return `${who} ${verb}: ${replaced} → ${value}`;
    }
    case 'cas': {
      if (e.flags[i]! & FLAG.casOk)
        return `${who} compare-and-swaps ${replaced} → ${value}: succeeds`;
      const expected = casExpected(trace, i);
      const attempt = expected === null ? '' : ` ${expected} → ${expected + casStep(trace)}`;
      return `${who} tries compare-and-swap${attempt}: fails, ${cell} holds ${value}`;
    }
    case 'lock':
      return `${who} takes the lock`;
    case 'unlock':
      return `${who} releases the lock`;
    default:
      return `${who} makes an unknown access`;
  }
}
