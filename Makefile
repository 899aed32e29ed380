# explainer — `make run` serves the built-in story on http://localhost:8080,
# `make test` runs every test. Only Go is needed; the browser tests install
# Chromium when they can (see .ci/run).

GO      ?= go
GOROOT  := $(shell $(GO) env GOROOT)
BIN     := bin/explainer
WASM    := web/static/app.wasm
EXEC_JS := web/static/wasm_exec.js
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)
SOURCES := $(shell find app web main.go -name '*.go') go.mod go.sum
ADDR    ?= :8080
FUZZTIME ?= 10s

.PHONY: run build wasm test test-go test-wasm fuzz bench fmt fmt-check vet clean

run: build
	./$(BIN) serve -addr $(ADDR)

build: $(BIN)

$(BIN): wasm $(SOURCES) $(shell find web -type f -not -name '*.go')
	$(GO) build -trimpath -ldflags "-s -w -X explainer/app/cli.version=$(VERSION)" -o $(BIN) .

wasm: $(WASM)

# The WebAssembly holds no server code: app/server and app/cli are behind
# //go:build !wasm. wasm_exec.js must come from the same Go as the wasm.
$(WASM): $(SOURCES)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags "-s -w" -o $(WASM) .
	cp $(GOROOT)/lib/wasm/wasm_exec.js $(EXEC_JS)
	$(GO) run ./app/tools/precompress $(WASM) $(EXEC_JS)

test: wasm fmt-check vet test-go test-wasm fuzz

test-go:
	$(GO) test -count=1 ./...

# The domain packages also run as WebAssembly, under Node, as in the browser.
test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(GOROOT)/lib/wasm/go_js_wasm_exec" ./app/story/... ./app/i18n/...

# New inputs are minimised for at most a second: the default minimisation
# of a large seed (the built-in story) stalls a short run.
fuzz:
	$(GO) test -run='^$$' -fuzz=FuzzParse -fuzztime=$(FUZZTIME) -fuzzminimizetime=1s ./app/story

bench: wasm
	$(GO) test -run='^$$' -bench=. -benchmem ./...

fmt:
	gofmt -w app web main.go

fmt-check:
	@out=$$(gofmt -l app web main.go); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...

clean:
	rm -rf bin testoutput $(WASM) $(WASM).br $(WASM).gz $(EXEC_JS) $(EXEC_JS).br $(EXEC_JS).gz
