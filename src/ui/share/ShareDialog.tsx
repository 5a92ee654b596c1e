import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  DEFAULT_LOOK,
  embedTitle,
  embedUrl,
  fullPageUrl,
  iframeHeight,
  iframeSnippet,
  posterUrl,
  scriptSnippet,
  settingsQuery,
  type EmbedLook,
} from '../../embed/snippets';
import {
  componentSnippet,
  elementSnippet,
  viewQuery,
  withView,
} from '../../embed/componentSnippets';
import { useLab } from '../../store/labStore';
import { selectConfig, selectPage } from '../../store/selectors';

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * Keep Tab inside the dialog: from its last control to its first and back. A modal dialog
 * makes the page inert, but the browser would still let focus leave for its own toolbar.
 */
function trapTab(e: KeyboardEvent<HTMLDialogElement>): void {
  if (e.key !== 'Tab') return;
  const all = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || active === e.currentTarget)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

/** Put `text` on the clipboard; where the browser will not, select it for the reader to copy. */
async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement) {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return 'Copied.';
  } catch {
    field.focus();
    field.select();
    return 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
  }
}

interface CopyFieldProps {
  label: string;
  value: string;
  /** Lines shown; one line is a plain text field. */
  rows?: number;
}

/** A read-only text with its label, a Copy button and a word on how the copy went. */
function CopyField({ label, value, rows = 1 }: CopyFieldProps) {
  const id = useId();
  const field = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const [status, setStatus] = useState('');
  const keep = (el: HTMLInputElement | HTMLTextAreaElement | null) => {
    field.current = el;
  };
  return (
    <div className="share-field">
      <label htmlFor={id}>{label}</label>
      {rows > 1 ? (
        <textarea id={id} ref={keep} readOnly rows={rows} value={value} spellCheck={false} />
      ) : (
        <input id={id} ref={keep} readOnly value={value} spellCheck={false} />
      )}
      <div className="share-copy">
        <button
          type="button"
          aria-label={`Copy ${label.toLowerCase()}`}
          onClick={() => {
            const el = field.current;
            if (el) void copyText(value, el).then(setStatus);
          }}
        >
          Copy
        </button>
        <span role="status">{status}</span>
      </div>
    </div>
  );
}

/**
 * The Share dialog: a link with the whole state, and the iframe and script snippets that put
 * these settings in a blog post. Modal; Escape or Close ends it and `onClose` runs.
 */
export function ShareDialog({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const themeId = useId();
  const transparentId = useId();
  const config = useLab(selectConfig);
  const page = useLab(selectPage);
  const [look, setLook] = useState<EmbedLook>(DEFAULT_LOOK);
  // Ends the dialog once. Escape and Close end it at once rather than on the native `close`
  // event, which comes a task later: by then a quick Enter on Share could have reopened it.
  const ended = useRef(false);
  const end = () => {
    if (ended.current) return;
    ended.current = true;
    // Leave the modal state first: while it lasts, the page behind cannot take focus.
    if (dialog.current?.open) dialog.current.close();
    onClose();
  };

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    el.showModal();
    // Start on the link, selected: the thing most people came for.
    const link = el.querySelector('input');
    link?.focus();
    link?.select();
    return () => {
      if (el.open) el.close();
    };
  }, []);

  const app = location.origin + location.pathname;
  const title = embedTitle(config);
  const script = new URL('embed.js', document.baseURI).href;
  // The embed opens on the view the writer is looking at: step mode, a challenge, compare…
  const view = viewQuery(page);
  const settings = withView(settingsQuery(config, look), view);
  const fullPage = fullPageUrl(app, config, page);
  const withViewUrl = (url: string) => (view.size > 0 ? `${url}&${view}` : url);
  return (
    <dialog
      ref={dialog}
      className="share-dialog"
      aria-labelledby={headingId}
      onCancel={(e) => {
        e.preventDefault();
        end();
      }}
      onClose={end}
      onKeyDown={trapTab}
    >
      <h2 id={headingId}>Share these settings</h2>
      <CopyField label="Link" value={location.href} />
      <div className="share-theme">
        <label htmlFor={themeId}>Embed colours</label>
        <select
          id={themeId}
          value={look.theme}
          onChange={(e) => setLook({ ...look, theme: e.target.value as EmbedLook['theme'] })}
        >
          <option value="page">Follow the page (light or dark)</option>
          <option value="auto">Follow the reader's system (auto)</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
        <label htmlFor={transparentId}>
          <input
            id={transparentId}
            type="checkbox"
            checked={look.background === 'transparent'}
            onChange={(e) =>
              setLook({ ...look, background: e.target.checked ? 'transparent' : 'opaque' })
            }
          />{' '}
          Transparent background
        </label>
      </div>
      <CopyField
        label="Script snippet"
        value={scriptSnippet(script, settings, title, {
          href: fullPage,
          poster: posterUrl(app, config),
        })}
        rows={4}
      />
      <CopyField
        label="Custom element snippet"
        value={elementSnippet(script, settings, title, fullPage)}
        rows={3}
      />
      <CopyField
        label="React component snippet"
        value={componentSnippet(app, settings, title)}
        rows={3}
      />
      <CopyField
        label="Iframe snippet"
        value={iframeSnippet(withViewUrl(embedUrl(app, config, look)), title, iframeHeight(config))}
        rows={4}
      />
      <p className="field-hint">
        The script snippet reserves the embed's height, follows the page's light or dark theme and
        shows its link until the frame is ready. The iframe is {iframeHeight(config)} px high: it
        holds a run at 360 px wide and more. Both paste into HTML and MDX unchanged, and run nothing
        until the reader presses Run. The custom element needs only embed.js; the React component
        comes from the race-lab-embed package on npm. See docs/embedding.md.
      </p>
      <div className="share-actions">
        <button type="button" onClick={end}>
          Close
        </button>
      </div>
    </dialog>
  );
}
