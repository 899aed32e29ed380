# explainer — `make run` serves the built-in story on http://localhost:8080,
# `make test` runs every test. `make run` needs only Go; `make test` also
# installs Node, npm, Chromium and versitygw when they are missing (see deps).

GO      ?= go
GOROOT  := $(shell $(GO) env GOROOT)
BIN     := bin/explainer
WASM    := web/static/app.wasm.br
EXEC_JS := web/static/wasm_exec.js
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)
SOURCES := $(shell find app web main.go -name '*.go') go.mod go.sum
ADDR    ?= :8080

# Test tools from npm, installed into .cache (git-ignored), never committed:
# axe-core audits accessibility, Ajv checks stories against the JSON Schema,
# Azurite (Microsoft's Azure Blob emulator) is a store the publisher writes to.
NPM_TOOLS := axe-core@4.14.1 ajv@8.20.0 ajv-formats@3.0.1 azurite@3.37.0
NODE_MODULES := .cache/npm/node_modules
# The S3-compatible server the publishing tests store to (Apache-2.0),
# and a Google Cloud Storage emulator (BSD-2-Clause).
VERSITYGW := .cache/bin/versitygw
FAKE_GCS  := .cache/bin/fake-gcs-server

.PHONY: cldr cldr-json run build wasm test test-js test-go test-wasm test-goapp goapp-diff fuzz bench stress fmt fmt-check vet lint tidy-check clean deps npm-tools

run: build
	./$(BIN) serve -addr $(ADDR)

build: $(BIN)

# The binary links every bucket driver (s3, gs, azblob, file), so that
# every store works for users. disable_grpc_modules is Google's documented
# tag for a GCS client that uses only its HTTP API, as gocloud.dev's gs://
# does: it leaves out gRPC's xDS and its dependencies, 12.8 MB of the
# binary (55.6 MB without the tag, 42.8 MB with). The README lists what
# each driver costs.
BUILD_TAGS := disable_grpc_modules

$(BIN): wasm $(SOURCES) $(shell find web -type f -not -name '*.go')
	$(GO) build -trimpath -tags "$(BUILD_TAGS)" -ldflags "-s -w -X explainer/app/cli.version=$(VERSION)" -o $(BIN) .

wasm: $(WASM)

# The WebAssembly holds no server code: its programs are their own mains
# (app/widget/webapp, app/studio/webapp) and import none of it.
# wasm_exec.js comes from the same Go as the wasm (app/internal/wasmbuild,
# which tests use too). Each wasm is kept as .br alone, the form the
# binary embeds; the server decodes or re-encodes it for the rare client
# that takes no brotli.
$(WASM): $(SOURCES)
	$(GO) run ./app/tools/buildwasm -out web/static

# Tests build the WebAssembly they need themselves. EXPLAINER_TEST_ALL=1
# turns the skips for a missing Node, npm tool or Chromium into failures:
# here every test runs.
test: fmt-check vet lint tidy-check deps npm-tools cldr-json test-js test-go test-wasm test-goapp fuzz

# Beyond Go, the tests use Node (the WebAssembly tests run under it), npm
# (to fetch axe-core) and Chromium (the browser tests). Install what is
# missing when we can (root with apt-get); otherwise say how, and stop: no
# test is ever skipped silently. The publishing tests store to versitygw,
# a real S3-compatible server, and fake-gcs-server, both built from source
# by the go command (Azure's emulator comes with the npm tools).
deps: $(VERSITYGW) $(FAKE_GCS)
	@missing=""; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	[ -n "$$CHROME_PATH" ] || command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || missing="$$missing chromium"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing for the tests:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else \
		echo "make test needs:$$missing (apt-get install$$missing; CHROME_PATH may point at a Chrome binary)"; exit 1; \
	fi

$(VERSITYGW): Makefile
	GOBIN=$(CURDIR)/.cache/bin $(GO) install github.com/versity/versitygw/cmd/versitygw@v1.8.0

$(FAKE_GCS): Makefile
	GOBIN=$(CURDIR)/.cache/bin $(GO) install github.com/fsouza/fake-gcs-server@v1.56.1

npm-tools: $(NODE_MODULES)/.installed

$(NODE_MODULES)/.installed: Makefile
	npm install --silent --no-audit --no-fund --prefix .cache/npm $(NPM_TOOLS)
	touch $@

# embed.js and boot.js on their own, under Node's test runner: which
# frames and messages they take, and what they post (app/e2e runs them
# in Chromium too).
test-js:
	node --test web/jstest/

# The stores again as the binary links them (BUILD_TAGS).
test-go:
	EXPLAINER_TEST_ALL=1 $(GO) test -count=1 ./...
	EXPLAINER_TEST_ALL=1 $(GO) test -count=1 -tags "$(BUILD_TAGS)" -run '^TestPublishToEachStore$$' ./app/publish

# The domain packages also run as WebAssembly, under Node, as in the browser.
# The WebAssembly carries no zone database; under Node the tests read Go's.
# The studio's build of the widget escapes its preview as the server does.
test-wasm:
	ZONEINFO=$(GOROOT)/lib/time/zoneinfo.zip GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(GOROOT)/lib/wasm/go_js_wasm_exec" ./app/story/... ./app/i18n/... ./app/studio/draft/...
	GOOS=js GOARCH=wasm $(GO) test -count=1 -tags studio -exec="$(GOROOT)/lib/wasm/go_js_wasm_exec" -run '^(TestStaticHTMLCannotInject|TestEscapeAttr)$$' ./app/widget

# go-app, patched so that the browser build links no net/http, is carried
# in app/internal/goapp as its own module (go.mod replaces upstream's with
# it; PATCHES.md lists each change). Upstream's tests of the kept packages
# run on the host, and as WebAssembly under Node as well, but for the
# tests below: upstream runs those in a browser (wasmbrowsertest), they call
# window, document or localStorage, which Node has not (they fail the same
# on the unpatched module). goapp-diff prints the patch against the upstream
# release that go.mod names, to re-apply on an upgrade.
GOAPP     := app/internal/goapp
GOAPP_MOD := github.com/maxence-charriere/go-app/v10
GOAPP_NEEDS_DOM := TestActionManagerPost TestSetDeleteJSAttribute \
	TestContextSrc TestContextDeviceID TestContextNavigate \
	TestContextEncryptDecryptStruct TestContextEncryptDecryptString \
	TestContextEncryptDecryptBytes TestContextDispatch TestContextDefer \
	TestContextAfter TestContextPreventUpdate TestContextUpdate \
	TestContextHandle TestContextStates TestContextResizeContent TestEngineLoad \
	TestEngineNavigate TestEngineStart TestEngineEncode TestNodeManagerMount \
	TestNodeManagerDismount TestNodeManagerUpdate TestNodeManagerContext \
	TestNodeManagerNotifyComponentEvent TestComponent TestObserverObserving \
	TestStateManagerObserve TestStateManagerGet TestStateManagerSet \
	TestStateManagerDelete TestStateManagerCleanup \
	TestStateManagerCleanupExpiredPersistedStates TestJSLocalStorage \
	TestJSSessionStorage TestTestMatch
test-goapp:
	cd $(GOAPP) && $(GO) test -count=1 ./pkg/...
	cd $(GOAPP) && GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(GOROOT)/lib/wasm/go_js_wasm_exec" \
		-skip '^($(subst $(eval) ,|,$(strip $(GOAPP_NEEDS_DOM))))$$' ./pkg/...

goapp-diff:
	@v=$$($(GO) list -m -f '{{.Version}}' $(GOAPP_MOD)) && \
	up=$$($(GO) mod download -json $(GOAPP_MOD)@$$v | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$$/\1/p') && \
	[ -n "$$up" ] || { echo "goapp-diff: cannot find $(GOAPP_MOD) in the module cache"; exit 1; }; \
	for f in LICENSE go.mod pkg/app pkg/errors pkg/logs; do \
		diff -ruN "$$up/$$f" "$(GOAPP)/$$f"; [ $$? -le 1 ] || exit 2; \
	done

# The parser, the rich-text subset of bodies and captions (checked against
# the rules as first written, and seeded with long unclosed delimiter runs), the media
# recogniser, the hand-written matchers (against the patterns they stand
# for) and the importer. Each runs for a number of inputs, not a
# time: a -fuzztime duration races Go's fuzzing coordinator (go.dev/issue/
# 75804, fixed in Go 1.27) and fails at the deadline with no crasher. The
# counts come to a few seconds each; FUZZ_STORY and FUZZ_IMPORT raise them.
# New inputs are minimised for at most a second: the default minimisation
# of a large seed (the built-in story) stalls a short run.
FUZZ_STORY  ?= 150000x
FUZZ_IMPORT ?= 40000x
fuzz:
	$(GO) test -run='^$$' -fuzz=FuzzParse -fuzztime=$(FUZZ_STORY) -fuzzminimizetime=1s ./app/story
	$(GO) test -run='^$$' -fuzz=FuzzRichText -fuzztime=$(FUZZ_STORY) -fuzzminimizetime=1s ./app/story
	$(GO) test -run='^$$' -fuzz=FuzzRecognise -fuzztime=$(FUZZ_STORY) -fuzzminimizetime=1s ./app/story
	$(GO) test -run='^$$' -fuzz=FuzzDecodeTrusted -fuzztime=$(FUZZ_STORY) -fuzzminimizetime=1s ./app/story
	$(GO) test -run='^$$' -fuzz=FuzzMatchers -fuzztime=$(FUZZ_STORY) -fuzzminimizetime=1s ./app/story
	$(GO) test -run='^$$' -fuzz=FuzzChildIDForm -fuzztime=$(FUZZ_STORY) -fuzzminimizetime=1s ./app/shell
	$(GO) test -run='^$$' -fuzz=FuzzStoryPath -fuzztime=$(FUZZ_STORY) -fuzzminimizetime=1s ./app/widget
	$(GO) test -run='^$$' -fuzz=FuzzConvert -fuzztime=$(FUZZ_IMPORT) -fuzzminimizetime=1s ./app/timelinejs
	$(GO) test -run='^$$' -fuzz=FuzzHTMLText -fuzztime=$(FUZZ_IMPORT) -fuzzminimizetime=1s ./app/timelinejs

# Every benchmark, then one table of their figures (the raw output, for
# benchstat, is kept in .cache/bench.txt), then the reader's WebAssembly
# by package. The browser's figures (app/e2e BenchmarkLoad) are medians
# of five loads in a new tab each, on a desktop and on an emulated phone.
bench: deps
	@mkdir -p .cache
	EXPLAINER_TEST_ALL=1 $(GO) test -run='^$$' -bench=. -benchmem ./... > .cache/bench.txt || { cat .cache/bench.txt; exit 1; }
	$(GO) run ./app/tools/benchtable < .cache/bench.txt
	$(GO) run ./app/tools/wasmsize -top 20

# The real server under a cache-miss flood, identical misses, slow
# WebAssembly readers and an edit storm: requests/s, errors, p99 latency
# and peak memory. STRESS_PHASE sets each phase's length.
STRESS_PHASE ?= 3s
stress: build
	$(GO) run ./app/tools/stress -binary $(BIN) -phase $(STRESS_PHASE)

# app/i18n/cldr/locales.json (committed) from CLDR's JSON, the version of
# Node's ICU so that Intl can check it (app/i18n/cldr's tests).
CLDR_VERSION := 48.0.0
CLDR_PKGS := cldr-core cldr-dates-full cldr-numbers-full cldr-units-full cldr-localenames-full cldr-misc-full
cldr: cldr-json
	$(GO) run ./app/tools/cldrgen -cldr .cache/cldr/node_modules -out app/i18n/cldr

cldr-json: .cache/cldr/node_modules/.installed

.cache/cldr/node_modules/.installed: Makefile
	npm install --silent --no-audit --no-fund --prefix .cache/cldr $(addsuffix @$(CLDR_VERSION),$(CLDR_PKGS))
	touch $@

fmt:
	gofmt -w app web main.go

# app/internal/goapp is upstream's code, kept as upstream wrote it.
fmt-check:
	@out=$$(gofmt -l app web main.go | grep -v '^app/internal/goapp/'); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# The packages of the two WebAssembly programs (app/widget/webapp and
# app/studio/webapp), checked once more as the browser builds them. One
# pass with -tags studio covers both: the reader's build differs only in
# leaving out the widget's static rendering and in attr.go, which the host
# pass checks; the server's packages are never built for the browser.
WASM_PKGS = $(shell GOOS=js GOARCH=wasm $(GO) list -tags studio -deps \
	-f '{{if .Module}}{{if .Module.Main}}{{.ImportPath}}{{end}}{{end}}' ./app/widget/webapp ./app/studio/webapp)

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet -tags studio $(WASM_PKGS)

# staticcheck at a pinned version, fetched by the go command like any
# module; it fails on any finding, on the server and on the WebAssembly.
STATICCHECK := .cache/bin/staticcheck
lint: $(STATICCHECK)
	$(STATICCHECK) ./...
	GOOS=js GOARCH=wasm $(STATICCHECK) -tags studio $(WASM_PKGS)

$(STATICCHECK): Makefile
	GOBIN=$(CURDIR)/.cache/bin $(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2

# go.mod and go.sum say exactly what the code imports.
tidy-check:
	@out=$$($(GO) mod tidy -diff 2>&1) || { echo "go mod tidy needed:"; echo "$$out"; exit 1; }

clean:
	rm -rf bin testoutput .cache web/static/app.wasm* web/static/studio.wasm* $(EXEC_JS) $(EXEC_JS).br $(EXEC_JS).gz
