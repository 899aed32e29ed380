// The host pages of the demo article, each as small as the real thing's
// listener: WordPress's wp-embed.js, a pym.js parent, AMP's amp-iframe and
// Datawrapper's snippet. They follow the protocols as those hosts speak
// them, and log every message they accept in window.demoLog.
//
// Like the real hosts (whose runtime is there before their frames), this
// script runs in <head>, before any frame exists: one listener, set up at
// once, finds the frame a message comes from when it arrives, so no
// height is missed however the page and its frames race.
(function () {
  "use strict";
  var log = window.demoLog = [];
  var hosts = [];

  // host registers a kind of frame: which frames are its (match) and
  // what height a message gives (accept: null for not its message).
  function host(name, match, accept) {
    hosts.push({ name: name, match: match, accept: accept });
  }

  window.addEventListener("message", function (e) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow !== e.source) continue;
      for (var j = 0; j < hosts.length; j++) {
        if (!hosts[j].match(f)) continue;
        var h = hosts[j].accept(f, e.data);
        if (h == null) continue;
        log.push({ host: hosts[j].name, data: e.data });
        if (h > 0) f.height = String(h);
      }
      return;
    }
  });

  // WordPress: an object {message: "height", value, secret}, clamped to
  // 200-1000; "ready" goes to each frame as wp-embed.js sends it, when
  // the page is parsed and when the frame loads.
  host("wordpress", function (f) { return f.classList.contains("wp-embedded-content"); }, function (f, d) {
    if (!d || d.message !== "height" || d.secret !== f.getAttribute("data-secret")) return null;
    return Math.min(1000, Math.max(200, parseInt(d.value, 10) || 0));
  });
  function wpReady(f) {
    if (f.contentWindow) f.contentWindow.postMessage({ message: "ready", secret: f.getAttribute("data-secret") }, "*");
  }

  // pym.js: the parent makes the frame, names it in the query and reads
  // "pymxPYMx{id}xPYMxheightxPYMx{h}"; it sends the width on resize.
  host("pym", function (f) { return f.parentNode && f.parentNode.hasAttribute("data-pym-src"); }, function (f, d) {
    var prefix = "pymxPYMx" + f.parentNode.id + "xPYMxheightxPYMx";
    return typeof d === "string" && d.indexOf(prefix) === 0 ? parseInt(d.slice(prefix.length), 10) : null;
  });
  function pymParent(div) {
    var id = div.id, f = document.createElement("iframe");
    var u = new URL(div.getAttribute("data-pym-src"), location.href);
    u.searchParams.set("initialWidth", String(div.offsetWidth));
    u.searchParams.set("childId", id);
    u.searchParams.set("parentTitle", document.title);
    u.searchParams.set("parentUrl", location.href);
    f.src = u.href;
    f.width = "100%";
    f.setAttribute("scrolling", "no");
    f.setAttribute("marginheight", "0");
    f.setAttribute("frameborder", "0");
    f.title = document.title;
    div.appendChild(f);
    window.addEventListener("resize", function () {
      f.contentWindow.postMessage("pymxPYMx" + id + "xPYMxwidthxPYMx" + div.offsetWidth, "*");
    });
  }

  // AMP: {sentinel: "amp", type: "embed-size", height}; "embed-ready"
  // drops the placeholder.
  host("amp", function (f) { return f.id === "embed-amp"; }, function (f, d) {
    if (!d || d.sentinel !== "amp") return null;
    if (d.type === "embed-ready") { f.setAttribute("data-ready", ""); return 0; }
    return d.type === "embed-size" ? parseInt(d.height, 10) : null;
  });

  // Datawrapper: {"datawrapper-height": {ID: height}} for the frame with
  // id "datawrapper-chart-ID".
  host("datawrapper", function (f) { return f.id.indexOf("datawrapper-chart-") === 0; }, function (f, d) {
    var id = f.id.slice("datawrapper-chart-".length);
    return d && d["datawrapper-height"] && d["datawrapper-height"][id] ? parseInt(d["datawrapper-height"][id], 10) : null;
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("div[data-pym-src]").forEach(pymParent);
    document.querySelectorAll("iframe.wp-embedded-content").forEach(function (f) {
      wpReady(f);
      f.addEventListener("load", function () { wpReady(f); });
    });
  });
})();
