// A small stand-in for the page around embed.js and boot.js, enough to
// run them under Node and watch what they post: elements with attributes,
// frames with windows, message and DOM events. The browser tests (app/e2e)
// run the same scripts in Chromium; these check their protocol logic fast
// and one case at a time.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

function element(tag, attrs = {}) {
  const el = {
    nodeType: 1, tagName: tag.toUpperCase(), attrs: { ...attrs }, children: [], style: {}, listeners: {}, dataset: {},
    // matches and querySelector know the one selector embed.js asks.
    matches(sel) { return sel === "iframe, div[data-explainer]" && (this.tagName === "IFRAME" || (this.tagName === "DIV" && this.hasAttribute("data-explainer"))); },
    querySelector(sel) {
      for (const c of this.children) { if (c.matches(sel) || c.querySelector(sel)) return c; }
      return null;
    },
    getAttribute(k) { return Object.prototype.hasOwnProperty.call(this.attrs, k) ? this.attrs[k] : null; },
    setAttribute(k, v) { this.attrs[k] = String(v); },
    removeAttribute(k) { delete this.attrs[k]; },
    hasAttribute(k) { return Object.prototype.hasOwnProperty.call(this.attrs, k); },
    appendChild(c) { this.children.push(c); c.parentNode = this; return c; },
    addEventListener(type, fn) { (this.listeners[type] = this.listeners[type] || []).push(fn); },
    dispatchEvent(ev) { (this.listeners[ev.type] || []).forEach((fn) => fn(ev)); return true; },
    // closest knows the selectors boot.js asks for a link: "a[href]",
    // alone or inside an element with an id ("#id a[href]").
    closest(sel) {
      const m = /^(?:#([\w-]+) )?a\[href\]$/.exec(sel);
      if (!m) throw new Error("the harness knows no selector " + sel);
      let a = this;
      while (a && !(a.tagName === "A" && a.hasAttribute("href"))) a = a.parentNode;
      if (!a || !m[1]) return a || null;
      for (let p = a.parentNode; p; p = p.parentNode) if (p.attrs && p.attrs.id === m[1]) return a;
      return null;
    },
  };
  // classList over the class attribute, as a browser keeps the two.
  el.classList = {
    contains: (c) => (el.attrs.class || "").split(" ").includes(c),
    add: (c) => { if (!el.classList.contains(c)) el.attrs.class = ((el.attrs.class || "") + " " + c).trim(); },
  };
  if (tag === "iframe") {
    el.posted = [];
    el.contentWindow = { postMessage(data, target) { el.posted.push({ data, target }); } };
    Object.defineProperty(el, "src", { get() { return this.attrs.src || ""; }, set(v) { this.attrs.src = String(v); } });
  }
  return el;
}

// page builds a document holding elements and runs a script in it.
function page({ url = "https://news.example/article", elements = [], script, scriptSrc, dataset = {}, parent, fetchFails }) {
  const body = element("body");
  elements.forEach((e) => body.appendChild(e));
  const all = () => {
    const out = [];
    const walk = (n) => n.children.forEach((c) => { out.push(c); walk(c); });
    walk(body);
    return out;
  };
  const windowListeners = {};
  const documentListeners = {};
  const fetched = [], replaced = [], loaded = [];
  const observers = [];
  const u = new URL(url);
  const document = {
    readyState: "complete",
    currentScript: { src: scriptSrc || "", dataset },
    documentElement: element("html"),
    body,
    head: element("head"),
    createElement: (tag) => element(tag),
    getElementsByTagName: (tag) => all().filter((e) => e.tagName === tag.toUpperCase()),
    getElementById: (id) => all().find((e) => e.attrs.id === id) || null,
    querySelectorAll(sel) {
      const m = /^(\w+)\[([\w-]+)\]$/.exec(sel);
      if (!m) throw new Error("the harness knows no selector " + sel);
      return all().filter((e) => e.tagName === m[1].toUpperCase() && e.hasAttribute(m[2]));
    },
    querySelector() { return null; },
    addEventListener(type, fn) { (documentListeners[type] = documentListeners[type] || []).push(fn); },
  };
  body.getBoundingClientRect = () => ({ height: page.height || 0 });
  const win = {
    document, location: { href: u.href, origin: u.origin, pathname: u.pathname, search: u.search, hash: u.hash,
      replace(to) { loaded.push(to); } },
    scrollX: 0, scrollY: 0,
    // replaceState moves the address, as a browser's does.
    history: { state: null, replaceState(state, title, to) {
      replaced.push(to);
      const n = new URL(to, win.location.href);
      Object.assign(win.location, { href: n.href, pathname: n.pathname, search: n.search, hash: n.hash });
    } },
    // fetch records what the page asked for and never answers (the tests
    // of what boot.js takes look at the asking), or fails, as offline.
    fetch(to) { fetched.push(to); return fetchFails ? Promise.reject(new TypeError("offline")) : new Promise(() => {}); },
    addEventListener(type, fn) { (windowListeners[type] = windowListeners[type] || []).push(fn); },
    dispatchEvent() { return true; },
    URL, URLSearchParams, CustomEvent: class { constructor(type, init) { this.type = type; this.detail = init && init.detail; } },
    MutationObserver: class { constructor(fn) { this.fn = fn; observers.push(this); } observe() {} },
    setTimeout: (fn) => fn(), console,
  };
  win.window = win;
  win.parent = parent || win;
  vm.createContext(win);
  vm.runInContext(fs.readFileSync(path.join(__dirname, "..", "static", script), "utf8"), win);
  return {
    window: win, document, body,
    // message delivers a message event to the page, as from source.
    message(data, { origin, source }) { (windowListeners.message || []).forEach((fn) => fn({ data, origin, source })); },
    fire(type, ev = {}) { (windowListeners[type] || []).forEach((fn) => fn(ev)); },
    // click dispatches a click on el to the document's listeners, as it
    // bubbles there, and says whether one took it (cancelled the
    // browser's own action).
    click(el, init = {}) {
      const ev = { type: "click", target: el, button: 0, defaultPrevented: false, ...init };
      ev.preventDefault = () => { ev.defaultPrevented = true; };
      (documentListeners.click || []).forEach((fn) => fn(ev));
      return ev.defaultPrevented && !init.defaultPrevented;
    },
    // press dispatches a pointerdown on el to the document's listeners.
    press(el, init = {}) {
      const ev = { type: "pointerdown", target: el, button: 0, defaultPrevented: false, ...init };
      (documentListeners.pointerdown || []).forEach((fn) => fn(ev));
    },
    fetched, replaced, loaded,
    // add puts an element in the page, and tells the observers as a
    // browser would.
    add(el) { body.appendChild(el); observers.forEach((o) => o.fn([{ addedNodes: [el] }])); },
  };
}

// plain copies a value made inside the page into this realm, for
// assert.deepStrictEqual, which tells the two realms' objects apart.
const plain = (v) => JSON.parse(JSON.stringify(v));

module.exports = { element, page, plain };
