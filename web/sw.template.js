// The service worker: precaches every file the page needs under a cache named after the
// files' content hash, so one deployment is always served whole (never old and new mixed).
// A new version installs beside the old one and waits; the page offers "Update" and the new
// worker then takes over and deletes the old caches. The build fills in the two constants.
'use strict';
const VERSION = '__CACHE_VERSION__';
const FILES = __PRECACHE_FILES__;
const CACHE = 'dosecheck-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, {cache: 'reload'})))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name.startsWith('dosecheck-') && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'dosechecker:activate-update') self.skipWaiting();
  if (event.data && event.data.type === 'dosechecker:version' && event.ports[0]) event.ports[0].postMessage(VERSION);
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // The page is cached without its query (the inputs live in the URL, the file does not
    // change), and the folder address "/" is the same page as "/index.html".
    let cached = await cache.match(request, {ignoreSearch: request.mode === 'navigate'});
    if (!cached && request.mode === 'navigate' && new URL(request.url).pathname.endsWith('/'))
      cached = await cache.match(new URL('index.html', request.url).href);
    return cached || fetch(request);
  })());
});
