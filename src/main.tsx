import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startHostBridge } from './embed/hostBridge';
import { releaseWorkers } from './store/engines';
import { openFromPage } from './store/openFromPage';
import { syncWithUrl } from './store/urlSync';
import { App } from './ui/App';
import { followTheme } from './ui/theme';
import './ui/styles.css';

// Settings come from the URL before the first render, so the first view is the right one.
syncWithUrl();
openFromPage();
followTheme();
// Framed (a blog's embed): talk to the host page. A top-level page has no one to talk to.
if (window.parent !== window) startHostBridge();
// Leaving the page (or a host removing the embed) mid-run must not leave workers spinning.
window.addEventListener('pagehide', releaseWorkers);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
