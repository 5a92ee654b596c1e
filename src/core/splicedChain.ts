import { tickAt, type TraceEvents } from './trace';

/**
 * The chain as a linked list that takes insertions. Node 0 is the initial state, node k
 * (1 ≤ k ≤ chain length) holds chain[k − 1], later nodes the spliced writes. Only links
 * other than "on to the next chain node" are stored: a few thousand cycles in a history
 * of millions.
 */
export class SplicedChain {
  private readonly link = new Map<number, number>();
  private readonly spliced: number[] = [];

  constructor(
    private readonly events: TraceEvents,
    private readonly chain: Int32Array,
  ) {}

  tickOf(node: number): number {
    if (node === 0) return -Infinity;
    const c = this.chain.length;
    return tickAt(this.events, node <= c ? this.chain[node - 1]! : this.spliced[node - c - 1]!);
  }

  /** A new node for `event` right after node `at`; its number. */
  insertAfter(at: number, event: number): number {
    const c = this.chain.length;
    const node = c + 1 + this.spliced.length;
    this.spliced.push(event);
    this.link.set(node, this.link.get(at) ?? (at < c ? at + 1 : -1));
    this.link.set(at, node);
    return node;
  }

  /**
   * The events in list order, written over `room`, whose first entries are the chain and
   * which has room for every node: no second array as long as the history. Worked out as
   * runs of the chain and spliced events, then filled from the back, where each run moves
   * up to its place before anything lands on it.
   */
  order(room: Int32Array): Int32Array {
    const runs = this.runs();
    let k = this.chain.length + this.spliced.length;
    const end = k;
    for (let r = runs.length - 2; r >= 0; r -= 2) {
      const from = runs[r]!;
      const to = runs[r + 1]!;
      if (from < 0) room[--k] = to;
      else room.copyWithin((k -= to - from), from, to);
    }
    return room.subarray(0, end);
  }

  /**
   * The list as pairs: [from, to) for a run of chain entries, [-1, event] for a spliced one.
   * Only the nodes whose link turns off the chain start new runs: a few thousand at most.
   */
  private runs(): number[] {
    const { chain, link, spliced } = this;
    const c = chain.length;
    const turns = [...link.keys()].filter((node) => node <= c).sort((a, b) => a - b);
    const runs: number[] = [];
    let from = 0;
    let node = 0;
    for (let t = 0; ; t++) {
      while (t < turns.length && turns[t]! < node) t++;
      const stop = t < turns.length ? turns[t]! : c;
      runs.push(from, stop);
      if (t >= turns.length) return runs;
      let next = link.get(stop)!;
      for (; next > c; next = link.get(next)!) runs.push(-1, spliced[next - c - 1]!);
      if (next < 0) return runs;
      // Node `next` holds chain[next − 1]: the run goes on from there.
      from = next - 1;
      node = next;
    }
  }
}
