/* painguide on every page: print date, keyboard access to abbreviations and wide tables,
 * the offline copy; and, on pages that need it, painguide-interactive.js.
 */
(function () {
  "use strict";

  var INTERACTIVE = ".pg-listen, .pg-quiz[data-quiz], .pg-assessment[data-assessment], .pg-checklist[data-checklist], .pg-register table";
  // On a module page the questions come after long reading, so the script is fetched only
  // when one comes within a screen of view, is touched, or the page opens at the self-check.
  var LATER = ".pg-question, .pg-quiz[data-quiz]";
  // Next to this file, minified or not (mkdocs-minify-plugin renames both the same way).
  var interactiveSrc = document.currentScript && document.currentScript.src.replace(/painguide(\.min)?\.js/, "painguide-interactive$1.js");

  function stampPrintDate() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var text = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    document.querySelectorAll("[data-print-date]").forEach(function (el) { el.textContent = text; });
  }

  // A table too wide for the screen scrolls sideways; keyboard users must be able to
  // reach the scroller to scroll it (WCAG 2.1.1, axe scrollable-region-focusable).
  // A region's name must be unique on the page (axe landmark-unique): a packet repeats
  // the region's contact table under each PM, so a repeated caption takes its document's title.
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset .pg-table, .md-typeset .md-typeset__scrollwrap").forEach(function (box) {
      if (box.hasAttribute("tabindex") || box.scrollWidth <= box.clientWidth) return;
      box.setAttribute("tabindex", "0");
      var caption = box.querySelector("caption");
      if (caption) {
        var name = caption.textContent.trim();
        var doc = box.closest(".pg-packet-doc");
        var title = doc && doc.querySelector("h2");
        if (title) name += " – " + title.textContent.replace(/\u00b6/g, "").trim();
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", name);
      }
    });
  }

  // Offline copy (service worker: painguide/offline_worker.js, written as sw.js at the
  // root of each language). Never under file://, where nothing is cached.
  function offlineLabels() {
    var el = document.getElementById("pg-offline-labels");
    try { return el ? JSON.parse(el.textContent) : null; } catch (e) { return null; }
  }

  // A page from the offline copy says so, next to the document's version.
  function showOfflineMark(labels) {
    var saved = document.documentElement.getAttribute("data-offline-saved");
    if (saved === null || !labels) return;
    var date = saved.slice(0, 10) || "?";
    var line = document.querySelector(".md-content .pg-docline");
    var mark = document.createElement(line ? "span" : "p");
    mark.className = "pg-offline-mark";
    mark.textContent = (line ? " · " : "") + labels.saved + " " + date;
    if (line) line.appendChild(mark);
    else {
      var title = document.querySelector(".md-content h1");
      if (title) title.insertAdjacentElement("afterend", mark);
    }
  }

  function showUpdateBanner(labels, waiting) {
    if (!labels || document.querySelector(".pg-update")) return;
    var banner = document.createElement("div");
    banner.className = "pg-update";
    banner.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = labels.update + " ";
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = labels.reload;
    button.addEventListener("click", function () {
      navigator.serviceWorker.addEventListener("controllerchange", function () { window.location.reload(); });
      waiting.postMessage("painguide:activate");
    });
    banner.appendChild(text);
    banner.appendChild(button);
    document.body.appendChild(banner);
  }

  function setupOffline() {
    var labels = offlineLabels();
    if (window.location.protocol === "file:" || !("serviceWorker" in navigator) || !window.isSecureContext) return;
    var config = JSON.parse(document.getElementById("__config").textContent);
    var root = new URL(config.base.replace(/\/?$/, "/"), window.location.href);
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname }).then(function (reg) {
      function offer(worker) {
        // Only an update of this language's copy: a first install takes over at once and
        // needs no reload (an English page may meanwhile be controlled by the Swedish worker).
        if (worker && reg.active) showUpdateBanner(labels, worker);
      }
      function watch(worker) {
        worker.addEventListener("statechange", function () { if (worker.state === "installed") offer(reg.waiting); });
      }
      offer(reg.waiting);
      if (reg.installing) watch(reg.installing);
      reg.addEventListener("updatefound", function () { watch(reg.installing); });
      window.addEventListener("online", function () { reg.update().catch(function () {}); });
    }).catch(function () { /* no offline copy; the site works as before */ });
  }

  function loadInteractive() {
    if (!interactiveSrc || document.querySelector("script[data-pg-interactive]")) return;
    var script = document.createElement("script");
    script.src = interactiveSrc;
    script.setAttribute("data-pg-interactive", "");
    document.body.appendChild(script);
  }

  function loadInteractiveWhenNeeded() {
    var later = document.querySelectorAll(LATER);
    var now = Array.prototype.some.call(document.querySelectorAll(INTERACTIVE), function (el) { return !el.matches(LATER); });
    if (now || !later.length || !("IntersectionObserver" in window) || /^#self-check/.test(window.location.hash)) {
      if (now || later.length) loadInteractive();
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { observer.disconnect(); loadInteractive(); }
    }, { rootMargin: "100% 0px" });
    later.forEach(function (el) {
      observer.observe(el);
      el.addEventListener("focusin", loadInteractive, { once: true });
      el.addEventListener("pointerdown", loadInteractive, { once: true });
    });
    window.addEventListener("hashchange", function () { if (/^#self-check/.test(window.location.hash)) loadInteractive(); });
  }

  // A learner back at a module more than the proposed months after its self-check is asked
  // to take it again before the next patient; the date comes from the saved answers
  // (painguide-interactive.js), which hold no name.
  function refresherNote() {
    var note = document.querySelector(".pg-refresher[data-quiz-refresher]");
    var quiz = document.querySelector(".pg-quiz[data-quiz]");
    if (!note || !quiz) return;
    var done = null;
    try {
      var key = "painguide:quiz:" + quiz.getAttribute("data-quiz") + ":v" + quiz.getAttribute("data-version");
      done = JSON.parse(window.localStorage.getItem(key) || "{}").done;
    } catch (e) { return; }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(done))) return;
    var due = new Date(done + "T12:00:00");
    var months = Number(note.getAttribute("data-months"));
    due.setMonth(due.getMonth() + months);
    if (new Date() < due) return;
    note.textContent = note.getAttribute("data-label").replace("{date}", done).replace("{m}", months);
    note.hidden = false;
  }

  function init() {
    loadInteractiveWhenNeeded();
    refresherNote();
    stampPrintDate();
    showOfflineMark(offlineLabels());
    // Abbreviations explain themselves on hover; make them reachable by keyboard too.
    document.querySelectorAll(".md-typeset abbr[title]").forEach(function (abbr) {
      if (!abbr.hasAttribute("tabindex")) abbr.setAttribute("tabindex", "0");
    });
  }

  window.addEventListener("beforeprint", stampPrintDate);
  // After the page has loaded, so the offline copy never competes with the page itself.
  window.addEventListener("load", setupOffline);
  window.addEventListener("load", focusableScrollers);
  window.addEventListener("resize", focusableScrollers);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
