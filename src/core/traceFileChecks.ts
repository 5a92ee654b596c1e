import type { ThreadInfo } from './threads';
import {
  TRACE_FORMAT,
  TRACE_VERSION,
  TRACE_VERSIONS_READ,
  VERSIONS_READ_TEXT,
  type TraceFileEnvelope,
} from './traceFileSchema';

/*
 * The checks of a trace file that a field-by-field schema cannot make: what kind of file it
 * is at all, and how its fields relate. Each gives the first problem as a plain message.
 */

/** Why text that failed JSON.parse failed, in words: cut short, or not JSON at all. */
export function notJson(text: string): string {
  const body = text.trim();
  if (body === '') return 'The file is empty.';
  if (body.startsWith('{') && !body.endsWith('}')) {
    return 'The file is not valid JSON (it may be truncated).';
  }
  return 'The file is not valid JSON, so it is not a Race Lab trace.';
}

/** The format and version checks, first, so other JSON gets a message about what it is. */
export function identify(data: unknown): string | null {
  const record =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  if (record.format !== TRACE_FORMAT) {
    return `Not a Race Lab trace (format must be "${TRACE_FORMAT}").`;
  }
  const version = record.version;
  if ((TRACE_VERSIONS_READ as readonly unknown[]).includes(version)) return null;
  if (version === undefined) return `version: missing; expected ${TRACE_VERSION}`;
  if (typeof version !== 'number') return `version: expected the number ${TRACE_VERSION}`;
  return `Unsupported trace version ${version} (this page reads ${VERSIONS_READ_TEXT}).`;
}

/** Threads listed in id order forming one tree under main, roles filled in where absent. */
export function readThreads(file: TraceFileEnvelope): ThreadInfo[] | string {
  const list = file.threads;
  for (const [i, t] of list.entries()) {
    const at = `threads[${i}]`;
    if (t.id !== i) return `${at}.id: expected ${i} (ids count up from 0 in list order)`;
    if (i === 0 && t.parent !== null) {
      return `${at}.parent: the first thread is main, with parent null`;
    }
    if (i > 0 && t.parent === null) {
      return `${at}.parent: only the first thread (main) has no parent`;
    }
    if (t.parent !== null && t.parent >= list.length) {
      return `${at}.parent: no thread has id ${t.parent}`;
    }
    if (t.role !== undefined && (t.role === 'main') !== (i === 0)) {
      return `${at}.role: the first thread, and only it, is main`;
    }
  }
  for (const [i, t] of list.entries()) {
    // Following parents from any thread must reach main before visiting every thread.
    let up: number | null = t.id;
    for (let steps = 0; up !== null && up !== 0 && steps < list.length; steps++) {
      up = list[up]!.parent;
    }
    if (up !== 0) return `threads[${i}].parent: the parents form a loop, not a tree under main`;
  }
  const parents = new Set(list.map((t) => t.parent));
  return list.map(({ id, name, parent, role }) => ({
    id,
    name,
    parent,
    role: role ?? (parent === null ? 'main' : parents.has(id) ? 'supervisor' : 'leaf'),
  }));
}

/** The leaves are the config's workers, and `expected` is what they count to together. */
export function checkTotals(
  file: TraceFileEnvelope,
  threads: readonly ThreadInfo[],
): string | null {
  const { workers, increments } = file.config;
  const leaves = threads.filter((t) => t.role === 'leaf').length;
  if (leaves !== workers) {
    return `threads: ${leaves} leaf threads listed, but config.workers is ${workers}`;
  }
  const total = workers * increments;
  if (file.expected !== total) {
    return `expected: must equal config.workers × config.increments (${workers} × ${increments} = ${total}), not ${file.expected}`;
  }
  return null;
}

/** A schedule names, step by step, the leaf that moved. */
export function checkSchedule(
  schedule: readonly unknown[] | undefined,
  threads: readonly ThreadInfo[],
): string | null {
  if (!schedule) return null;
  const leaves = new Set(threads.filter((t) => t.role === 'leaf').map((t) => t.id));
  for (let i = 0; i < schedule.length; i++) {
    if (!leaves.has(schedule[i] as number))
      return `schedule[${i}]: expected the id of a leaf thread`;
  }
  return null;
}
