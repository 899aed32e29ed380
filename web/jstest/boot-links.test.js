// boot.js before the WebAssembly: which clicks on the widget's links it
// answers itself, by fetching the page in the linked state, and which it
// leaves to the browser.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { element, page } = require("./harness.js");

const here = "https://explainer.example/s/story/?event=a";

// widget is a page whose #explainer holds one link, and an outside link.
function widget({ href, attrs = {}, live = "1", fetchFails = false }) {
  const root = element("div", { id: "explainer" });
  const list = root.appendChild(element("ol"));
  const link = list.appendChild(element("a", { href, id: "tab-b", ...attrs }));
  const label = link.appendChild(element("span"));
  const outside = element("a", { href: "?event=b" });
  const p = page({ url: here, script: "boot.js", elements: [root, outside], dataset: live ? { live } : {}, fetchFails });
  return { p, link, label, outside };
}

test("takes a plain click on a link to another state of this page", () => {
  const w = widget({ href: "?event=b" });
  assert.ok(w.p.click(w.label), "a click inside the link");
  assert.deepStrictEqual([...w.p.fetched], ["https://explainer.example/s/story/?event=b"]);
  assert.deepStrictEqual([...w.p.replaced], ["https://explainer.example/s/story/?event=b"], "the address changes, without a history entry");
});

test("asks for the page at the press, and the click that follows uses it", () => {
  const w = widget({ href: "?event=b" });
  w.p.press(w.label);
  assert.deepStrictEqual([...w.p.fetched], ["https://explainer.example/s/story/?event=b"], "asked at the press");
  assert.ok(w.p.click(w.label));
  assert.strictEqual(w.p.fetched.length, 1, "the click asks again");
  assert.ok(w.p.click(w.label));
  assert.strictEqual(w.p.fetched.length, 2, "a second click without a press asks itself");
});

test("a press outside the widget, or with a modifier, asks for nothing", () => {
  const w = widget({ href: "?event=b" });
  w.p.press(w.outside);
  assert.strictEqual(w.p.fetched.length, 0, "a press outside the widget asks nothing");
  w.p.press(w.label, { ctrlKey: true });
  assert.strictEqual(w.p.fetched.length, 0, "nor a press with a modifier");
});

const leftAlone = [
  { name: "ctrl-click", href: "?event=b", click: { ctrlKey: true } },
  { name: "cmd-click", href: "?event=b", click: { metaKey: true } },
  { name: "shift-click", href: "?event=b", click: { shiftKey: true } },
  { name: "alt-click", href: "?event=b", click: { altKey: true } },
  { name: "middle button", href: "?event=b", click: { button: 1 } },
  { name: "a click another script took", href: "?event=b", click: { defaultPrevented: true } },
  { name: "target=_blank", href: "?event=b", attrs: { target: "_blank" } },
  { name: "a download", href: "?event=b", attrs: { download: "" } },
  { name: "another origin", href: "https://elsewhere.example/s/story/?event=b" },
  { name: "another page of this site", href: "/s/other/?event=b" },
  { name: "a page no server renders (static host)", href: "?event=b", live: "" },
];
for (const c of leftAlone) {
  test("leaves " + c.name + " to the browser", () => {
    const w = widget(c);
    assert.ok(!w.p.click(w.label, c.click), "taken");
    assert.strictEqual(w.p.fetched.length, 0);
    assert.strictEqual(w.p.replaced.length, 0);
  });
}

test("leaves links outside the widget to the browser", () => {
  const w = widget({ href: "?event=b" });
  assert.ok(!w.p.click(w.outside));
  assert.strictEqual(w.p.fetched.length, 0);
});

test("loads the page when it cannot fetch it", async () => {
  const w = widget({ href: "?event=b", fetchFails: true });
  assert.ok(w.p.click(w.label));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepStrictEqual([...w.p.loaded], ["https://explainer.example/s/story/?event=b"]);
});

// A host's deep link to an event (embed.js's explainer:goto) before the
// WebAssembly: on a page the server renders, answered in place as a
// click is; elsewhere, the card loads again at that event.
for (const c of [
  { name: "answered in place on a page the server renders", live: "1", fetched: 1, loaded: 0 },
  { name: "loads the card again on a static host", live: "", fetched: 0, loaded: 1 },
]) {
  test("a host's goto before the WebAssembly is " + c.name, () => {
    const parent = { postMessage() {} };
    const p = page({ url: here, script: "boot.js", parent, dataset: c.live ? { live: c.live } : {} });
    p.message({ type: "explainer:goto", event: "c" }, { source: parent });
    assert.strictEqual(p.fetched.length, c.fetched);
    assert.strictEqual(p.loaded.length, c.loaded);
    const to = c.fetched ? p.fetched[0] : p.loaded[0];
    assert.ok(to.endsWith("?event=c"), to);
  });
}

test("a host's goto back to the first event after a tap answered in place is answered", () => {
  const parent = { postMessage() {} };
  const root = element("div", { id: "explainer" });
  const link = root.appendChild(element("a", { href: "?event=b", id: "tab-b" }));
  const p = page({ url: here, script: "boot.js", parent, elements: [root], dataset: { live: "1" } });
  assert.ok(p.click(link));
  p.message({ type: "explainer:goto", event: "a" }, { source: parent });
  assert.deepStrictEqual([...p.fetched], ["https://explainer.example/s/story/?event=b", "https://explainer.example/s/story/?event=a"]);
});
