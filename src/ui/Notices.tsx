import { useLab } from '../store/labStore';
import { selectNotices, selectSupport } from '../store/selectors';

/** Refused input and other problems, each dismissible; announced as alerts. */
export function Notices() {
  const notices = useLab(selectNotices);
  const dismiss = useLab((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <ul className="notices">
      {notices.map((n) => (
        <li key={n.id} role="alert" className="notice">
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss message" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Reasons that the host's headers cure; the others are the browser's own limits. */
const HEADER_REASONS = new Set(['not-isolated', 'framed-not-isolated', 'worker-not-isolated']);

/** Says plainly when real workers cannot run here, why, and what the host can do about it. */
export function IsolationNotice() {
  const support = useLab(selectSupport);
  if (support?.engine !== 'simulated') return null;
  return (
    <div role="alert" className="notice notice-isolation" data-reason={support.reason}>
      <strong>
        Real workers cannot share memory here: {support.text}. Runs use the simulated engine.
      </strong>{' '}
      {HEADER_REASONS.has(support.reason) ? (
        <>
          The server must send <code>Cross-Origin-Opener-Policy: same-origin</code> and{' '}
          <code>Cross-Origin-Embedder-Policy: require-corp</code> (or{' '}
          <code>Document-Isolation-Policy: isolate-and-require-corp</code>) with the page and its
          worker scripts, on every response. See the README&apos;s hosting section.
        </>
      ) : (
        <>
          The simulated engine runs the same strategies one access at a time, so every race shows
          the same way.
        </>
      )}
    </div>
  );
}
