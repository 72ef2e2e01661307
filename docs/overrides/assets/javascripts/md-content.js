/* Material for MkDocs' content script (partials/javascripts/content.html, 9.8), moved out
 * of the page for the Content-Security-Policy: a link to a content tab opens that tab. */
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();
