// The messages an embedded Race Lab posts to its host (protocol version 3, docs/embedding.md).

/** The protocol version this package speaks. */
export const PROTOCOL_VERSION = 3;

/** The settings and the last result, as the frame reports them. */
export interface ReadyMessage {
  type: 'race-lab:ready';
  version?: number;
  /** The frame's id, when the host gave it one (embed.js and this package do). */
  frame?: string;
  settings?: Record<string, unknown>;
  result?: ResultMessage | null;
}

export interface ResultMessage {
  type: 'race-lab:result';
  expected: number;
  final: number;
  lost: number;
  strategy: 'racy' | 'atomic' | 'lock' | 'lock-each' | 'cas';
  engine: 'workers' | 'simulated';
  /** The lesson the run played (version 3; absent from older apps, which play the counter). */
  scenario?: 'counter' | 'bank' | 'claim';
  /** bank: payments made, and whether the balance ended below zero. */
  paid?: number;
  overdrawn?: boolean;
  /** claim: workers that believe they won, and the id the owner cell holds. */
  winners?: number;
  owner?: number;
  frame?: string;
  /** In the compare view: which side ran (`left` racy, `right` atomic). */
  side?: 'left' | 'right';
}

export interface ErrorMessage {
  type: 'race-lab:error';
  /** In words, for the reader. */
  message: string;
  frame?: string;
}

export interface HeightMessage {
  type: 'race-lab:height';
  height: number;
  frame?: string;
}

export type FrameMessage = ReadyMessage | ResultMessage | ErrorMessage | HeightMessage;

const TYPES = ['race-lab:ready', 'race-lab:result', 'race-lab:error', 'race-lab:height'];

/** The message if `data` is one of the frame's, else null. */
export function readFrameMessage(data: unknown): FrameMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const type = (data as { type?: unknown }).type;
  return typeof type === 'string' && TYPES.includes(type) ? (data as FrameMessage) : null;
}

/** The largest height a frame may ask for, so a broken frame cannot make the page endless. */
export const MAX_HEIGHT = 10_000;

/** A frame's asked height as CSS pixels, or null when it is not a usable number. */
export function frameHeight(message: HeightMessage): number | null {
  const h = message.height;
  return typeof h === 'number' && Number.isFinite(h) && h > 0
    ? Math.min(Math.ceil(h), MAX_HEIGHT)
    : null;
}
