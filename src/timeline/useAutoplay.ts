import { useEffect } from 'react';
import type { Trace } from '../core/trace';
import { useLab } from '../store/labStore';
import { prefersReducedMotion } from './hooks';

/**
 * After a run the accesses play by themselves, unless the reader prefers less motion. In
 * step mode the newest access is the one to look at, so nothing plays.
 */
export function useAutoplay(trace: Trace): void {
  useEffect(() => {
    if (!prefersReducedMotion() && !useLab.getState().stepping) useLab.getState().play();
  }, [trace]);
}
