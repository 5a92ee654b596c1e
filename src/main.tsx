import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { syncWithUrl } from './store/urlSync';
import { App } from './ui/App';
import './ui/styles.css';

// Settings come from the URL before the first render, so the first view is the right one.
syncWithUrl();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
