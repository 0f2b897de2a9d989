# publish — build, test and book targets. `make help` lists them.

GO      ?= go
BIN     := bin/publish
PKG     := github.com/hangul-press/publish
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -s -w -X $(PKG)/internal/cli.Version=$(VERSION)
BOOKS   := $(wildcard books/*.yaml)
# Commands that write an output; `make books` runs every manifest through each.
OUTPUTS := epub pdf
# Release binaries: os/arch pairs, built static.
PLATFORMS := linux/amd64 linux/arm64 darwin/arm64 windows/amd64
# Books and binaries in a release carry the commit's time, so that building
# the same commit twice gives the same bytes (reproducible-builds.org).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH

.PHONY: help build test lint bench bench-compare books check-books release verify-reproducible clean

help:
	@echo "make build        build $(BIN) (static, version $(VERSION))"
	@echo "make test         run every test (validators are used when installed)"
	@echo "make lint         gofmt check and go vet"
	@echo "make bench        run the benchmarks"
	@echo "make bench-compare  time publish against pandoc, pandoc+WeasyPrint and zip (skips what is absent)"
	@echo "                   on the plain site (POSTS=500), the rich blog-like site (RICH_POSTS=120) and"
	@echo "                   an image-heavy site (HEAVY_POSTS=200), with peak memory; 0 skips a site"
	@echo "make books        build every book in books/ with every output command"
	@echo "make check-books  publish check --strict on every book in books/"
	@echo "make release      books, binaries for $(PLATFORMS) and SHA256SUMS in dist/"
	@echo "make verify-reproducible  build the release twice and compare checksums"
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

bench-compare:
	BENCH_HEAVY_POSTS=$(HEAVY_POSTS) BENCH_RICH_POSTS=$(RICH_POSTS) scripts/bench-compare.sh $(POSTS)

books: build
	@set -e; for b in $(BOOKS); do \
		name=$$(basename $$b .yaml); \
		for cmd in $(OUTPUTS); do $(BIN) --quiet $$cmd $$b -o dist/$$name.$$cmd; done; \
	done

check-books: build
	@set -e; for b in $(BOOKS); do $(BIN) --strict check --quiet $$b; done

release: check-books
	rm -rf dist && mkdir -p dist
	$(MAKE) --no-print-directory books
	@set -e; for p in $(PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		echo "build dist/publish-$$os-$$arch$$ext"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -buildvcs=false \
			-ldflags '$(LDFLAGS)' -o dist/publish-$$os-$$arch$$ext ./cmd/publish; \
	done
	cd dist && sha256sum $$(ls | grep -v SHA256SUMS) > SHA256SUMS
	@cat dist/SHA256SUMS

# verify-reproducible builds the release twice from the same commit and
# fails if any checksum differs.
verify-reproducible:
	$(MAKE) --no-print-directory release
	mv dist dist.first
	$(MAKE) --no-print-directory release
	@if cmp -s dist.first/SHA256SUMS dist/SHA256SUMS; then echo "reproducible: same checksums twice"; rm -rf dist.first; \
	else diff dist.first/SHA256SUMS dist/SHA256SUMS; rm -rf dist.first; exit 1; fi

clean:
	rm -rf bin dist dist.first
