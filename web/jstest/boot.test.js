// boot.js in a frame: the heights it posts, in which protocols, and which
// host ids it will put in them.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { page, plain } = require("./harness.js");

function framed(url) {
  const posted = [];
  const parent = { postMessage(msg, target) { posted.push({ msg, target }); } };
  const p = page({ url, script: "boot.js", parent });
  p.height = 0;
  return { p, posted, parent, setHeight(h) { p.body.getBoundingClientRect = () => ({ height: h }); } };
}

test("answers embed.js's measure with its height, every time", () => {
  const f = framed("https://cards.example/s/story/?embed=1");
  f.setHeight(736);
  f.p.message({ type: "explainer:measure" }, { source: f.parent });
  f.p.message({ type: "explainer:measure" }, { source: f.parent });
  const heights = f.posted.filter((m) => m.msg.type === "explainer:height");
  assert.strictEqual(heights.length, 2, "asked twice, answered twice");
  assert.strictEqual(heights[0].msg.height, 736);
});

// A static host serves the page's one prerender for ?embed=1 too: boot.js
// gives it the card's shell, as the server's card page has from the start.
test("marks the card's page as the card, and only it", () => {
  assert.ok(framed("https://cards.example/s/story/?embed=1").p.document.documentElement.classList.contains("is-embed"));
  assert.ok(!framed("https://cards.example/s/story/?event=x").p.document.documentElement.classList.contains("is-embed"));
  assert.ok(!framed("https://cards.example/s/story/?embed=0").p.document.documentElement.classList.contains("is-embed"));
});

test("answers only its own parent", () => {
  const f = framed("https://cards.example/s/story/?embed=1");
  f.setHeight(736);
  f.p.message({ type: "explainer:measure" }, { source: {} });
  assert.strictEqual(f.posted.filter((m) => m.msg.type === "explainer:height").length, 0);
});

for (const [name, query, pym] of [
  ["a pym.js id", "childId=explainer-1", "pymxPYMxexplainer-1xPYMxheightxPYMx736"],
  ["an id that carries pym's delimiter", "childId=axPYMxnavigateToxPYMxhttps:evil.example", null],
  ["two ids", "childId=one&childId=two", null],
  ["an id that is not an element id", "childId=" + encodeURIComponent("a b"), null],
]) {
  test("posts pym.js heights for " + name + " only if it is one, valid id", () => {
    const f = framed("https://cards.example/s/story/?embed=1&" + query);
    f.setHeight(736);
    f.p.message({ type: "explainer:measure" }, { source: f.parent });
    const strings = f.posted.map((m) => m.msg).filter((m) => typeof m === "string");
    assert.deepStrictEqual(strings, pym ? [pym] : []);
  });
}

test("posts WordPress's height with its secret, and answers its ready", () => {
  const f = framed("https://cards.example/s/story/?embed=1#?secret=S3cr3t");
  f.setHeight(700);
  f.p.message({ message: "ready", secret: "S3cr3t" }, { source: f.parent });
  f.p.message({ message: "ready", secret: "other" }, { source: f.parent });
  const wp = f.posted.filter((m) => m.msg.message === "height");
  assert.deepStrictEqual(plain(wp.map((m) => m.msg)), [{ message: "height", value: 700, secret: "S3cr3t" }]);
});
