// The host pages of the demo article, each as small as the real thing's
// listener: WordPress's wp-embed.js, a pym.js parent, AMP's amp-iframe and
// Datawrapper's snippet. They follow the protocols as those hosts speak
// them, and log every message they accept in window.demoLog.
(function () {
  "use strict";
  var log = window.demoLog = [];
  function listen(host, frame, accept) {
    window.addEventListener("message", function (e) {
      if (!frame.contentWindow || e.source !== frame.contentWindow) return;
      var h = accept(e.data);
      if (h == null) return;
      log.push({ host: host, data: e.data });
      if (h > 0) frame.height = String(h);
    });
  }

  // WordPress: an object {message: "height", value, secret}, clamped to
  // 200-1000; "ready" goes to the frame once it loads.
  document.querySelectorAll("iframe.wp-embedded-content").forEach(function (f) {
    var secret = f.getAttribute("data-secret");
    listen("wordpress", f, function (d) {
      if (!d || d.message !== "height" || d.secret !== secret) return null;
      return Math.min(1000, Math.max(200, parseInt(d.value, 10) || 0));
    });
    f.addEventListener("load", function () { f.contentWindow.postMessage({ message: "ready", secret: secret }, "*"); });
  });

  // pym.js: the parent makes the frame, names it in the query and reads
  // "pymxPYMx{id}xPYMxheightxPYMx{h}"; it sends the width on resize.
  document.querySelectorAll("div[data-pym-src]").forEach(function (div) {
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
    var prefix = "pymxPYMx" + id + "xPYMxheightxPYMx";
    listen("pym", f, function (d) {
      return typeof d === "string" && d.indexOf(prefix) === 0 ? parseInt(d.slice(prefix.length), 10) : null;
    });
    window.addEventListener("resize", function () {
      f.contentWindow.postMessage("pymxPYMx" + id + "xPYMxwidthxPYMx" + div.offsetWidth, "*");
    });
  });

  // AMP: {sentinel: "amp", type: "embed-size", height}; "embed-ready"
  // drops the placeholder.
  var amp = document.getElementById("embed-amp");
  if (amp) listen("amp", amp, function (d) {
    if (!d || d.sentinel !== "amp") return null;
    if (d.type === "embed-ready") { amp.setAttribute("data-ready", ""); return 0; }
    return d.type === "embed-size" ? parseInt(d.height, 10) : null;
  });

  // Datawrapper: {"datawrapper-height": {ID: height}} for the frame with
  // id "datawrapper-chart-ID".
  document.querySelectorAll("iframe[id^='datawrapper-chart-']").forEach(function (f) {
    var id = f.id.slice("datawrapper-chart-".length);
    listen("datawrapper", f, function (d) {
      return d && d["datawrapper-height"] && d["datawrapper-height"][id] ? parseInt(d["datawrapper-height"][id], 10) : null;
    });
  });
})();
