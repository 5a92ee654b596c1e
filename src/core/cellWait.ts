/** `Atomics.waitAsync` (ES2024), typed here because the project's lib stops at ES2023. */
type WaitAsync = (
  cells: Int32Array,
  index: number,
  value: number,
  timeoutMs?: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };

const waitAsync = (Atomics as typeof Atomics & { waitAsync?: WaitAsync }).waitAsync;

/** How long one wait lasts before the cell is looked at again, whether or not it was notified. */
const RECHECK_MS = 50;

/** Why a wait ended without its cell getting ready. */
export class WaitCancelled extends Error {
  constructor() {
    super('The wait was cancelled.');
    this.name = 'WaitCancelled';
  }
}

/**
 * Resolves once `cells[index]` satisfies `ready`, without blocking the calling thread (the
 * page's main thread may not `Atomics.wait`). Wakes on `Atomics.notify`; where `waitAsync`
 * is missing it polls every millisecond instead. Rejects with WaitCancelled soon after
 * `cancelled()` turns true, so a wait on a terminated worker does not go on for ever.
 */
export async function waitForCell(
  cells: Int32Array,
  index: number,
  ready: (value: number) => boolean,
  cancelled: () => boolean = () => false,
): Promise<void> {
  for (;;) {
    const seen = Atomics.load(cells, index);
    if (ready(seen)) return;
    if (cancelled()) throw new WaitCancelled();
    if (waitAsync) {
      const result = waitAsync.call(Atomics, cells, index, seen, RECHECK_MS);
      if (result.async) await result.value;
    } else {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}
