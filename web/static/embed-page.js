// The embed page, live: as the editor changes an option, the preview and
// every snippet follow, without a reload; each snippet gets a copy button.
// The server writes the snippets (it asks for this page as JSON), so they
// are escaped for their hosts in one place; this script only shows them.
// The page works without it: its form reloads it.
(function () {
  "use strict";
  var form = document.getElementById("embed-options");
  var frame = document.getElementById("embed-preview-frame");
  if (!form || !frame) return;
  var asked = 0;

  function update() {
    var q = new URLSearchParams(new FormData(form));
    q.set("format", "json");
    var n = ++asked;
    fetch(form.getAttribute("action") + "?" + q.toString(), { headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      })
      .then(function (d) {
        if (n !== asked) return; // a later change has been asked for
        if (frame.getAttribute("src") !== d.preview) frame.setAttribute("src", d.preview);
        Object.keys(d.snippets).forEach(function (name) {
          var area = document.getElementById("snippet-" + name);
          if (area) area.value = d.snippets[name];
        });
        form.removeAttribute("data-stale");
      })
      .catch(function (e) {
        if (n !== asked) return;
        form.setAttribute("data-stale", "");
        if (window.console) console.warn("explainer: could not update the snippets:", e);
      });
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
  var submit = form.querySelector(".embed-update");
  if (submit) submit.hidden = true;

  document.querySelectorAll(".embed-snippet").forEach(function (box) {
    var area = box.querySelector("textarea");
    var button = document.createElement("button");
    var status = document.createElement("span");
    button.type = "button";
    button.className = "embed-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-describedby", area.id);
    status.setAttribute("role", "status");
    status.className = "embed-copied";
    button.addEventListener("click", function () {
      var done = function () { status.textContent = "Copied"; setTimeout(function () { status.textContent = ""; }, 2000); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(area.value).then(done, function () { area.select(); document.execCommand("copy"); done(); });
      } else {
        area.select();
        document.execCommand("copy");
        done();
      }
    });
    box.appendChild(button);
    box.appendChild(status);
  });
})();
