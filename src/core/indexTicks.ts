import { bytesOf, planeInto, type Part } from './byteSegments';

/**
 * A compact file's whole ticks, arriving as byte planes of their differences. While they are
 * each event's index (a difference of 1 from the first, 0) they are checked as they arrive,
 * not kept, and the trace keeps no column for them. At the first that is not, the column is
 * made, holding the differences the bytes so far stand for, and takes the rest.
 */
export class IndexTicks {
  /** The differences, once some tick is not its index; null while all are. */
  deltas: Uint32Array | null = null;

  /** The four planes of `n` differences. */
  planes(n: number): Part[] {
    return [0, 1, 2, 3].map((plane): Part => [
      n,
      (chunk, from, to, at) => {
        if (!this.deltas) {
          let i = from;
          const one = plane === 0 ? 1 : 0;
          while (i < to && chunk[i] === (at + i - from === 0 ? 0 : one)) i++;
          if (i === to) return;
          this.deltas = new Uint32Array(n).fill(1);
          this.deltas[0] = 0;
        }
        planeInto(bytesOf(this.deltas), plane)(chunk, from, to, at);
      },
    ]);
  }
}
