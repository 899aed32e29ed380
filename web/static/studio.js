// explainer studio boot script: gives go-app its settings, tells the
// studio's WebAssembly where things are, and loads it. The studio is for
// editors, on a desktop or a laptop: it loads at once, not lazily as the
// reader's widget does.
(function () {
  "use strict";
  var me = document.currentScript;
  var cfg = me ? me.dataset : {};
  var env = {
    GOAPP_VERSION: cfg.version || "",
    GOAPP_ROOT_PREFIX: cfg.root || "",
    GOAPP_STATIC_RESOURCES_URL: "",
    GOAPP_INTERNAL_URLS: "[]"
  };
  window.goappGetenv = function (k) { return env[k]; };
  // Read by the WebAssembly (app/studio/ui): the site's root, and the
  // reader's stylesheet, which the preview uses.
  window.explainerStudio = { root: cfg.root || "", css: cfg.preview || "" };

  function fail(why) {
    document.documentElement.setAttribute("data-studio", "failed");
    var p = document.getElementById("studio-loading");
    if (p) p.textContent = "The studio could not start: " + why;
    if (window.console) console.error("explainer studio:", why);
  }

  function start() {
    var s = document.createElement("script");
    s.src = cfg.exec;
    s.onerror = function () { fail("could not load " + cfg.exec); };
    s.onload = function () {
      var go = new window.Go();
      fetch(cfg.wasm).then(function (r) {
        if (!r.ok) throw new Error(cfg.wasm + ": HTTP " + r.status);
        if (!WebAssembly.instantiateStreaming) {
          return r.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
        }
        return WebAssembly.instantiateStreaming(r, go.importObject);
      }).then(function (result) {
        return go.run(result.instance);
      }).then(function () {
        fail("the WebAssembly exited");
      }).catch(function (e) { fail(String(e && e.message || e)); });
    };
    document.head.appendChild(s);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
