// The live preview's script (`painguide serve` only; the published site never has it).
// It reloads the page when the preview has built something new, and shows the content's
// errors in a banner at the top of the page: the page itself is the last good version.
(function () {
  "use strict";
  var version = Number(document.currentScript.getAttribute("data-version"));

  function banner(errors) {
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.className = "pg-preview-errors";
    box.style.cssText = "position:relative;z-index:10;margin:0;padding:.8em 1.2em;background:#7a0000;color:#fff;" +
      "font:0.8rem/1.4 system-ui,sans-serif;max-height:40vh;overflow:auto";
    var title = document.createElement("p");
    title.style.cssText = "margin:0 0 .4em;font-weight:bold";
    title.textContent = errors.length + (errors.length === 1 ? " content error" : " content errors") +
      "; the preview shows the last good version of the page. (painguide serve)";
    box.appendChild(title);
    var list = document.createElement("ul");
    list.style.cssText = "margin:0;padding-left:1.2em";
    errors.forEach(function (text) {
      var item = document.createElement("li");
      var code = document.createElement("code");
      code.style.cssText = "color:inherit;background:none;white-space:pre-wrap";
      code.textContent = text;
      item.appendChild(code);
      list.appendChild(item);
    });
    box.appendChild(list);
    document.body.insertBefore(box, document.body.firstChild);
  }

  function wait() {
    // The server answers when there is a newer version, or after a while with the same one.
    fetch("/_preview/wait?version=" + version, { cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (text) {
        if (Number(text) > version) {
          location.reload();
        } else {
          wait();
        }
      }, function () { setTimeout(wait, 2000); });
  }

  fetch("/_preview/status.json", { cache: "no-store" })
    .then(function (response) { return response.json(); })
    .then(function (status) {
      if (status.errors.length) {
        banner(status.errors);
      }
    });
  wait();
})();
