import '@mantine/core/styles.css';
import './app/app.css';
import './i18n/index.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';

/** True in production builds (src/web/vite.config.ts): only they have a service worker to register. */
declare const __AYNI_SERVICE_WORKER__: boolean;

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The app opens offline after one visit (src/web/public/sw.js). Browsers offer service workers only
// on https:// and on localhost; a server reached by plain http on a LAN address does without.
if (
  typeof __AYNI_SERVICE_WORKER__ !== 'undefined' &&
  __AYNI_SERVICE_WORKER__ &&
  'serviceWorker' in navigator &&
  (window.location.protocol === 'https:' || window.location.protocol === 'http:')
) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      console.warn('Ayni: the service worker could not be registered; the app will not open offline.', error);
    });
  });
}
