import { useLab } from '../store/labStore';
import { selectNotices } from '../store/selectors';

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

/** Says plainly when the page has no shared memory, and what the host must send. */
export function IsolationNotice() {
  if (globalThis.crossOriginIsolated) return null;
  return (
    <div role="alert" className="notice notice-isolation">
      <strong>
        This page is not cross-origin isolated, so it cannot share memory between workers: runs use
        the simulated engine.
      </strong>{' '}
      The server must send <code>Cross-Origin-Opener-Policy: same-origin</code> and{' '}
      <code>Cross-Origin-Embedder-Policy: require-corp</code> (or{' '}
      <code>Document-Isolation-Policy: isolate-and-require-corp</code>) with the page and its worker
      scripts. See the README&apos;s hosting section.
    </div>
  );
}
