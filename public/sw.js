// Entraide's service worker: makes the app open offline after the first visit.
//
// scripts/post-build.mjs replaces the two placeholders below at every build: the list of files
// to keep, and a version computed from their content. A new build therefore gives a new worker,
// which caches the new files and, once it takes over, deletes every older cache. The app asks
// the person before switching to a new version (nothing is reloaded behind their back).
// This worker never contacts any other site, and only ever keeps the app's own static files.
const VERSION = "__ENTRAIDE_VERSION__";
const PRECACHE = __ENTRAIDE_PRECACHE__;
const CACHE = `entraide-app-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("entraide-app-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "entraide:activate-update") self.skipWaiting();
  if (event.data === "entraide:version" && event.source) event.source.postMessage({ version: VERSION });
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Screens are client-side routes: every navigation gets the app's page.
  if (request.mode === "navigate") {
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match("/index.html")).then((cached) => cached || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })).then((cached) => cached || fetch(request)),
  );
});
