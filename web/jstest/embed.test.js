// embed.js: which frames it adopts, the handshake, and whom it trusts.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { element, page, plain } = require("./harness.js");

const origin = "https://cards.example";
const scriptSrc = origin + "/assets/embed.0123456789.js";
const card = origin + "/s/story/?embed=1";

test("adopts our frames and asks each for its height", () => {
  const ours = element("iframe", { src: card });
  const other = element("iframe", { src: "https://ads.example/?embed=1" });
  page({ script: "embed.js", scriptSrc, elements: [ours, other] });
  assert.deepStrictEqual(plain(ours.posted), [{ data: { type: "explainer:measure" }, target: origin }]);
  assert.deepStrictEqual(other.posted, []);
  ours.dispatchEvent({ type: "load" });
  assert.strictEqual(ours.posted.length, 2, "a frame that loads again is asked again");
});

test("sizes a frame from its own messages only", () => {
  const ours = element("iframe", { src: card });
  const p = page({ script: "embed.js", scriptSrc, elements: [ours] });
  p.message({ type: "explainer:height", height: 4321 }, { origin: "https://ads.example", source: ours.contentWindow });
  p.message({ type: "explainer:height", height: 4321 }, { origin, source: {} });
  p.message({ type: "explainer:height", height: 99999 }, { origin, source: ours.contentWindow });
  assert.strictEqual(ours.style.height, undefined);
  p.message({ type: "explainer:height", height: 768.4 }, { origin, source: ours.contentWindow });
  assert.strictEqual(ours.style.height, "768px");
  assert.strictEqual(ours.height, "768");
});

test("passes the card's other events on as DOM events on its frame", () => {
  const ours = element("iframe", { src: card });
  const p = page({ script: "embed.js", scriptSrc, elements: [ours] });
  const seen = [];
  ours.addEventListener("explainer:select", (e) => seen.push(e.detail.event));
  p.message({ type: "explainer:select", event: "london" }, { origin, source: ours.contentWindow });
  assert.deepStrictEqual(seen, ["london"]);
});

test("skips an element it cannot read and goes on", () => {
  const bad = element("div", { "data-explainer": "http://[::1" });
  const good = element("div", { "data-explainer": origin + "/s/story/", "data-title": "Story" });
  page({ script: "embed.js", scriptSrc, elements: [bad, good] });
  assert.strictEqual(bad.children.length, 0);
  assert.strictEqual(good.children.length, 1);
  const f = good.children[0];
  assert.strictEqual(new URL(f.src).searchParams.get("embed"), "1");
  assert.strictEqual(f.height, "736");
  assert.strictEqual(f.posted.length, 1, "the new frame is asked for its height");
});

test("adopts frames added after it ran", () => {
  const p = page({ script: "embed.js", scriptSrc });
  const block = element("div", { class: "lazy-block" });
  const later = element("iframe", { src: card });
  block.appendChild(later);
  p.add(block);
  assert.deepStrictEqual(plain(later.posted), [{ data: { type: "explainer:measure" }, target: origin }]);
  p.window.explainer.scan();
  assert.strictEqual(later.posted.length, 1, "a frame is adopted once");
});

test("opens its frames at the page's #explainer-EVENT", () => {
  const ours = element("iframe", { src: card });
  page({ url: "https://news.example/article#explainer-kharkiv", script: "embed.js", scriptSrc, elements: [ours] });
  assert.strictEqual(new URL(ours.src).searchParams.get("event"), "kharkiv");
});
