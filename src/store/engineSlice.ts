import type { StateCreator } from 'zustand';
import { engineSupport, quickEngineSupport, type EngineSupport } from '../runtime/features';

export interface EngineSlice {
  /** What this browser offers real workers; null while it is still being checked. */
  support: EngineSupport | null;
  /** Check once, probe worker included (later calls answer from the first); publish it. */
  detectEngine(): Promise<EngineSupport>;
  /** Publish the answer if the checks that start no worker already give it (the embed). */
  checkEngineQuickly(): void;
}

export const createEngineSlice: StateCreator<EngineSlice, [], [], EngineSlice> = (set, get) => ({
  support: null,
  detectEngine: async () => {
    const support = await engineSupport();
    if (get().support?.engine !== support.engine) set({ support });
    return support;
  },
  checkEngineQuickly: () => {
    const support = quickEngineSupport();
    if (support && !get().support) set({ support });
  },
});
