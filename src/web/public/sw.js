// Ayni's service worker: the app opens without a connection after one visit online.
//
// - The build's shell (index.html and its hashed scripts and styles) is kept in a cache named after
//   the build; a new build is a new sw.js, which fills a new cache and deletes the old ones.
// - Pages: the network first, the kept index.html when there is no answer (the app routes itself).
// - Hashed assets never change: from the cache, else the network (and then kept: the map's code,
//   left out of the precache for its size, is kept once opened).
// - /api/ is never touched: it always goes to the network. Offline writes are the app's own business
//   (the collection desk keeps its tickets in a queue on the device).
//
// `BUILD` below is filled in by the build (src/web/vite.config.ts); as written here (dev) it keeps
// nothing.

/** @type {{ version: string, files: string[] }} */
const BUILD = { version: 'dev', files: [] }; // ayni:build

const CACHE = `ayni-shell-${BUILD.version}`;
const SHELL = '/index.html';
/** A page that has not answered in this long is served from the cache (a link that hangs). */
const NAVIGATION_TIMEOUT_MS = 10_000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Revalidated against the server, never taken stale from the HTTP cache.
      await cache.addAll(BUILD.files.map((url) => new Request(url, { cache: 'no-cache' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('ayni-shell-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname === '/healthz') return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(event, request));
  else if (BUILD.files.includes(url.pathname)) event.respondWith(asset(event, request));
});

async function page(request) {
  const shell = await caches.match(SHELL, { cacheName: CACHE, ignoreVary: true });
  const network = fetch(request);
  if (!shell) return network;
  network.catch(() => {}); // answered from the cache meanwhile: a late failure is nobody's concern
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), NAVIGATION_TIMEOUT_MS);
  });
  try {
    const response = await Promise.race([network, timeout]);
    // No answer in time, or a proxy saying the server is down: the app from the cache.
    if (response === null || (response.status >= 502 && response.status <= 504)) return shell;
    return response;
  } catch {
    return shell;
  } finally {
    clearTimeout(timer);
  }
}

async function asset(event, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.startsWith('/assets/')) {
    event.waitUntil(cache.put(request, response.clone()));
  }
  return response;
}
