/* painguide's offline worker for one language; `painguide build` writes it as sw.js with
 * the settings below filled in (see painguide/offline.py). Do not edit the copy in site/.
 *
 * Pages come from the network when it answers within NETWORK_WAIT_MS, so an online reader
 * always gets the current document; otherwise from this build's cache, and then the page
 * carries data-offline-saved on <html>, which the page shows next to the document's
 * version ("Saved for offline on …"). A cached page is never served without that mark.
 * Other files are served from the cache: they belong to the same build as its pages.
 */
"use strict";

var SETTINGS = /*SETTINGS*/{};
var PREFIX = "painguide-" + SETTINGS.lang + "-";
var CACHE = PREFIX + SETTINGS.build;
var MANIFEST = "painguide-manifest.json";
var SAVED = "x-painguide-saved";
var NETWORK_WAIT_MS = 3000;
var PARALLEL = 6;
var SCOPE = new URL(self.registration.scope);

function keyOf(url) {
  if (url.origin !== SCOPE.origin || url.pathname.indexOf(SCOPE.pathname) !== 0) return null;
  var rel = decodeURI(url.pathname.slice(SCOPE.pathname.length));
  if (SETTINGS.skip.some(function (s) { return rel.indexOf(s) === 0; })) return null;
  if (/(^|\/)index\.html$/.test(rel)) rel = rel.slice(0, -"index.html".length);
  if (!(rel in SETTINGS.files) && (rel + "/") in SETTINGS.files) rel += "/";
  return rel;
}

function absolute(rel) {
  return new URL(rel, SCOPE).href;
}

async function previousCache() {
  var names = (await caches.keys()).filter(function (n) { return n.indexOf(PREFIX) === 0 && n !== CACHE; });
  for (var i = names.length - 1; i >= 0; i--) {
    var cache = await caches.open(names[i]);
    var listed = await cache.match(absolute(MANIFEST));
    if (listed) return { cache: cache, files: await listed.json() };
  }
  return null;
}

async function saveOne(cache, old, rel, now) {
  var url = absolute(rel);
  if (old && old.files[rel] === SETTINGS.files[rel]) {
    var kept = await old.cache.match(url);
    if (kept) return cache.put(url, kept);
  }
  var response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) throw new Error("offline copy: " + url + " answered " + response.status);
  var headers = new Headers(response.headers);
  headers.set(SAVED, now);
  return cache.put(url, new Response(await response.blob(), { status: 200, headers: headers }));
}

async function precache() {
  var cache = await caches.open(CACHE);
  var old = await previousCache();
  var now = new Date().toISOString();
  var queue = Object.keys(SETTINGS.files);
  async function worker() {
    while (queue.length) await saveOne(cache, old, queue.shift(), now);
  }
  var workers = [];
  for (var i = 0; i < PARALLEL; i++) workers.push(worker());
  await Promise.all(workers);
  // Written last: a cache without its list is never taken as a complete previous build.
  await cache.put(absolute(MANIFEST), new Response(JSON.stringify(SETTINGS.files)));
}

self.addEventListener("install", function (event) {
  event.waitUntil(precache());
});

self.addEventListener("activate", function (event) {
  event.waitUntil((async function () {
    var names = await caches.keys();
    await Promise.all(names.filter(function (n) { return n.indexOf(PREFIX) === 0 && n !== CACHE; })
      .map(function (n) { return caches.delete(n); }));
    await self.clients.claim();
  })());
});

// The page's update banner asks a waiting worker to take over, then reloads.
self.addEventListener("message", function (event) {
  if (event.data === "painguide:activate") self.skipWaiting();
});

async function fromCache(rel) {
  if (rel === null || !(rel in SETTINGS.files)) return null;
  var cache = await caches.open(CACHE);
  return cache.match(absolute(rel));
}

async function marked(response, status) {
  var saved = response.headers.get(SAVED) || "";
  var html = await response.text();
  html = html.replace(/<html\b/i, '<html data-offline-saved="' + saved.replace(/[^0-9TZ:.\-]/g, "") + '"');
  var headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(html, { status: status || 200, headers: headers });
}

function networkWithin(request, ms) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error("network too slow")); }, ms);
    fetch(request).then(function (r) { clearTimeout(timer); resolve(r); },
      function (e) { clearTimeout(timer); reject(e); });
  });
}

async function page(request, rel) {
  try {
    // Ask the server, not the browser's HTTP cache: a page from that cache would be a
    // stale copy without the mark.
    return await networkWithin(new Request(request, { cache: "no-cache" }), NETWORK_WAIT_MS);
  } catch (e) {
    var hit = await fromCache(rel);
    if (hit) return marked(hit);
    var missing = await fromCache("404.html");
    if (missing) return marked(missing, 404);
    return Response.error();
  }
}

async function file(request, rel) {
  return (await fromCache(rel)) || fetch(request);
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var rel = keyOf(new URL(request.url));
  if (rel === null) return;
  if (request.mode === "navigate") event.respondWith(page(request, rel));
  else if (rel in SETTINGS.files) event.respondWith(file(request, rel));
});
