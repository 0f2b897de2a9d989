package markdown

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// Issue 14 item 6: a <div> that only a script would fill is an
// interactive figure the book must say it left out.
func TestScriptFiguresIssue14Item6(t *testing.T) {
	bokeh := `<div class="bk-root" id="e1b2c3" data-root-id="1002"></div>
<script type="text/javascript">
  Bokeh.embed.embed_items(docs_json, render_items);
</script>
`
	for _, c := range []struct {
		md   string
		want int
	}{
		{"앞 글.\n\n" + bokeh + "\n뒤 글.\n", 1},
		{"<div id=\"chart\"></div>\n\n<script src=\"chart.js\"></script>\n", 1},
		{"<div id=\"chart\">\n  <!-- 여기에 -->\n</div>\n<script>x()</script>\n", 1},
		{"<div class=\"clear\"></div>\n\n본문.\n", 0},                 // no script: a spacer
		{"<div id=\"note\">글이 있다</div>\n<script>x()</script>\n", 0}, // not empty
		{"<div></div>\n<script>x()</script>\n", 0},                  // no id or class
		{"<div class=\"a\"></div><div class=\"b\"></div><script></script>\n", 2},
	} {
		src := []byte(c.md)
		doc := New(Options{}).Parse(src)
		var got []ScriptFigure
		for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
			if _, ok := n.(*ast.HTMLBlock); ok {
				got = append(got, ScriptFigures(n, src)...)
			}
		}
		if len(got) != c.want {
			t.Errorf("%q: %d figures, want %d", c.md, len(got), c.want)
			continue
		}
		for _, f := range got {
			if !strings.HasPrefix(string(src[f.Source:]), "<div") || !strings.HasPrefix(f.Tag, "<div") {
				t.Errorf("%q: figure at %d (%q) is not its div", c.md, f.Source, f.Tag)
			}
		}
	}
}

// FuzzScriptFigures checks that every figure found points at a <div>
// start tag of the post, within the node's raw HTML.
func FuzzScriptFigures(f *testing.F) {
	f.Add("<div class=\"bk-root\" id=\"x\"></div>\n<script>y()</script>\n")
	f.Add("<div id=\"a\"></div>\n\n<script></script>\n")
	f.Add("> <div id=\"a\">\n> </div><script>\n")
	f.Fuzz(func(t *testing.T, md string) {
		src := []byte(md)
		doc := New(Options{}).Parse(src)
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			raw, ok := RawHTML(n, src)
			if !ok {
				return ast.WalkContinue, nil
			}
			for _, fig := range ScriptFigures(n, src) {
				if fig.At < 0 || fig.At >= len(raw) || !strings.HasPrefix(raw[fig.At:], "<") ||
					fig.Source < 0 || fig.Source >= len(src) || src[fig.Source] != '<' {
					t.Fatalf("figure %+v outside its raw HTML %q", fig, raw)
				}
			}
			return ast.WalkContinue, nil
		})
	})
}
