/* Material for MkDocs' head script (partials/javascripts/base.html, 9.8), moved out of the
 * page so that the site needs no inline script under its Content-Security-Policy.
 * The scope (the site's root) comes from the script tag's data-md-scope attribute.
 * Globals on purpose: Material's bundle and its other small scripts call them.
 */
/* eslint-disable no-implicit-globals */
(function (script) {
  var scope = script && script.getAttribute("data-md-scope");
  window.__md_scope = new URL(scope || ".", location);
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    try { storage.setItem(base.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* storage full or off */ }
  };
})(document.currentScript);
