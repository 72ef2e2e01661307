/* painguide's search: Pagefind's Component UI (a search button in the header that opens a
 * dialog with the search field and the results), over this language's own index.
 *
 * `painguide build` indexes each language's build on its own (painguide/search.py), so the
 * bundle next to this language's root (/pagefind/, /en/pagefind/) holds only its pages.
 * The interface speaks the page's language (Pagefind's translations, read from <html lang>).
 * Each result shows the document's kind and "Draft" where it applies: the generator puts
 * both on the page as Pagefind metadata (painguide/search.py, search_meta).
 * Without JavaScript, or before the site is indexed (the live preview), there is no button.
 */
(function () {
  "use strict";

  var configEl = document.getElementById("__config");
  var header = document.querySelector(".md-header__inner");
  if (!configEl || !header || window.location.protocol === "file:") return;
  var base = JSON.parse(configEl.textContent).base;
  var root = new URL(base.replace(/\/?$/, "/"), window.location.href);
  var bundle = new URL("pagefind/", root);

  function element(tag, attributes, children) {
    var el = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { el.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) { if (child) el.appendChild(child); });
    return el;
  }

  function text(tag, attributes, value) {
    var el = element(tag, attributes);
    el.textContent = value;
    return el;
  }

  function excerpt(tag, attributes, html) {
    // Pagefind's excerpt: the page's own text, escaped, with <mark> around the matched words.
    var el = element(tag, attributes);
    el.innerHTML = html;
    return el;
  }

  var serial = 0;

  // One result: its title (the link), its kind and draft state, the excerpt, and up to three
  // sections of the page that match, each a link of its own.
  function resultTemplate(instance) {
    return function (result) {
      var meta = result.meta || {};
      var id = "pg-search-result-" + (++serial);
      var about = [meta.kind, meta.draft].filter(Boolean).join(" · ");
      var described = [about ? id + "-kind" : "", result.excerpt ? id + "-excerpt" : ""].filter(Boolean).join(" ");
      var link = text("a", { "class": "pf-result-link", href: meta.url || result.url }, meta.title || result.url);
      if (described) link.setAttribute("aria-describedby", described);
      var kind = null;
      if (about) {
        kind = element("p", { "class": "pg-search-kind", id: id + "-kind" }, [
          meta.kind ? text("span", { "class": "pg-search-kind__name" }, meta.kind) : null,
          meta.draft ? text("span", { "class": "pg-search-kind__draft" }, meta.draft) : null
        ]);
      }
      var content = element("div", { "class": "pf-result-content" }, [
        element("p", { "class": "pf-result-title" }, [link]),
        kind,
        result.excerpt ? excerpt("p", { "class": "pf-result-excerpt", id: id + "-excerpt" }, result.excerpt) : null
      ]);
      var item = element("li", { "class": "pf-result" }, [element("div", { "class": "pf-result-card" }, [content])]);
      // A section is worth listing when it is not the page's own title again.
      var sections = (instance ? instance.getDisplaySubResults(result, 3) : []).filter(function (sub) {
        return sub.title && sub.title !== meta.title;
      });
      if (sections.length) {
        item.appendChild(element("ul", { "class": "pf-heading-chips" }, sections.map(function (sub) {
          return element("li", { "class": "pf-heading-chip" }, [
            text("a", { "class": "pf-heading-link", href: sub.url }, sub.title),
            sub.excerpt ? excerpt("p", { "class": "pf-heading-excerpt" }, sub.excerpt) : null
          ]);
        })));
      }
      return item;
    };
  }

  function build() {
    var components = window.PagefindComponents;
    if (!components || document.querySelector(".pg-search")) return;
    // Result links are the index's URLs (relative to the language's build) under this
    // language's root, wherever the site is served.
    var instance = components.configureInstance("default", { bundlePath: bundle.pathname, baseUrl: root.pathname });
    instance.setLanguage(document.documentElement.lang);
    // The button's visible text is its name (WCAG 2.5.3); Ctrl+K still opens the dialog and
    // the button says so (aria-keyshortcuts).
    var trigger = element("pagefind-modal-trigger", { placeholder: instance.translate("placeholder") || "Search", "hide-shortcut": "" });
    var results = element("pagefind-results");
    results.resultTemplate = resultTemplate(instance);
    var modal = element("pagefind-modal", { "class": "pg-search__modal" }, [
      element("pagefind-modal-header", {}, [element("pagefind-input")]),
      element("pagefind-modal-body", {}, [element("pagefind-summary"), results]),
      element("pagefind-modal-footer", {}, [element("pagefind-keyboard-hints")])
    ]);
    header.appendChild(element("div", { "class": "md-header__option pg-search" }, [trigger, modal]));
  }

  var style = element("link", { rel: "stylesheet", href: new URL("pagefind-component-ui.css", bundle).href });
  var script = element("script", { src: new URL("pagefind-component-ui.js", bundle).href });
  script.addEventListener("load", build);
  document.head.appendChild(style);
  document.head.appendChild(script);
})();
