package e2e

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/story/storytest"
)

// loadsPerOp is how many loads one op of BenchmarkLoad makes.
const loadsPerOp = 5

// A profile is how a reader's device and network are emulated.
type profile struct {
	name          string
	width, height int64
	scale         float64
	mobile        bool
	cpu           float64 // slowdown of the main thread; 0 for none
	latencyMs     float64 // added to every request; 0 for none
	bytesPerSec   float64
}

var (
	desktop = profile{name: "desktop", width: 1280, height: 900, scale: 1}
	// A phone on 4G: 9 Mbit/s down, 170 ms round trips, a CPU four times
	// slower than this machine's, 390 CSS pixels wide.
	phone = profile{name: "phone", width: 390, height: 844, scale: 2, mobile: true,
		cpu: 4, latencyMs: 170, bytesPerSec: 9e6 / 8}
)

// probeJS runs in every document before its own scripts: it marks the
// moment the WebAssembly has taken over, for performance.getEntries, and
// keeps the last largest-contentful-paint entry, which has no getter: a
// takeover that replaces the painted page shows as a later one. It also
// keeps the WebAssembly's memory (memoryJS), from the instance boot.js
// makes.
const probeJS = `addEventListener("explainer:ready", () => performance.mark("explainer-ready"), {once: true});
new PerformanceObserver(l => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({type: "largest-contentful-paint", buffered: true});
for (const name of ["instantiateStreaming", "instantiate"]) {
	const f = WebAssembly[name];
	WebAssembly[name] = function (...args) {
		return f.apply(this, args).then(r => { if (r.instance) window.__wasmMemory = r.instance.exports.mem; return r; });
	};
}`

// memoryJS is the size of the WebAssembly's linear memory, in bytes:
// what the reader's Go heap has grown to, since an instance never gives
// memory back.
const memoryJS = `window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : 0`

// lcpJS waits for the frame after the takeover to paint, then returns the
// last largest contentful paint.
const lcpJS = `new Promise(r => requestAnimationFrame(() => setTimeout(() => r(window.__lcp || 0), 50)))`

// loadJS reads what a finished load measured, from the page's own
// performance timeline: first contentful paint, the takeover, and the
// bytes that came over the network before the paint and in all.
const loadJS = `(() => {
	const fcp = (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime || 0;
	const ready = (performance.getEntriesByName("explainer-ready")[0] || {}).startTime || 0;
	const nav = performance.getEntriesByType("navigation")[0];
	let before = nav.transferSize, all = nav.transferSize, requests = 1, thirdParty = 0;
	for (const r of performance.getEntriesByType("resource")) {
		all += r.transferSize;
		requests++;
		if (r.responseEnd <= fcp) before += r.transferSize;
		if (new URL(r.name).origin !== location.origin) thirdParty++;
	}
	return {fcp, ready, before, all, requests, thirdParty};
})()`

type loadResult struct {
	FCP        float64 `json:"fcp"`
	Ready      float64 `json:"ready"`
	Before     float64 `json:"before"`
	All        float64 `json:"all"`
	Requests   float64 `json:"requests"`
	ThirdParty float64 `json:"thirdParty"`
	LCP        float64 `json:"-"` // from lcpJS
	Memory     float64 `json:"-"` // from memoryJS, after the selections
}

// interactJS makes n selections of the kind asked for ("key": the right
// arrow on the selected tab; "click": a click on a tab further on) and
// returns how long each took, in milliseconds, from the event until the
// DOM shows the new selection: the WebAssembly handled the event and
// rendered the update in one go, since the MutationObserver's callback
// runs only once it yields.
const interactJS = `(async (kind, n) => {
	const times = [];
	const tabs = () => [...document.querySelectorAll("#explainer [role=tab]")];
	// selects runs act and resolves once next shows as selected.
	const selects = (next, act) => {
		const done = new Promise(resolve => {
			const seen = new MutationObserver(() => {
				if (next.isConnected && next.getAttribute("aria-selected") === "true") { seen.disconnect(); resolve(); }
			});
			seen.observe(document.getElementById("explainer"), {attributes: true, subtree: true});
		});
		act();
		return done;
	};
	for (let i = 0; i < n; i++) {
		let all = tabs();
		let cur = all.findIndex(t => t.getAttribute("aria-selected") === "true");
		if (kind === "key" && cur + 1 >= all.length) { // at the end: back to the start, untimed
			await selects(all[0], () => all[0].click());
			all = tabs();
			cur = 0;
		}
		const next = all[(cur + (kind === "key" ? 1 : 3)) % all.length];
		const t0 = performance.now();
		await selects(next, kind === "key" ?
			() => all[cur].dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowRight", bubbles: true})) :
			() => next.click());
		times.push(performance.now() - t0);
		await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))); // let the frame paint
	}
	return times;
})`

// BenchmarkLoad loads a story page in Chromium as readers do, each time in
// a new tab, and reports medians over the loads: first contentful paint,
// the WebAssembly's takeover (data-explainer="ready"), main-thread time
// blocked by long tasks until then and the longest one (from a trace),
// bytes before the first paint and in all, and the latency of selecting
// an event by key and by click at median and 90th percentile, and the
// WebAssembly's memory after those sixteen selections. "cold" loads
// start with an empty HTTP cache; "warm" ones are a repeat visit.
//
// "builtin/phone/first-tap" times something else: a tap on another
// event right after the first paint, answered by boot.js before the
// WebAssembly has arrived (firstTapJS): when it came, how long the page
// in that state took to arrive and to show, and in how many loads the
// WebAssembly came first (when the figure is not the one wanted).
//
// Run it with make bench. One op is five loads, so that even a run of one
// op has medians worth reading. It serves the WebAssembly compressed as a
// release does.
func BenchmarkLoad(b *testing.B) {
	needBrowser(b)
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "generated.json"), storytest.Generate(1000), 0o644); err != nil {
		b.Fatal(err)
	}
	static := testenv.ReleaseStaticFS(b)
	builtin := serveSite(b, sitetest.Parts{Static: static}, nil) + "/"
	generated := serveSite(b, sitetest.Parts{Static: static, Stories: dir}, nil) + "/s/generated/"

	cases := []struct {
		name    string
		url     string
		profile profile
		warm    bool
	}{
		{"builtin/desktop/cold", builtin, desktop, false},
		{"builtin/phone/cold", builtin, phone, false},
		{"builtin/phone/warm", builtin, phone, true},
		{"1000-events/desktop/cold", generated, desktop, false},
		{"1000-events/phone/cold", generated, phone, false},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var loads []loadResult
			var blocking, longest, keys, clicks []float64
			if c.warm {
				measureLoad(b, c.url, c.profile, true) // fills the cache
			}
			for b.Loop() {
				for range loadsPerOp {
					r, tasks, key, click := measureLoad(b, c.url, c.profile, c.warm)
					loads = append(loads, r)
					blocked, long := tasks.blocking()
					blocking = append(blocking, blocked)
					longest = append(longest, long)
					keys = append(keys, key...)
					clicks = append(clicks, click...)
				}
			}
			pick := func(f func(loadResult) float64) []float64 {
				var v []float64
				for _, r := range loads {
					v = append(v, f(r))
				}
				return v
			}
			b.ReportMetric(median(pick(func(r loadResult) float64 { return r.FCP })), "ms-paint")
			b.ReportMetric(median(pick(func(r loadResult) float64 { return r.LCP })), "ms-lcp")
			b.ReportMetric(median(pick(func(r loadResult) float64 { return r.Ready })), "ms-ready")
			b.ReportMetric(median(blocking), "ms-blocked")
			b.ReportMetric(median(longest), "ms-longest-task")
			b.ReportMetric(median(pick(func(r loadResult) float64 { return r.Before }))/1000, "kB-before-paint")
			b.ReportMetric(median(pick(func(r loadResult) float64 { return r.All }))/1000, "kB-all")
			b.ReportMetric(quantile(keys, 0.5), "ms-key-p50")
			b.ReportMetric(quantile(keys, 0.9), "ms-key-p90")
			b.ReportMetric(quantile(clicks, 0.5), "ms-click-p50")
			b.ReportMetric(quantile(clicks, 0.9), "ms-click-p90")
			b.ReportMetric(median(pick(func(r loadResult) float64 { return r.Memory }))/1e6, "MB-wasm-memory")
			b.ReportMetric(0, "ns/op") // five loads are one op: the medians above say it
		})
	}
	b.Run("builtin/phone/first-tap", func(b *testing.B) {
		var taps []firstTap
		for b.Loop() {
			for range loadsPerOp {
				taps = append(taps, measureFirstTap(b, builtin, phone))
			}
		}
		pick := func(f func(firstTap) float64) []float64 {
			var v []float64
			for _, r := range taps {
				v = append(v, f(r))
			}
			return v
		}
		wasmFirst := 0
		for _, r := range taps {
			if r.WasmFirst {
				wasmFirst++
			}
		}
		b.ReportMetric(median(pick(func(r firstTap) float64 { return r.Paint })), "ms-paint")
		b.ReportMetric(median(pick(func(r firstTap) float64 { return r.Tap })), "ms-tapped")
		b.ReportMetric(median(pick(func(r firstTap) float64 { return r.Fetched - r.Tap })), "ms-tap-to-fetched")
		b.ReportMetric(median(pick(func(r firstTap) float64 { return r.Shown - r.Tap })), "ms-tap-to-shown")
		b.ReportMetric(median(pick(func(r firstTap) float64 { return r.Shown })), "ms-first-tap-shown")
		b.ReportMetric(float64(wasmFirst), "loads-wasm-first")
		b.ReportMetric(0, "ns/op")
	})
}

// firstTapJS runs in every document before its own scripts: as soon as
// the page has painted and boot.js has run (it is deferred: a tap before
// it loads the page again, as a link does), it taps the event three
// after the selected one and records when, and when that event shows as
// selected, and whether the WebAssembly was running by then.
const firstTapJS = `(() => {
	let painted = false, parsed = false;
	const tap = () => {
		if (!painted || !parsed || window.firstTapAt) return;
		const tabs = [...document.querySelectorAll("#explainer [role=tab]")];
		const cur = tabs.findIndex(t => t.getAttribute("aria-selected") === "true");
		const id = tabs[(cur + 3) % tabs.length].id;
		const seen = new MutationObserver(() => {
			const el = document.getElementById(id);
			if (!el || el.getAttribute("aria-selected") !== "true") return;
			seen.disconnect();
			window.firstTapShown = {tap: window.firstTapAt, shown: performance.now(), state: document.documentElement.dataset.explainer || ""};
		});
		seen.observe(document.documentElement, {childList: true, subtree: true, attributes: true});
		window.firstTapAt = performance.now();
		document.getElementById(id).click();
	};
	new PerformanceObserver((list, obs) => {
		if (!list.getEntriesByName("first-contentful-paint").length) return;
		obs.disconnect();
		painted = true;
		tap();
	}).observe({type: "paint", buffered: true});
	document.addEventListener("DOMContentLoaded", () => { parsed = true; setTimeout(tap, 0); });
})();`

type firstTap struct {
	Paint     float64 `json:"paint"`
	Tap       float64 `json:"tap"`
	Shown     float64 `json:"shown"`
	Fetched   float64 `json:"fetched"`
	WasmFirst bool    `json:"wasmFirst"`
}

// measureFirstTap loads url cold in a new tab under the profile, taps
// another event right after the first paint (firstTapJS) and returns
// when, from the start of the navigation, the page painted, the tap
// came and its event showed; WasmFirst says the WebAssembly had arrived
// (or was running) by then, when the figure is not the one wanted.
func measureFirstTap(b *testing.B, url string, pr profile) firstTap {
	b.Helper()
	p := profiledTab(b, pr, false, firstTapJS)
	defer p.close()
	p.run(chromedp.Navigate(url))
	p.waitFor(`!!window.firstTapShown`)
	var r firstTap
	p.eval(`(() => {
		const s = window.firstTapShown;
		const paint = (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime || 0;
		const arrived = performance.getEntriesByType("resource").some(e => e.name.endsWith(".wasm") && e.responseEnd <= s.shown);
		// The page in the tapped state: the network's share of the answer.
		const f = performance.getEntriesByType("resource").find(e => e.startTime >= s.tap && e.initiatorType === "fetch" && !e.name.endsWith(".wasm")) || {};
		return {paint, tap: s.tap, fetched: f.responseEnd || 0, shown: s.shown, wasmFirst: arrived || s.state === "ready"};
	})()`, &r)
	if r.Fetched == 0 {
		b.Fatal("the tap fetched no page: boot.js did not answer it")
	}
	return r
}

// profiledTab opens a tab under the profile, with an empty HTTP cache
// unless warm, and script run in every document before its own.
func profiledTab(b testing.TB, pr profile, warm bool, script string) *tab {
	b.Helper()
	p := newTab(b)
	setup := []chromedp.Action{
		network.SetCacheDisabled(false),
		emulation.SetDeviceMetricsOverride(pr.width, pr.height, pr.scale, pr.mobile),
		emulation.SetTouchEmulationEnabled(pr.mobile),
		emulation.SetCPUThrottlingRate(max(pr.cpu, 1)),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(script).Do(ctx)
			return err
		}),
	}
	if !warm {
		setup = append(setup, network.ClearBrowserCache())
	}
	if pr.latencyMs > 0 {
		setup = append(setup, chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := network.EmulateNetworkConditionsByRule([]*network.Conditions{{
				Latency: pr.latencyMs, DownloadThroughput: pr.bytesPerSec, UploadThroughput: pr.bytesPerSec,
			}}).Do(ctx)
			return err
		}))
	}
	p.run(setup...)
	return p
}

// measureLoad opens url in a new tab under the profile and measures one
// load, then eight selections by key and eight by click.
func measureLoad(b *testing.B, url string, pr profile, warm bool) (loadResult, traceTasks, []float64, []float64) {
	b.Helper()
	p := profiledTab(b, pr, warm, probeJS)
	defer p.close()
	tr := startTrace(p)
	p.run(chromedp.Navigate(url))
	p.waitReady()
	var r loadResult
	p.eval(loadJS, &r)
	if err := chromedp.Run(p.ctx, chromedp.Evaluate(lcpJS, &r.LCP,
		func(e *runtime.EvaluateParams) *runtime.EvaluateParams { return e.WithAwaitPromise(true) })); err != nil {
		b.Fatal(err)
	}
	tasks := tr.stop()
	if r.ThirdParty != 0 {
		b.Fatalf("%s made %v requests to another origin", url, r.ThirdParty)
	}
	interact := func(kind string) []float64 {
		var ms []float64
		if err := chromedp.Run(p.ctx, chromedp.Evaluate(interactJS+"("+strconv.Quote(kind)+", 8)", &ms,
			func(e *runtime.EvaluateParams) *runtime.EvaluateParams { return e.WithAwaitPromise(true) })); err != nil {
			b.Fatal(err)
		}
		return ms
	}
	keys, clicks := interact("key"), interact("click")
	if p.eval(memoryJS, &r.Memory); r.Memory == 0 {
		b.Fatal("the WebAssembly's memory was not seen: probeJS's wrapper missed the instance")
	}
	return r, tasks, keys, clicks
}

func median(v []float64) float64 { return quantile(v, 0.5) }

// quantile is the q-quantile of v by the nearest-rank method.
func quantile(v []float64, q float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	i := int(q*float64(len(s))+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}
