// PilotLine's service worker: keeps the app shell (the page and the bundled script and style, which carry the
// dictionaries) so that a terminal that was online once loads again without network. It never answers for the API:
// reports are queued by the page itself (terminal-queue.js) and sent with their ids when the network is back.
// Served from the root (/sw.js), so its scope is the whole application without a Service-Worker-Allowed header.
const CACHE = 'pilotline-shell-v1';
const PAGE = '/';

/** The bundle's files the page names (/static/bundle/main-<hash>.js and .css). */
function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/static\/[^"#?]+)"/g)].map((m) => m[1]);
}

/** Keeps the page and its assets; drops assets of earlier builds that the page no longer names. */
async function keepShell(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const assets = assetsOf(html);
  await Promise.all(assets.map(async (path) => {
    if (!(await cache.match(path))) await cache.add(path);
  }));
  await cache.put(PAGE, response);
  const keep = new Set([PAGE, ...assets]);
  await Promise.all((await cache.keys()).map((request) => {
    const path = new URL(request.url).pathname;
    return keep.has(path) ? null : cache.delete(request);
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const response = await fetch(PAGE, { cache: 'no-store', credentials: 'same-origin' });
    if (response.ok) await keepShell(response);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith('pilotline-shell-') && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

/** The page from the network while there is one (a new build replaces the kept shell), else the kept one. */
async function page(request) {
  try {
    const response = await fetch(request);
    if (response.ok && new URL(request.url).pathname === PAGE) {
      const copy = response.clone();
      keepShell(copy).catch(() => {});
    }
    return response;
  } catch (e) {
    const kept = await caches.match(PAGE);
    if (kept) return kept;
    throw e;
  }
}

/** A bundle file's name changes with its content: the kept one is the right one, else the network's. */
async function asset(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreSearch: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone()).catch(() => {});
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && (url.pathname === PAGE || url.pathname === '/index.html')) {
    event.respondWith(page(request));
  } else if (url.pathname.startsWith('/static/bundle/') && !url.pathname.endsWith('.map')) {
    event.respondWith(asset(request));
  }
  // everything else (the API above all) goes to the network as if there were no service worker
});
