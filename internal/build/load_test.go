package build

import (
	"testing"

	"github.com/hangul-press/publish/internal/gensite"
	"github.com/hangul-press/publish/pkg/diag"
)

// mustLoad loads the book that arg (a manifest or a post) names, its
// diagnostics in d; a book that cannot load fails tb with them.
func mustLoad(tb testing.TB, arg string, d *diag.List) *Input {
	tb.Helper()
	in, err := Load(Env{}, []string{arg}, d)
	if err != nil {
		tb.Fatalf("%v %v", err, d.Items())
	}
	return in
}

// loadSite generates a site in a temporary folder and loads its book.
func loadSite(tb testing.TB, opt gensite.Options, d *diag.List) (*Input, gensite.Site) {
	tb.Helper()
	s, err := gensite.Write(tb.TempDir(), opt)
	if err != nil {
		tb.Fatal(err)
	}
	return mustLoad(tb, s.Manifest, d), s
}
