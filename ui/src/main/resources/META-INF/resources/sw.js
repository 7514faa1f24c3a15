// PilotLine's service worker: keeps the app shell (the page, the bundled scripts — the entry, each screen's module and
// the chunks they share — and the style; the scripts carry the dictionaries) so that a terminal that was online once
// loads again without network. It never answers for the API: reports are queued by the page itself
// (terminal-queue.js) and sent with their ids when the network is back.
// Served from the root (/sw.js), so its scope is the whole application without a Service-Worker-Allowed header.
const CACHE = 'pilotline-shell-v1';
const PAGE = '/';

/** The bundle's files the page names (/static/bundle/index-<hash>.js and .css). */
function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/static\/[^"#?]+)"/g)].map((m) => m[1]);
}

/**
 * The modules a bundle script imports: the bundle is split (each screen a module of its own, loaded when its route is
 * opened, and the chunks they share), each named by its path ("/static/bundle/terminal-<hash>.js"; "./…" relative to
 * the importing file, as esbuild writes it without a public path).
 */
function importsOf(script, path) {
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  return [...script.matchAll(/["'`](\/static\/[\w./-]+\.js|\.\/[\w.-]+\.js)["'`]/g)]
    .map((m) => (m[1].startsWith('./') ? dir + m[1].slice(2) : m[1]));
}

/** The page's assets and every module they import, transitively: all a start without network can ask for. */
async function shellFiles(html, cache) {
  const files = new Set();
  const queue = assetsOf(html);
  while (queue.length) {
    const path = queue.shift();
    if (files.has(path)) continue;
    files.add(path);
    let response = await cache.match(path);
    if (!response) {
      response = await fetch(path, { credentials: 'same-origin' });
      if (!response.ok) continue;
      await cache.put(path, response.clone());
    }
    if (path.endsWith('.js')) queue.push(...importsOf(await response.text(), path));
  }
  return files;
}

/** Keeps the page and its assets with the modules they import; drops files of earlier builds that are no longer used. */
async function keepShell(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const files = await shellFiles(html, cache);
  await cache.put(PAGE, response);
  const keep = new Set([PAGE, ...files]);
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
