import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, symbolX } from 'd3';
import { KINDS } from './kinds';

const shape = (type: Parameters<typeof symbol>[0], size: number) => symbol(type, size)() ?? '';

// A lock opens a bracket, an unlock closes it: a critical section reads as [ … ] on its lane.
const OPEN_BRACKET = 'M3,-6H-2V6H3';
const CLOSE_BRACKET = 'M-3,-6H2V6H-3';

/** Path of each kind's mark, centred on 0,0, in KINDS order: a distinct shape per kind. */
export const KIND_SYMBOL: readonly string[] = [
  shape(symbolCircle, 56),
  shape(symbolSquare, 56),
  shape(symbolDiamond, 70),
  shape(symbolTriangle, 64),
  shape(symbolX, 48),
  OPEN_BRACKET,
  CLOSE_BRACKET,
];

/** The CSS class and custom property each kind is coloured by. */
export const kindClass = (kind: number): string => `tl-k-${KINDS[kind] ?? 'read'}`;
export const kindColorVar = (kind: number): string => `--tl-${KINDS[kind] ?? 'read'}`;
