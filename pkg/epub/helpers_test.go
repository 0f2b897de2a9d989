package epub

import (
	"bytes"
	"testing"
	"time"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
)

// fixedTime is the build time of every test book.
var fixedTime = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)

// loadBook loads a manifest through the real pipeline.
func loadBook(t testing.TB, path string) (*book.Book, *diag.List) {
	t.Helper()
	var diags diag.List
	m, err := manifest.Load(path, &diags)
	if err != nil {
		t.Fatalf("manifest: %v\n%v", err, diags)
	}
	m.Timestamp = fixedTime
	b, err := book.Load(m, book.Options{}, &diags)
	if err != nil {
		t.Fatalf("book: %v\n%v", err, diags)
	}
	return b, &diags
}

// build writes b to memory.
func build(t testing.TB, b *book.Book, opt Options) ([]byte, Stats, *diag.List) {
	t.Helper()
	var diags diag.List
	var out bytes.Buffer
	st, err := Write(&out, b, opt, &diags)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return out.Bytes(), st, &diags
}
