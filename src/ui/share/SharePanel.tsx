import { useRef, useState } from 'react';
import { onDemand } from '../../shared/onDemand';
import { TimelineDownloads } from './TimelineDownloads';
import './share.css';

// The dialog loads when first opened: most visits never share.
const ShareDialog = onDemand(() => import('./ShareDialog').then((m) => m.ShareDialog)).Component;

/** For writers: the Share dialog (link and embed snippets) and the timeline as a picture. */
export function SharePanel() {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <section className="panel share-panel" aria-label="Share and export">
      <button ref={opener} type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Share
      </button>
      <TimelineDownloads />
      {open && (
        <ShareDialog
          onClose={() => {
            setOpen(false);
            // Back where the reader was, whatever closed the dialog.
            opener.current?.focus();
          }}
        />
      )}
    </section>
  );
}
