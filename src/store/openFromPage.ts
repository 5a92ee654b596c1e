import { CHALLENGES, challengeConfig } from '../core/challenges';
import { embedView } from '../embed/views';
import { useLab } from './labStore';

/** Where a trace file may be fetched from, and how; the browser's by default. */
export interface TraceUrlDeps {
  fetch(url: string): Promise<Pick<Response, 'ok' | 'status' | 'blob'>>;
  /** The page's own address: the trace must be on its origin. */
  base: string;
}

const browserDeps = (): TraceUrlDeps => ({
  fetch: (url) => fetch(url, { credentials: 'same-origin' }),
  base: location.href,
});

/**
 * Open the trace file at `url` (on this origin only: the page asks nothing of any other) and
 * play it. Anything wrong becomes a notice; the page stays as it was.
 */
export async function openTraceUrl(url: string, deps: TraceUrlDeps = browserDeps()): Promise<void> {
  const { addNotices } = useLab.getState();
  const refuse = (why: string) => addNotices('url', [`Could not open trace-url ${url}: ${why}`]);
  let target: URL;
  try {
    target = new URL(url, deps.base);
  } catch {
    return refuse('it is not a URL.');
  }
  if (target.origin !== new URL(deps.base).origin) {
    return refuse('a trace must be on the same origin as Race Lab.');
  }
  try {
    const response = await deps.fetch(target.href);
    if (!response.ok) return refuse(`the server answered ${response.status}.`);
    // Read in the trace worker like any opened file, either form; its problems become notices.
    await useLab.getState().openTrace(new File([await response.blob()], url));
    if (useLab.getState().trace) useLab.getState().play();
  } catch (e) {
    refuse(e instanceof Error ? e.message : String(e));
  }
}

/**
 * Act on the page parameters that open something: a challenge, a trace file. An embed shows
 * one view and names what it leaves out.
 */
export function openFromPage(): void {
  const { page, loadConfig, setPage, addNotices } = useLab.getState();
  if (page.embed) addNotices('url', embedView(page).ignored);
  const challenge = CHALLENGES.find((c) => c.id === page.challenge);
  if (challenge) {
    // Keep the URL's notices: loadConfig would replace them.
    const kept = useLab
      .getState()
      .notices.filter((n) => n.source === 'url')
      .map((n) => n.text);
    loadConfig(challengeConfig(challenge), kept);
    setPage({ mode: 'step' });
  }
  if (page.traceUrl) void openTraceUrl(page.traceUrl);
}
