import type { StoreApi } from 'zustand';
import { useLab, type LabState } from '../store/labStore';
import { COMPARE_SIDES } from '../store/compareSlice';
import { errorMessage, heightMessage, readyMessage, resultMessage } from './frameMessages';
import {
  parseHostMessage,
  type HostSettings,
  type OutgoingMessage,
  type ResultMessage,
} from './hostMessages';
import { hostRunRefusal } from './hostRunCap';

/** The part of the store the bridge reads and drives. */
type BridgeState = Pick<
  LabState,
  | 'config'
  | 'status'
  | 'result'
  | 'error'
  | 'page'
  | 'notices'
  | 'run'
  | 'stop'
  | 'comparison'
  | 'runComparison'
  | 'stopComparison'
  | 'setTrace'
  | 'setPreset'
  | 'setWorkers'
  | 'setIncrements'
  | 'setWork'
  | 'setScenario'
  | 'setBalance'
  | 'setStrategy'
  | 'setAtomic'
  | 'setPage'
  | 'addNotices'
  | 'dismissNotice'
>;

/** What the bridge works with: the browser's by default, stand-ins in tests. */
export interface BridgeDeps {
  store: Pick<StoreApi<BridgeState>, 'getState' | 'subscribe'>;
  /** The embed's own window, where the host's messages arrive. */
  self: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** The host's window: the only one whose messages count. */
  host: Pick<Window, 'postMessage'>;
  /** Calls back with the content height (CSS pixels) as it changes; returns a stop function. */
  watchHeight(onHeight: (height: number) => void): () => void;
  /** The id the host gave this frame (embed.js's `frame` parameter), put in every message. */
  frameId?: string | null;
}

/** The frame id from the URL: short and plain, or none. */
export function frameIdFrom(search: string): string | null {
  const id = new URLSearchParams(search).get('frame');
  return id && /^[\w-]{1,64}$/.test(id) ? id : null;
}

/** A balance sent for a run that is not the bank's. */
export const BALANCE_OUTSIDE_BANK =
  'Ignored balance from the host page: only the bank scenario has a balance.';

/**
 * Apply a host's settings the way the reader's own controls would, in a fixed order; returns
 * what could not apply to the run as it then is.
 */
function applySettings(store: BridgeDeps['store'], settings: HostSettings): string[] {
  const state = store.getState();
  const refused: string[] = [];
  if (settings.preset !== undefined) state.setPreset(settings.preset);
  if (settings.workers !== undefined) state.setWorkers(settings.workers);
  if (settings.increments !== undefined) state.setIncrements(settings.increments);
  if (settings.work !== undefined) state.setWork(settings.work);
  // The scenario the run already plays (a bank preset's, say) is kept with its balance.
  const scenario = () => store.getState().config.scenario ?? 'counter';
  if (settings.scenario !== undefined && settings.scenario !== scenario()) {
    state.setScenario(settings.scenario);
  }
  if (settings.balance !== undefined) {
    if (scenario() === 'bank') state.setBalance(settings.balance);
    else refused.push(BALANCE_OUTSIDE_BANK);
  }
  // A strategy named outright says more than the switch, so it wins when both are sent.
  if (settings.strategy !== undefined) state.setStrategy(settings.strategy);
  else if (settings.atomic !== undefined) state.setAtomic(settings.atomic);
  if (settings.trace !== undefined) state.setTrace(settings.trace);
  const { view, mode, engine, seed, theme } = settings;
  const page = { view, mode, engine, seed, theme };
  for (const key of Object.keys(page) as (keyof typeof page)[]) {
    if (page[key] === undefined) delete page[key];
  }
  if (Object.keys(page).length > 0) state.setPage(page);
  return refused;
}

/** Report the content height of this document whenever it changes. */
export function watchDocumentHeight(onHeight: (height: number) => void): () => void {
  const root = document.documentElement;
  // The root's height is its content's (nothing here sizes it to the frame), so no feedback.
  const observer = new ResizeObserver(() => onHeight(root.getBoundingClientRect().height));
  observer.observe(root);
  return () => observer.disconnect();
}

const browserDeps = (): BridgeDeps => ({
  store: useLab,
  self: window,
  host: window.parent,
  watchHeight: watchDocumentHeight,
  frameId: frameIdFrom(location.search),
});

/**
 * Talk to the page that frames this one: announce readiness (again on race-lab:hello), report
 * every finished run, failure and content height, and accept race-lab:run, :stop and :set
 * from the parent window only. race-lab:run starts only runs within HOST_RUN_CAP; a larger one
 * gets a notice asking the reader to press Run. Anything else is ignored without a word.
 * Returns a stop function.
 */
export function startHostBridge(deps: BridgeDeps = browserDeps()): () => void {
  const { store, self, host } = deps;
  const frame = deps.frameId ? { frame: deps.frameId } : {};
  // Results are public and nothing else is sent, so any host origin may read them.
  const post = (message: OutgoingMessage) => host.postMessage({ ...message, ...frame }, '*');
  let lastResult: ResultMessage | null = null;
  const report = (message: ResultMessage | null) => {
    if (!message) return;
    lastResult = message;
    post(message);
  };
  const ready = () => {
    const { config, page } = store.getState();
    post(readyMessage(config, page, lastResult));
  };
  // The words of the last run refused for its size, while they may be showing.
  let refusedRun: string | null = null;

  const onMessage = (event: MessageEvent) => {
    if (event.source !== host) return;
    const command = parseHostMessage(event.data);
    if (!command) return;
    const state = store.getState();
    const comparing = state.page.view === 'compare';
    if (command.type === 'hello') ready();
    else if (command.type === 'stop') (comparing ? state.stopComparison : state.stop)();
    else if (command.type === 'run') {
      // Only a small run starts without the reader's click; a larger one waits for Run.
      const refusal = hostRunRefusal(state.config);
      if (refusal === null) void (comparing ? state.runComparison() : state.run());
      else if (!state.notices.some((n) => n.text === refusal)) {
        refusedRun = refusal;
        state.addNotices('embed', [refusal]);
      }
    } else {
      // A new set replaces what the host's last one was told.
      for (const n of state.notices) if (n.source === 'embed') state.dismissNotice(n.id);
      const refused = [...command.refused, ...applySettings(store, command.settings)];
      if (refused.length > 0) {
        state.addNotices('embed', refused);
        for (const text of refused) post(errorMessage(text));
      }
    }
  };
  self.addEventListener('message', onMessage);

  const unsubscribe = store.subscribe((state, previous) => {
    // The reader started a run: a notice asking for that has done its job.
    const started = (now: string, before: string) => now === 'running' && before !== 'running';
    if (
      started(state.status, previous.status) ||
      started(state.comparison.status, previous.comparison.status)
    ) {
      for (const n of state.notices) if (n.text === refusedRun) state.dismissNotice(n.id);
    }
    if (state.status === 'error' && previous.status !== 'error') {
      post(errorMessage(`The run failed: ${state.error ?? 'unknown error'}`));
    }
    if (state.result !== previous.result && state.status === 'done' && state.result) {
      report(resultMessage(state.result));
    }
    const now = state.comparison;
    const before = previous.comparison;
    if (now === before) return;
    for (const { side } of COMPARE_SIDES) {
      const result = now[side];
      if (result && result !== before[side]) report({ ...resultMessage(result)!, side });
    }
    if (now.status === 'error' && before.status !== 'error') {
      post(errorMessage(`The comparison failed: ${now.error ?? 'unknown error'}`));
    }
  });

  let lastHeight = -1;
  const stopWatching = deps.watchHeight((height) => {
    const message = heightMessage(height);
    // Zero is the document before its first render: no size worth giving the frame.
    if (message.height <= 0 || message.height === lastHeight) return;
    lastHeight = message.height;
    post(message);
  });

  ready();
  return () => {
    self.removeEventListener('message', onMessage);
    unsubscribe();
    stopWatching();
  };
}
