// explainer embed.js, for pages that embed explainers: it sizes each
// explainer iframe to its content, passes the page's #explainer-EVENTID
// links into it, and re-dispatches its events (explainer:ready, :select,
// :view) on the iframe for analytics. No dependencies; several widgets on
// a page each keep to their own frame. A message counts only when it
// comes from one of our frames and from our origin: no other frame can
// resize ours.
(function () {
  "use strict";
  var me = document.currentScript;
  var origin = me && me.src ? new URL(me.src, location.href).origin : "";
  var frames = [];

  function deepLink() {
    var m = /^#explainer-([a-z0-9-]{1,80})$/.exec(location.hash);
    return m && m[1];
  }

  function withEvent(src, id) {
    var u = new URL(src, location.href);
    u.searchParams.set("event", id);
    return u.href;
  }

  function adopt(f) {
    if (f.explainerFrame) return;
    f.explainerFrame = true;
    frames.push(f);
    var id = deepLink();
    if (id) f.src = withEvent(f.src, id);
  }

  function scan() {
    var divs = document.querySelectorAll("div[data-explainer]");
    for (var i = 0; i < divs.length; i++) {
      var d = divs[i], u = new URL(d.getAttribute("data-explainer"), location.href);
      if (u.origin !== origin) continue;
      u.searchParams.set("embed", "1");
      var f = document.createElement("iframe");
      f.src = u.href;
      f.title = d.getAttribute("data-title") || "Timeline";
      f.setAttribute("loading", "lazy");
      f.style.cssText = "border:0;width:100%;display:block";
      f.height = d.getAttribute("data-height") || "736";
      d.removeAttribute("data-explainer");
      d.appendChild(f);
    }
    var all = document.getElementsByTagName("iframe");
    for (var j = 0; j < all.length; j++) {
      try {
        var s = new URL(all[j].src, location.href);
        if (s.origin === origin && s.searchParams.get("embed") === "1") adopt(all[j]);
      } catch (e) { /* no src */ }
    }
  }

  window.addEventListener("message", function (e) {
    if (e.origin !== origin) return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i], d = e.data;
      if (f.contentWindow !== e.source) continue;
      if (!d || typeof d.type !== "string" || d.type.indexOf("explainer:") !== 0) return;
      if (d.type === "explainer:height") {
        var h = Math.round(Number(d.height));
        if (h > 0 && h < 10000) {
          f.style.height = h + "px";
          f.height = String(h);
        }
      } else {
        f.dispatchEvent(new CustomEvent(d.type, { detail: d, bubbles: true }));
      }
      return;
    }
  });

  window.addEventListener("hashchange", function () {
    var id = deepLink();
    if (!id) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: "explainer:goto", event: id }, origin);
    }
  });

  scan();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
})();
