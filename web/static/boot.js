// explainer boot script. The page is complete without it: the server
// prerenders the whole widget and every control is a link. This script
// prepares the page for go-app and starts the WebAssembly once the widget
// is on screen (or at the first touch or key press). A story's own page
// has begun the download already, with a preload in its <head>; an
// embedded card waits for the browser to be idle too. Readers on slow
// networks get text first either way: the page paints without script.
(function () {
  "use strict";
  // Names shared with the server's page and the WebAssembly: they are
  // defined in app/shell, whose test checks this list against it.
  var names = {
    root: "explainer",
    offline: "explainer-offline",
    failHook: "explainerFail",
    focusHook: "explainerFocus",
    stateAttr: "data-explainer",
    readyEvent: "explainer:ready",
    gotoEvent: "explainer:goto",
    heightMessage: "explainer:height",
    measureMessage: "explainer:measure",
    childIdPattern: "^[A-Za-z][A-Za-z0-9_.:-]{0,99}$",
    eventParam: "event",
    childIdParam: "childId",
    wasmParam: "wasm",
    embedParam: "embed",
    embedClass: "is-embed"
  };
  var html = document.documentElement;
  var me = document.currentScript;
  var cfg = me ? me.dataset : {};

  // Sandboxed iframes without allow-same-origin (WordPress embeds use
  // sandbox="allow-scripts") have an opaque origin, where touching
  // localStorage throws. go-app opens both storages at start-up and would
  // die, so put an in-memory storage in their place.
  function memoryStorage() {
    var m = {};
    return {
      getItem: function (k) { return Object.prototype.hasOwnProperty.call(m, k) ? m[k] : null; },
      setItem: function (k, v) { m[k] = String(v); },
      removeItem: function (k) { delete m[k]; },
      clear: function () { m = {}; },
      key: function (i) { return Object.keys(m)[i] || null; },
      get length() { return Object.keys(m).length; }
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      window[name].getItem("explainer");
    } catch (e) {
      try {
        Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
      } catch (e2) { /* nothing more can be done; go-app will say so */ }
    }
  });

  // go-app reads its settings through goappGetenv, which its own loader
  // (not used here) would define. The root prefix lets a static export
  // live under a sub-path. app/shell's test checks these keys against the
  // ones the pinned go-app reads.
  var env = {
    GOAPP_VERSION: cfg.version || "",
    GOAPP_ROOT_PREFIX: cfg.root || "",
    GOAPP_STATIC_RESOURCES_URL: "",
    GOAPP_INTERNAL_URLS: "[]"
  };
  window.goappGetenv = function (k) { return env[k]; };

  // The WebAssembly replaces the prerendered DOM; it puts the focus back
  // on the element with the id remembered here.
  document.addEventListener("focusin", function (e) {
    if (e.target && e.target.id) window[names.focusHook] = e.target.id;
  });

  function fail(why) {
    html.setAttribute(names.stateAttr, "failed");
    if (held) location.assign(held.href); // a click held for the takeover
    var notice = document.getElementById(names.offline);
    if (notice) notice.hidden = false;
    if (window.console) console.warn("explainer: the interactive timeline is unavailable:", why);
  }

  // go-app runs event handlers asynchronously, too late to cancel the
  // browser's own action: the keys that move through the timeline would
  // also scroll the page (Space by a screenful, End to the bottom). Cancel
  // it here, at once, for the keys the WebAssembly handles once it runs.
  // (Space scrolls on keypress in some browsers, so that is cancelled too.)
  var timelineKeys = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", " "];
  function cancelTimelineKeys(e) {
    if (html.getAttribute(names.stateAttr) !== "ready" || e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target;
    if (t && t.getAttribute && t.getAttribute("role") === "tab" && t.closest("#" + names.root + " [role=tablist]") &&
        timelineKeys.indexOf(e.key) >= 0) {
      e.preventDefault();
    }
  }
  document.addEventListener("keydown", cancelTimelineKeys, true);
  document.addEventListener("keypress", cancelTimelineKeys, true);

  // The WebAssembly calls this when it cannot take over the page.
  window[names.failHook] = fail;

  // --- Sizing for host pages -------------------------------------------
  // In an iframe, tell the host the content's height on load and on every
  // change, in each protocol host pages already listen to: ours (embed.js),
  // pym.js (when ?childId= names us), AMP's amp-iframe, Datawrapper's
  // snippet, and WordPress's wp-embed.js (when the hash carries
  // #?secret=). This runs before, and without, the WebAssembly.
  var framed = window.parent && window.parent !== window;
  var query = new URLSearchParams(location.search);
  // A static host (an export, a bucket behind a CDN) serves one prerender
  // of a page whatever its query, so the card (?embed=1) arrives in the
  // full page's shell: give it the card's, as the server's page has. The
  // WebAssembly then renders the card itself.
  if (query.get(names.embedParam) === "1") html.classList.add(names.embedClass);
  // The pym.js id goes into every message to the parent: only one, and
  // only an element id (never pym's xPYMx delimiter, which would let a
  // link forge a "navigateTo" message), as app/shell.ValidChildID.
  var pymIds = query.getAll(names.childIdParam);
  var pymId = pymIds.length === 1 && new RegExp(names.childIdPattern).test(pymIds[0]) &&
    pymIds[0].indexOf("xPYMx") < 0 ? pymIds[0] : "";
  var wpSecret = (/[#&?]secret=([A-Za-z0-9]{1,64})/.exec(location.hash) || [])[1];
  var lastHeight = 0;

  function toHost(msg) {
    try { window.parent.postMessage(msg, "*"); } catch (e) { /* a host that went away */ }
  }

  // The document's own scrollHeight is never less than the frame's, so
  // measure the content: <body> holds it and is no taller.
  function contentHeight() {
    return Math.ceil(document.body.getBoundingClientRect().height);
  }

  function sendHeight(force) {
    if (!framed || !document.body) return;
    var h = contentHeight();
    if (!h || (h === lastHeight && !force)) return;
    lastHeight = h;
    toHost({ type: names.heightMessage, height: h, story: cfg.story });
    if (pymId) toHost("pymxPYMx" + pymId + "xPYMxheightxPYMx" + h);
    toHost({ sentinel: "amp", type: "embed-size", height: h });
    var dw = {};
    dw[cfg.story] = h;
    toHost({ "datawrapper-height": dw });
    if (wpSecret) toHost({ message: "height", value: h, secret: wpSecret });
  }

  // Messages from the host: embed.js's measure, pym.js's width and
  // wp-embed.js's ready (each asks for the height again: a host script
  // that loaded after this frame has missed the first), and a deep link
  // to an event, which the WebAssembly selects in place, or the server
  // renders before it runs.
  window.addEventListener("message", function (e) {
    if (!framed || e.source !== window.parent) return;
    var d = e.data;
    if (typeof d === "string" && pymId && d.indexOf("pymxPYMx" + pymId + "xPYMxwidth") === 0) return sendHeight(true);
    if (!d || typeof d !== "object") return;
    if (d.type === names.measureMessage) return sendHeight(true);
    if (d.message === "ready" && wpSecret && d.secret === wpSecret) return sendHeight(true);
    if (d.type === "explainer:goto" && typeof d.event === "string" && /^[a-z0-9-]{1,80}$/.test(d.event)) {
      if (html.getAttribute(names.stateAttr) === "ready") {
        window.dispatchEvent(new CustomEvent(names.gotoEvent, { detail: d.event }));
      } else {
        // The address as it is now: a click answered in place has changed
        // it since the page loaded.
        var now = new URLSearchParams(location.search);
        if (now.get(names.eventParam) === d.event) return;
        now.set(names.eventParam, d.event);
        if (cfg.live) answer(new URL("?" + now.toString() + location.hash, location.href), "");
        else location.replace("?" + now.toString() + location.hash);
      }
    }
  });

  if (framed) {
    window.addEventListener("load", function () { sendHeight(true); });
    window.addEventListener(names.readyEvent, function () { sendHeight(true); });
  }

  // Before the WebAssembly runs, every control is a link that loads the
  // card again. The server keeps ?childId= in them; the WordPress secret
  // is in the hash, which it never sees, so carry it over here: after a
  // reader's click, WordPress still hears the card's height.
  if (framed && wpSecret) {
    document.addEventListener("click", function (e) {
      var a = e.target && e.target.closest && e.target.closest("a[href]");
      if (!a || html.getAttribute(names.stateAttr) === "ready") return;
      var u = new URL(a.getAttribute("href"), location.href);
      if (u.origin === location.origin && !u.hash) {
        u.hash = "?secret=" + wpSecret;
        a.setAttribute("href", u.pathname + u.search + u.hash);
      }
    }, true);
  }

  // --- Answering before the WebAssembly ----------------------------
  // Until the WebAssembly runs, every control is a link to the same page
  // in another state, which the server renders. On a page this server
  // sends (data-live; a static host serves one prerender whatever the
  // query, so there links load the page as before), take such a click:
  // fetch the page in that state and put its widget in place of this one,
  // where the reader was, instead of loading the page again. The address
  // changes at once, without a history entry (as the WebAssembly's own
  // selections), so that a WebAssembly that starts meanwhile renders that
  // state; a widget that arrives after it started is dropped. The page is
  // asked for at the press (pointerdown), a tenth of a second or so before
  // the click that follows it.
  var running = false, pending = 0, early = null;
  // target is the link boot.js answers itself, before the WebAssembly
  // runs, or null.
  function target(e) {
    return running ? null : widgetLink(e);
  }
  // widgetLink is the link of the widget to another state of this page
  // that a plain click (or press) in e follows, or null.
  function widgetLink(e) {
    var a = e.target && e.target.closest && e.target.closest("#" + names.root + " a[href]");
    if (!a || e.defaultPrevented || e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey ||
        a.hasAttribute("download") || (a.getAttribute("target") || "_self") !== "_self") return null;
    var u = new URL(a.getAttribute("href"), location.href);
    return u.origin === location.origin && u.pathname === location.pathname ? { a: a, u: u } : null;
  }
  function page(href) {
    return fetch(href, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw r.status;
      return r.text();
    });
  }
  function press(e) {
    var t = target(e);
    if (t) early = { href: t.u.href, text: page(t.u.href) };
  }
  function swap(e) {
    var t = target(e);
    if (!t) return;
    e.preventDefault();
    answer(t.u, t.a.id);
  }
  // answer puts the widget of the page at u in place of this one, with
  // the focus on the element of id (else the selected tab).
  function answer(u, id) {
    var n = ++pending, x = scrollX, y = scrollY;
    var text = early && early.href === u.href ? early.text : page(u.href);
    early = null;
    history.replaceState(history.state, "", u.href);
    text.then(function (text) {
      var next = new DOMParser().parseFromString(text, "text/html").getElementById(names.root);
      var root = document.getElementById(names.root);
      if (!next || !root) throw 0;
      if (running || n !== pending) return;
      root.replaceWith(document.adoptNode(next));
      var f = (id && document.getElementById(id)) || next.querySelector("[role=tab][aria-selected=true]");
      if (f) f.focus({ preventScroll: true });
      scrollTo(x, y);
      revealSelected();
      sendHeight(true);
      // The listeners that start the WebAssembly went with the old widget;
      // a reader who chose an event wants it anyway (a click alone, as
      // some assistive tools send, fires none of them).
      if (cfg.wasm && query.get(names.wasmParam) !== "0") load();
    }).catch(function () {
      if (!running && n === pending) location.replace(u.href);
    });
  }
  if (cfg.live) {
    document.addEventListener("pointerdown", press, { passive: true });
    document.addEventListener("click", swap);
  }

  // Once the WebAssembly runs, it reads the page and adopts it in
  // slices, giving the thread back between them. A click on a link of the
  // widget in such a gap must not have the browser load the page: go-app,
  // which takes clicks on links with window.onclick, has queued it and
  // follows the link in place once the widget is ready. A click that came
  // before go-app set window.onclick, it never saw: that link is clicked
  // again once the widget is ready, or followed if the takeover fails.
  var held = null;
  document.addEventListener("click", function (e) {
    var t = running && html.getAttribute(names.stateAttr) === "loading" ? widgetLink(e) : null;
    if (!t) return;
    e.preventDefault();
    held = typeof window.onclick === "function" ? null : t.a;
  });
  window.addEventListener(names.readyEvent, function () {
    var a = held;
    held = null;
    if (a && a.isConnected) a.click();
  });

  function load() {
    if (load.started) return;
    load.started = true;
    html.setAttribute(names.stateAttr, "loading");
    var s = document.createElement("script");
    s.src = cfg.exec;
    s.onerror = function () { fail("could not load " + cfg.exec); };
    s.onload = function () {
      var go = new window.Go();
      fetch(cfg.wasm).then(function (r) {
        if (!r.ok) throw new Error(cfg.wasm + ": HTTP " + r.status);
        var whole = function () {
          return r.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
        };
        if (!WebAssembly.instantiateStreaming) return whole();
        // Streaming needs the application/wasm type, which some static
        // hosts do not send; then compile from the whole download.
        var copy = r.clone();
        return WebAssembly.instantiateStreaming(copy, go.importObject).catch(whole);
      }).then(function (result) {
        running = true;
        return go.run(result.instance);
      }).then(function () {
        fail("the WebAssembly exited");
      }).catch(fail);
    };
    document.head.appendChild(s);
  }

  function whenIdle(f) {
    if (window.requestIdleCallback) window.requestIdleCallback(f, { timeout: 1500 });
    else setTimeout(f, 1);
  }

  // Centre the selected event on the sideways-scrolling track, with the
  // same sum the WebAssembly uses, so that its takeover moves nothing.
  // It adds a difference in screen coordinates to scrollLeft, never sets
  // a position, so it holds in right to left too, where scrollLeft is 0
  // at the right edge and negative beyond.
  function revealSelected() {
    var tab = document.querySelector("#" + names.root + " [role=tab][aria-selected=true]");
    var scroller = tab && tab.closest(".timeline-scroller");
    if (!scroller) return;
    var r = tab.getBoundingClientRect(), s = scroller.getBoundingClientRect();
    scroller.scrollLeft += (r.left + r.width / 2) - (s.left + s.width / 2);
  }

  function start() {
    revealSelected();
    sendHeight(true);
    // The prerendered card is readable now: AMP may drop its placeholder.
    if (framed) toHost({ sentinel: "amp", type: "embed-ready" });
    if (framed && window.ResizeObserver) {
      new ResizeObserver(function () { sendHeight(false); }).observe(document.body);
    }
    var root = document.getElementById(names.root);
    if (!root || !cfg.wasm || query.get(names.wasmParam) === "0") return;
    ["pointerdown", "keydown", "touchstart", "focusin"].forEach(function (t) {
      root.addEventListener(t, load, { once: true, passive: true });
    });
    // A page that preloads the WebAssembly (a story's own page, where the
    // widget is what the reader came for) has its bytes on the way
    // already: start it as soon as it is in view. An embedded card waits
    // for the browser to be idle too, so that the article around it
    // comes first.
    // (Compared, not put in a selector: a site's path prefix may hold
    // characters a selector would need escaped.)
    var preloaded = Array.prototype.some.call(document.querySelectorAll("link[rel=preload][as=fetch]"), function (l) {
      return l.getAttribute("href") === cfg.wasm;
    });
    var soon = preloaded ? function (f) { f(); } : whenIdle;
    if (!("IntersectionObserver" in window)) return soon(load);
    var seen = new IntersectionObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].isIntersecting) {
          seen.disconnect();
          return soon(load);
        }
      }
    }, { rootMargin: "200px" });
    seen.observe(root);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
