package markdown

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"
)

// specExample is one example of the CommonMark specification as goldmark
// ships it in _test/spec.json.
type specExample struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

// loadSpec reads the CommonMark examples from goldmark's module directory.
func loadSpec(t *testing.T) []specExample {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH: cannot locate goldmark's spec.json")
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	if err != nil {
		t.Fatalf("go list goldmark: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "_test", "spec.json"))
	if err != nil {
		t.Fatal(err)
	}
	var examples []specExample
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	if len(examples) < 600 {
		t.Fatalf("spec.json has only %d examples", len(examples))
	}
	return examples
}

// render parses src with p and renders it as XHTML, normalised the way
// goldmark's own spec test compares (surrounding space trimmed).
func render(t *testing.T, p *Parser, src string) string {
	t.Helper()
	var b bytes.Buffer
	if err := p.HTMLRenderer().Render(&b, []byte(src), p.Parse([]byte(src))); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSpace(b.Bytes()))
}

// TestCommonMarkEmphasis checks every example of the specification's section
// "Emphasis and strong emphasis" against the expected HTML, with the parser
// reduced to CommonMark plus our emphasis rules: the CJK-friendly amendment
// must not change Latin text.
func TestCommonMarkEmphasis(t *testing.T) {
	p := New(Options{CommonMark: true})
	n := 0
	for _, ex := range loadSpec(t) {
		if ex.Section != "Emphasis and strong emphasis" {
			continue
		}
		n++
		if got, want := render(t, p, ex.Markdown), strings.TrimSpace(ex.HTML); got != want {
			t.Errorf("example %d: %q\n got %q\nwant %q", ex.Example, ex.Markdown, got, want)
		}
	}
	if n < 100 {
		t.Errorf("only %d emphasis examples found", n)
	}
}

// TestCommonMarkAll checks every example of the specification: our
// CommonMark configuration must render exactly what goldmark renders, and
// where goldmark matches the specification, so must we.
func TestCommonMarkAll(t *testing.T) {
	p := New(Options{CommonMark: true})
	gm := goldmark.New(goldmark.WithRendererOptions(html.WithXHTML(), html.WithUnsafe()))
	pass := 0
	examples := loadSpec(t)
	for _, ex := range examples {
		var b bytes.Buffer
		if err := gm.Convert([]byte(ex.Markdown), &b); err != nil {
			t.Fatal(err)
		}
		want := string(bytes.TrimSpace(b.Bytes()))
		got := render(t, p, ex.Markdown)
		if got != want {
			t.Errorf("example %d (%s): %q\n got %q\n goldmark %q", ex.Example, ex.Section, ex.Markdown, got, want)
		}
		if got == strings.TrimSpace(ex.HTML) {
			pass++
		}
	}
	t.Logf("%d of %d CommonMark examples match the specification exactly", pass, len(examples))
}
