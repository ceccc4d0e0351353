// The service worker: precaches every file the page needs under a cache named after the
// files' content hash, so one deployment is always served whole (never old and new mixed).
// Each file's SHA-256 is written in below by the build: a file is cached only when its bytes
// match (an HTML error page in place of the wasm is never cached), and a cached copy is
// checked again before it is served (a damaged entry is dropped and fetched anew).
// A new version installs beside the old one and waits; the page offers "Update" and the new
// worker then takes over and deletes the old caches. The build fills in the two constants.
'use strict';
const VERSION = '__CACHE_VERSION__';
const FILES = __PRECACHE_FILES__;  // './path' -> SHA-256 (hex) of the deployed bytes
const CACHE = 'dosecheck-' + VERSION;

async function sha256(response) {
  const digest = await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

// One file from the network, refused unless it is exactly this deployment's.
async function fetchVerified(path) {
  const response = await fetch(new Request(path, {cache: 'reload'}));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  if (await sha256(response) !== FILES[path]) throw new Error(`${path}: the bytes are not this deployment's`);
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      for (const path of Object.keys(FILES)) await cache.put(path, await fetchVerified(path));
    } catch (error) {
      await caches.delete(CACHE);  // nothing half-made or wrong stays behind
      throw error;
    }
  })());
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

// The precached file a request asks for ('./index.html' for the folder itself), or null. The
// query is ignored: it holds no inputs (they are in the fragment), only how the page runs.
function precachedPath(url) {
  const scope = new URL(self.registration.scope).pathname;
  if (!url.pathname.startsWith(scope)) return null;
  const path = './' + (url.pathname.slice(scope.length) || 'index.html');
  return Object.prototype.hasOwnProperty.call(FILES, path) ? path : null;
}

async function serve(path) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(path);
  if (cached && await sha256(cached) === FILES[path]) return cached;
  if (cached) await cache.delete(path);  // damaged: never served
  try {
    const fresh = await fetchVerified(path);
    await cache.put(path, fresh.clone());
    return fresh;
  } catch (error) {
    return new Response(`The dose checker's file ${path} could not be loaded intact (${error.message}).`,
                        {status: 503, headers: {'Content-Type': 'text/plain; charset=utf-8'}});
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const path = precachedPath(url);
  if (path) event.respondWith(serve(path));
});
