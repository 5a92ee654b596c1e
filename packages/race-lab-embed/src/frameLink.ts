import { frameHeight, readFrameMessage, type FrameMessage } from './messages.js';

// One frame's side of the conversation, shared by the React component and the element: it
// keeps commands until the frame is ready, and hears only its own frame. Browser-only; nothing
// here runs at import.

export interface FrameLinkCallbacks {
  onMessage(message: FrameMessage): void;
  onHeight(height: number): void;
}

export interface FrameLink {
  /** Send a command now, or as soon as the frame is ready. */
  send(message: Record<string, unknown>): void;
  /** The frame is loading again (a new URL): hold commands until it is ready once more. */
  reset(): void;
  stop(): void;
}

/** Listen to `frame` (whose document lives at `url`) and talk to it. */
export function linkFrame(
  frame: HTMLIFrameElement,
  url: () => string,
  callbacks: FrameLinkCallbacks,
): FrameLink {
  const view = frame.ownerDocument.defaultView ?? window;
  const origin = () => new URL(url(), view.location.href).origin;
  let ready = false;
  let pending: Record<string, unknown>[] = [];
  const post = (message: Record<string, unknown>) =>
    frame.contentWindow?.postMessage(message, origin());

  const onMessage = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow || event.origin !== origin()) return;
    const message = readFrameMessage(event.data);
    if (!message) return;
    if (message.type === 'race-lab:height') {
      const height = frameHeight(message);
      if (height !== null) callbacks.onHeight(height);
      return;
    }
    if (message.type === 'race-lab:ready') {
      ready = true;
      const queued = pending;
      pending = [];
      queued.forEach(post);
    }
    callbacks.onMessage(message);
  };
  view.addEventListener('message', onMessage);
  return {
    send: (message) => (ready ? post(message) : pending.push(message)),
    reset: () => {
      ready = false;
    },
    stop: () => view.removeEventListener('message', onMessage),
  };
}
