package markdown

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestCodeInfo(t *testing.T) {
	for src, want := range map[string]struct {
		lang    string
		linenos bool
	}{
		"```go\nx\n```\n":                   {"go", false},
		"```python linenos\nx\n```\n":       {"python", true},
		"```linenos\nx\n```\n":              {"", true},
		"```{.ruby}\nx\n```\n":              {"ruby", false},
		"```\nx\n```\n":                     {"", false},
		"    x\n{: .language-sh}\n":         {"sh", false},
		"```go\nx\n```\n{: .language-sh}\n": {"go", false},
	} {
		doc := New(Options{}).Parse([]byte(src))
		var got struct {
			lang    string
			linenos bool
		}
		found := false
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && (n.Kind() == ast.KindFencedCodeBlock || n.Kind() == ast.KindCodeBlock) {
				got.lang, got.linenos = CodeInfo(n, []byte(src))
				found = true
				if CodeText(n, []byte(src)) != "x\n" {
					t.Errorf("%q: code %q", src, CodeText(n, []byte(src)))
				}
			}
			return ast.WalkContinue, nil
		})
		if !found || got != want {
			t.Errorf("%q: got %+v, want %+v", src, got, want)
		}
	}
}
