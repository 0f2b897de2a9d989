# publish — build, test and book targets. `make help` lists them.

GO      ?= go
BIN     := bin/publish
PKG     := github.com/hangul-press/publish
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -s -w -X $(PKG)/internal/cli.Version=$(VERSION)
BOOKS   := $(wildcard books/*.yaml)
# Commands that write an output; `make books` runs every manifest through each.
# (epub and pdf join this list when they exist.)
OUTPUTS :=

.PHONY: help build test lint bench books check-books clean

help:
	@echo "make build        build $(BIN) (static, version $(VERSION))"
	@echo "make test         run every test (validators are used when installed)"
	@echo "make lint         gofmt check and go vet"
	@echo "make bench        run the benchmarks"
	@echo "make books        build every book in books/ with every output command"
	@echo "make check-books  publish check --strict on every book in books/"
	@echo "make clean        remove bin/ and dist/"

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/publish

test:
	$(GO) test ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

books: build
	@set -e; for b in $(BOOKS); do \
		name=$$(basename $$b .yaml); \
		$(BIN) check --quiet $$b; \
		for cmd in $(OUTPUTS); do $(BIN) $$cmd $$b -o dist/$$name.$$cmd; done; \
	done

check-books: build
	@set -e; for b in $(BOOKS); do $(BIN) --strict check --quiet $$b; done

clean:
	rm -rf bin dist
