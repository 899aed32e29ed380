// The embed page, live: as the editor changes an option, the preview and
// every snippet follow, without a reload; each snippet gets a copy button.
// The page works without this script: its form reloads it.
(function () {
  "use strict";
  var form = document.getElementById("embed-options");
  var values = document.getElementById("embed-values");
  var frame = document.getElementById("embed-preview-frame");
  if (!form || !values || !frame) return;
  var v = values.dataset;

  // The query a link keeps, as the widget writes it: keys in order, the
  // defaults left out.
  function query(embed) {
    var f = new FormData(form), q = [];
    var accent = String(f.get("accent") || "").replace(/^#/, "").toLowerCase();
    var add = function (k, val) { if (val) q.push(k + "=" + encodeURIComponent(val)); };
    add("accent", /^[0-9a-f]{6}$/.test(accent) ? accent : "");
    if (embed) q.push("embed=1");
    add("event", f.get("event"));
    add("lang", f.get("lang") === v.defaultLang ? "" : f.get("lang"));
    add("person", f.get("person"));
    add("show", f.get("show"));
    add("theme", f.get("theme"));
    add("title", f.get("title"));
    add("view", embed && !f.get("show") ? f.get("view") : "");
    return q.length ? "?" + q.join("&") : "";
  }

  function update() {
    var embed = v.page + query(true);
    var fill = {
      URL: v.page + query(false), EMBED: embed, HEIGHT: v.height,
      TITLE: v.title, ID: v.id, SCRIPT: v.script
    };
    if (frame.getAttribute("src") !== embed) frame.setAttribute("src", embed);
    document.querySelectorAll("textarea[data-template]").forEach(function (t) {
      t.value = t.dataset.template.replace(/%([A-Z]+)%/g, function (m, k) { return fill[k] != null ? fill[k] : m; });
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
