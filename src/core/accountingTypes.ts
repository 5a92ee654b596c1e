// What accountTrace finds in a trace (see accounting.ts), apart so its helpers share it.

export interface WriteFinding {
  /** Event index of the clobbering write. */
  index: number;
  thread: number;
  /** The read this write's value came from (the same thread's latest read); null for add/cas. */
  readIndex: number | null;
  /** replaced + 1 − value: increments this write erased (negative: lost ones it brought back). */
  erased: number;
  /**
   * Event indices of the writes between its read's source and itself in the counter's
   * history (a view into the history, not a copy: it can hold millions).
   */
  erasedWrites: Int32Array;
  /** Distinct threads owning erasedWrites, ascending. */
  victims: number[];
}

/**
 * Every clobbering write of a run, column by column: a run with millions of them keeps a few
 * typed arrays, which a worker hands to the page without copying. Entry k erased the writes
 * at `history[from[k]]` up to (not including) `history[to[k]]` of the counter's history;
 * `to[k]` is the write's own place in that history (0 when it has none).
 */
export interface FindingTable {
  length: number;
  /** Event index of each clobbering write, ascending. */
  index: Int32Array;
  thread: Uint8Array;
  /** The read its value came from; -1 for none (add, cas). */
  read: Int32Array;
  erased: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

export interface ThreadLoss {
  thread: number;
  /** Write-like events. */
  increments: number;
  /** Its writes erased by other threads' writes. */
  lostAsVictim: number;
  /** Sum of erased over its writes. */
  erasedAsClobberer: number;
}

export interface StaleWindow {
  readIndex: number;
  writeIndex: number;
  thread: number;
  writesBetween: number;
}

/** Where every increment of a run went: who erased whose, and whether the books balance. */
export interface Accounting {
  expected: number;
  final: number;
  /** Σ erased over all write-like events (= expected − final when the books balance). */
  lost: number;
  /** Write-like events. */
  writes: number;
  /** Successes the trace shows, where its books count them apart from the cell (claim: winners). */
  won?: number;
  /**
   * Every write with erased ≠ 0, in event order (findingAt gives one as an object; erasedAt
   * a write's erased, 0 for one that is no finding).
   */
  findings: FindingTable;
  /** One per thread in trace.threads. */
  perThread: ThreadLoss[];
  longestStaleWindow: StaleWindow | null;
  /**
   * Write-like event indices in the counter's modification order (from 0): the counter after
   * each is its event's value (for the bank, as countingView mirrors it).
   */
  history: { index: Int32Array };
  /** False when the trace is truncated: then nothing is claimed to balance. */
  complete: boolean;
  /** complete, lost = expected − final, and the history chains from 0 to final. */
  balanced: boolean;
  /** Why the books do not balance, in words. */
  problems: string[];
}
