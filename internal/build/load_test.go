package build

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/gensite"
	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/yuin/goldmark/ast"
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

// TestThemeConventions loads the fixtures of theme and plugin conventions
// (testdata/sites/chirpy.txtar, jekyll-plugins.txtar,
// minimal-mistakes.txtar): every image is found (Chirpy's media_subpath
// and img_path, the site's _includes, Minimal Mistakes' figure and
// gallery, data: URLs), sized and captioned as the theme shows it, and
// nothing is reported but the gists, iframes and videos that a book
// cannot embed.
func TestThemeConventions(t *testing.T) {
	for _, c := range []struct {
		fixture  string
		images   int
		warnings int
		captions []string // titles the Markdown images end with
	}{
		{"chirpy", 4, 0, []string{"그림 1. 포함된 폴더에서 찾은 그림", "그림 2. 옛 이름으로 찾은 그림"}},
		{"jekyll-plugins", 3, 3, nil}, // the gist and the two iframes
		{"minimal-mistakes", 3, 1, []string{"그림 1. 테마 포함 파일의 그림"}},
		{"jupyter", 2, 0, nil},
		{"html-post", 1, 0, nil},
	} {
		t.Run(c.fixture, func(t *testing.T) {
			var d diag.List
			dir := testtool.Site(t, filepath.Join(testtool.ModuleRoot(t), "testdata", "sites", c.fixture+".txtar"))
			in := mustLoad(t, filepath.Join(dir, "book.yaml"), &d)
			if n := d.Count(diag.Warning); n != c.warnings {
				t.Errorf("%d warnings, want %d: %v", n, c.warnings, d.Items())
			}
			images := 0
			var captions []string
			for _, ch := range in.Book.Chapters() {
				for _, ref := range ch.Images {
					images++
					if ref.Asset == nil {
						t.Errorf("%s: image %s not found", ch.Post.Path, ref.URL)
					}
					if img, ok := ref.Node.(*ast.Image); ok && len(img.Title) > 0 {
						captions = append(captions, string(img.Title))
					}
				}
			}
			if images != c.images || c.captions != nil && strings.Join(captions, "|") != strings.Join(c.captions, "|") {
				t.Errorf("%d images (want %d), captions %q (want %q)", images, c.images, captions, c.captions)
			}
		})
	}
}
