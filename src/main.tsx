import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startHostBridge } from './embed/hostBridge';
import { releaseWorkers } from './store/engines';
import { useLab } from './store/labStore';
import { openFromPage } from './store/openFromPage';
import { syncWithUrl } from './store/urlSync';
import { App } from './ui/App';
import { followTheme } from './ui/theme';
import './shared/palette.css';
import './ui/styles.css';
import './ui/panels.css';
// Last: its phone and touch rules override the others' at the same specificity.
import './ui/phones.css';

// Settings come from the URL before the first render, so the first view is the right one.
syncWithUrl();
openFromPage();
followTheme();
// Which engine runs here, checked once. An embed starts no worker before Run, so it probes
// module workers only then; the checks that need none can already explain a fallback.
if (useLab.getState().page.embed) useLab.getState().checkEngineQuickly();
else void useLab.getState().detectEngine();
// Framed (a blog's embed): talk to the host page. A top-level page has no one to talk to.
if (window.parent !== window) startHostBridge();
// Leaving the page (or a host removing the embed) mid-run must not leave workers spinning.
window.addEventListener('pagehide', releaseWorkers);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
