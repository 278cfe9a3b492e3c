// HTTP Study's service worker, written into the build as sw.js by scripts/post-build.mjs, which
// fills in the three names below. It makes the app work offline after one visit:
// - install: precache this release's files under CACHE (a name made from their contents);
// - activate: delete every other HTTP Study cache, so an old release's files do not linger;
// - fetch: pages come from the network when it answers and from the cached app otherwise (the app
//   routes in the browser, so one page serves every path); files come from the cache first (their
//   names carry a content hash, so a cached copy is never stale).
const CACHE = __CACHE__;
const SHELL = __SHELL__;
const FILES = __FILES__;
const PREFIX = "http-study-";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(SHELL, { cacheName: CACHE }).then((page) => page || Response.error()),
      ),
    );
    return;
  }
  // Any HTTP Study cache will do: a hashed name always holds the same bytes. (Naming CACHE here
  // would let a page still run by the old worker bring the old release's cache back to life.)
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
