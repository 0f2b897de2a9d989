package repocheck

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/hangul-press/publish"

// owners names, for each third-party import path prefix, the only project
// packages whose non-test files may import it. Libraries absent from this
// table may not be imported at all until they are added here with a reason.
var owners = map[string][]string{
	"github.com/yuin/goldmark/ast":      {"pkg/markdown", "pkg/book", "pkg/epub", "pkg/layout"},
	"github.com/yuin/goldmark/text":     {"pkg/markdown", "pkg/book", "pkg/epub", "pkg/layout"},
	"github.com/yuin/goldmark/renderer": {"pkg/markdown"}, // the EPUB writer builds its XHTML itself
	"github.com/yuin/goldmark/util":     {"pkg/markdown"},
	"github.com/yuin/goldmark":          {"pkg/markdown"}, // parser and extension configuration
	// The node kinds of GFM tables, task lists, footnotes, strikethrough.
	"github.com/yuin/goldmark/extension/ast": {"pkg/markdown", "pkg/book", "pkg/epub", "pkg/layout"},
	// GitHub's emoji names, for jemoji's shortcodes (markdown/emoji.go).
	"github.com/yuin/goldmark-emoji/definition": {"pkg/markdown"},
	"github.com/urfave/cli/v3":                  {"internal/cli"},
	"go.yaml.in/yaml/v3":                        {"pkg/manifest", "pkg/source"},
	"github.com/osteele/liquid":                 {"pkg/source"},
	"github.com/alecthomas/chroma/v2":           {"pkg/highlight", "pkg/epub", "pkg/layout"}, // highlight: lexers, style, budget; EPUB: HTML formatter; PDF: token colours
	// chroma's regular expressions: highlight turns off their match
	// timeouts, which made highlighting depend on the machine's load.
	"github.com/dlclark/regexp2/v2": {"pkg/highlight"},
	// x/net/html parses raw HTML: the book finds <img> in it, the EPUB
	// writer tokenises and sanitises it (and uses html.Node as its output
	// tree), the layout reads its text. pkg/markdown holds the start-tag
	// iterator (StartTags) that the book uses, next to RawHTML and
	// RawSegments, which give the raw HTML of a node and its source.
	"golang.org/x/net/html": {"pkg/markdown", "pkg/book", "pkg/epub", "pkg/layout"},
	// x/image/webp decodes WebP in pkg/raster, the one package that
	// decodes images; genimages draws text with x/image/font.
	"golang.org/x/image":       {"pkg/raster", "internal/cmd/genimages"},
	"golang.org/x/tools/txtar": {"internal/testtool"}, // golden archives, for tests only
	// The ideographs of KS X 1001, JIS X 0208 and GB 2312 (decoded from
	// EUC-KR, EUC-JP and GBK) that genfonts keeps in the serif CJK subset;
	// tests use them to check the subset's coverage.
	"golang.org/x/text/encoding": {"internal/cmd/genfonts"},
}

// allowed lists, for each project package, the project packages it may
// import. Arrows point one way: nothing imports build or cli, diag
// imports nothing of ours. pkg/uri escapes every href and src the writers
// write, so the EPUB writer, the layout (which makes the PDF's link
// targets) and the PDF painter may all import it. The EPUB writer reads
// epub.math's values from manifest and writes formulas with texmath.
var allowed = map[string][]string{
	"pkg/diag":     {},
	"pkg/progress": {},
	"pkg/uri":      {}, // the one URL escaper of every writer: a leaf
	// svg is the one home of SVG: how the file is read as XML, the static
	// vocabulary, local references, the drawing model. A leaf: the book
	// sniffs SVG with it, the EPUB's sanitiser shares its reader and
	// vocabulary, the layout parses drawings and sets their text, the
	// PDF painter draws its shapes. It reads style sheets with
	// internal/css, the one CSS reader, which the EPUB's sanitiser uses too.
	"pkg/svg":      {"internal/css"},
	"internal/css": {}, // a leaf: tokens, rules, declarations, serialiser
	"fonts":        {},
	"pkg/truetype": {},
	// texmath reads the math font's MATH table and outlines through
	// truetype and ships DejaVu Math from fonts; layout and the writers
	// will import texmath, never the other way round.
	"pkg/texmath":       {"pkg/truetype", "fonts"},
	"pkg/raster":        {"internal/parallel"},
	"internal/parallel": {},
	"internal/testtool": {}, // imported by tests only
	// crosscheck holds tests alone (the PDF's words against the EPUB's);
	// its doc.go imports nothing.
	"internal/crosscheck": {},
	"pkg/manifest":        {"pkg/diag"},
	"pkg/source":          {"pkg/diag", "pkg/uri", "pkg/markdown"}, // markdown: Jekyll's markdownify filter
	"pkg/markdown":        {"pkg/diag", "pkg/uri"},                 // uri: the page a raw <iframe> shows (FramePage)
	"pkg/highlight":       {},
	"pkg/book":            {"pkg/progress", "pkg/diag", "pkg/manifest", "pkg/source", "pkg/markdown", "pkg/truetype", "pkg/highlight", "pkg/texmath", "pkg/raster", "pkg/svg", "internal/parallel"},                                                 // truetype: pdf.fonts are checked at load time; raster: image headers
	"pkg/epub":            {"pkg/progress", "pkg/diag", "pkg/manifest", "pkg/book", "pkg/highlight", "pkg/markdown", "pkg/source", "pkg/truetype", "pkg/texmath", "pkg/raster", "pkg/uri", "pkg/svg", "internal/parallel", "fonts", "internal/css"}, // manifest: the settings' types; texmath: formulas drawn as SVG or written as MathML
	// layout sets chapters in parallel on the one worker pool (issue 13).
	"pkg/layout": {"pkg/progress", "pkg/diag", "pkg/manifest", "pkg/book", "pkg/highlight", "pkg/markdown", "pkg/source", "pkg/truetype", "pkg/raster", "pkg/uri", "pkg/texmath", "pkg/svg", "internal/parallel", "fonts"}, // manifest: the settings' types; texmath: formulas laid out for the page
	// The PDF writer embeds font subsets that truetype writes, and
	// compresses pages and images on the one worker pool, images within
	// raster's memory budget.
	"pkg/pdf":                {"pkg/progress", "pkg/layout", "pkg/truetype", "pkg/uri", "pkg/raster", "pkg/svg", "internal/parallel"},
	"internal/build":         {"pkg/progress", "internal/gensite", "pkg/diag", "pkg/manifest", "pkg/book", "pkg/source", "pkg/epub", "pkg/layout", "pkg/pdf", "pkg/truetype", "fonts"},
	"internal/cli":           {"pkg/progress", "internal/initcmd", "internal/build", "pkg/diag", "pkg/book", "pkg/manifest"},
	"internal/repocheck":     {},
	"internal/cmd/genimages": {"fonts"},
	// genfonts cuts the shipped fallback subsets with truetype; it reads
	// the font files from disk, not through package fonts (whose embedded
	// copies it is remaking).
	"internal/cmd/genfonts": {"pkg/truetype"},
	"internal/gensite":      {},
	"internal/initcmd":      {"pkg/diag", "pkg/manifest", "pkg/source", "pkg/book"}, // book: the sandbox, the post index and glob expansion
	"internal/cmd/gensite":  {"internal/gensite"},
	"cmd/publish":           {"internal/cli"},
}

func TestImports(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	pkgs := packages(t, root)
	if len(pkgs) < 5 {
		t.Fatalf("found only %d packages under %s", len(pkgs), root)
	}
	for dir, imports := range pkgs {
		own, known := allowed[dir]
		if !known {
			t.Errorf("%s: package not listed in deps_test.go; add it with the imports it may use", dir)
			continue
		}
		for _, imp := range imports {
			if msg := check(dir, imp, own); msg != "" {
				t.Errorf("%s imports %s: %s", dir, imp, msg)
			}
		}
	}
}

func check(dir, imp string, own []string) string {
	if strings.HasPrefix(imp, module+"/") {
		target := strings.TrimPrefix(imp, module+"/")
		if !contains(own, target) {
			return "not an allowed project dependency"
		}
		return ""
	}
	if !strings.Contains(strings.Split(imp, "/")[0], ".") {
		return "" // standard library
	}
	prefix := longestOwner(imp)
	if prefix == "" {
		return "third-party library not listed in owners"
	}
	if !contains(owners[prefix], dir) {
		return "only " + strings.Join(owners[prefix], ", ") + " may import " + prefix
	}
	return ""
}

func longestOwner(imp string) string {
	best := ""
	for p := range owners {
		if (imp == p || strings.HasPrefix(imp, p+"/")) && len(p) > len(best) {
			best = p
		}
	}
	return best
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// packages maps each package folder (relative to root) to the imports of
// its non-test Go files.
func packages(t *testing.T, root string) map[string][]string {
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "books") && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		rel = filepath.ToSlash(rel)
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			out[rel] = append(out[rel], path)
		}
		if _, ok := out[rel]; !ok {
			out[rel] = nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for k := range out {
		sort.Strings(out[k])
	}
	return out
}
