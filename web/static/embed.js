// explainer embed.js, for pages that embed explainers: it sizes each
// explainer iframe to its content, passes the page's #explainer-EVENTID
// links into it, and re-dispatches its events (explainer:ready, :select,
// :view) on the iframe for analytics. No dependencies; several widgets on
// a page each keep to their own frame. A message counts only when it
// comes from one of our frames and from our origin: no other frame can
// resize ours.
//
// It may load at any time: on adopting a frame it asks the card for its
// height (the card answers, and posts again on every change), so a script
// that arrives late misses nothing. Frames and divs added later are
// adopted as they appear; explainer.scan() adopts them at once.
(function () {
  "use strict";
  // Names shared with the card, defined in app/shell (checked by its test).
  var names = {
    heightMessage: "explainer:height",
    measureMessage: "explainer:measure",
    gotoEvent: "explainer:goto",
    eventParam: "event",
    embedParam: "embed"
  };
  var me = document.currentScript;
  var origin = me && me.src ? new URL(me.src, location.href).origin : "";
  var frames = [];

  function deepLink() {
    var m = /^#explainer-([a-z0-9-]{1,80})$/.exec(location.hash);
    return m && m[1];
  }

  function ask(f) {
    try { f.contentWindow.postMessage({ type: names.measureMessage }, origin); } catch (e) { /* not loaded yet: load asks */ }
  }

  function adopt(f) {
    if (f.explainerFrame) return;
    f.explainerFrame = true;
    frames.push(f);
    var id = deepLink();
    if (id) {
      var u = new URL(f.src, location.href);
      u.searchParams.set(names.eventParam, id);
      f.src = u.href;
    }
    f.addEventListener("load", function () { ask(f); });
    ask(f);
  }

  function ours(src) {
    var u = new URL(src, location.href);
    return u.origin === origin && u.searchParams.get(names.embedParam) === "1";
  }

  // scan adopts our frames and turns div[data-explainer] into frames; an
  // element it cannot read is skipped, not fatal to the rest.
  function scan() {
    var divs = document.querySelectorAll("div[data-explainer]");
    for (var i = 0; i < divs.length; i++) {
      var d = divs[i];
      try {
        var u = new URL(d.getAttribute("data-explainer"), location.href);
        d.removeAttribute("data-explainer");
        if (u.origin !== origin) continue;
        u.searchParams.set(names.embedParam, "1");
        var f = document.createElement("iframe");
        f.src = u.href;
        f.title = d.getAttribute("data-title") || "Timeline";
        f.setAttribute("loading", "lazy");
        f.style.cssText = "border:0;width:100%;display:block";
        f.height = d.getAttribute("data-height") || "736";
        d.appendChild(f);
      } catch (e) { /* not an address */ }
    }
    var all = document.getElementsByTagName("iframe");
    for (var j = 0; j < all.length; j++) {
      try {
        if (!all[j].explainerFrame && ours(all[j].src)) adopt(all[j]);
      } catch (e) { /* no src */ }
    }
  }

  window.addEventListener("message", function (e) {
    if (e.origin !== origin) return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i], d = e.data;
      if (f.contentWindow !== e.source) continue;
      if (!d || typeof d.type !== "string" || d.type.indexOf("explainer:") !== 0) return;
      if (d.type === names.heightMessage) {
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
      if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: names.gotoEvent, event: id }, origin);
    }
  });

  // Frames a CMS adds later (lazy blocks, infinite scroll): one scan per
  // burst of changes that added a frame or a div, not for every other
  // change a busy page makes.
  var wanted = "iframe, div[data-explainer]", queued = false;
  function mayHoldCard(n) {
    return n.nodeType === 1 && (n.matches(wanted) || n.querySelector(wanted) !== null);
  }
  if (window.MutationObserver) {
    new MutationObserver(function (records) {
      if (queued) return;
      for (var i = 0; i < records.length; i++) {
        for (var j = 0; j < records[i].addedNodes.length; j++) {
          if (mayHoldCard(records[i].addedNodes[j])) {
            queued = true;
            return setTimeout(function () { queued = false; scan(); }, 0);
          }
        }
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  window.explainer = window.explainer || {};
  window.explainer.scan = scan;
  scan();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
})();
