package source

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hangul-press/publish/pkg/diag"
)

// readQuick reads src and fails when that takes longer than thirty seconds (a loaded machine
// is slow, a quadratic algorithm far slower):
// every hostile input here must cost linear time.
func readQuick(t *testing.T, src string) (*Post, *diag.List) {
	t.Helper()
	var diags diag.List
	start := time.Now()
	p, err := Read("2020-01-01-hostile.md", []byte(src), nil, Options{}, &diags)
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %v", d)
	}
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	checkPositions(t, p, []byte(src))
	return p, &diags
}

// checkPositions checks that every body offset maps inside the file.
func checkPositions(t *testing.T, p *Post, src []byte) {
	t.Helper()
	lines := bytes.Count(src, []byte("\n")) + 1
	step := max(1, len(p.Body)/1000)
	for off := 0; off <= len(p.Body); off += step {
		pos := p.Pos(off)
		if pos.Line < 1 || pos.Line > lines || pos.Col < 1 || pos.File != p.Path {
			t.Fatalf("Pos(%d) = %v outside the file (%d lines)", off, pos, lines)
		}
	}
}

func TestLongLine(t *testing.T) {
	line := strings.Repeat("가나다 {{ page.title }} ", 5000) // ~120 KB
	p, diags := readQuick(t, "---\ntitle: 제목\n---\n"+line+"끝\n")
	if diags.Len() != 0 {
		t.Errorf("diagnostics: %v", diags.Items())
	}
	if pos := p.Pos(bytes.Index(p.Body, []byte("끝"))); pos.Line != 4 || pos.Col != 5000*21+1 {
		t.Errorf("Pos(끝) = %v, want 4:%d", pos, 5000*21+1)
	}
}

func TestUnterminated(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("{{", 50000),
		strings.Repeat("{%", 50000),
		strings.Repeat("{{ x }", 20000),
		"앞 {{ page.title",
		"앞 {% if",
	} {
		p, diags := readQuick(t, src)
		if string(p.Body) != src || diags.Count(diag.Warning) == 0 {
			t.Errorf("%.20q…: body changed or no warning", src)
		}
	}
}

func TestRawWithoutEnd(t *testing.T) {
	p, diags := readQuick(t, "앞 {{ page.slug }}\n{% raw %}{{ 그대로 }}\n{% if %}")
	if string(p.Body) != "앞 hostile\n{% raw %}{{ 그대로 }}\n{% if %}" {
		t.Errorf("body %q", p.Body)
	}
	if items := diags.Items(); len(items) != 1 || items[0].Pos.Line != 2 || items[0].Pos.Col != 1 {
		t.Errorf("diagnostics %v, want one at 2:1", items)
	}
}

func TestDeepNesting(t *testing.T) {
	const n = 20000
	src := "앞\n" + strings.Repeat("{% if true %}", n) + "속" + strings.Repeat("{% endif %}", n) + "\n뒤 {{ page.slug }}\n"
	p, diags := readQuick(t, src)
	if !bytes.HasSuffix(p.Body, []byte("속"+strings.Repeat("{% endif %}", n)+"\n뒤 hostile\n")) {
		t.Errorf("body end %q", p.Body[len(p.Body)-40:])
	}
	if items := diags.Items(); len(items) != 1 || items[0].Pos.Line != 2 {
		t.Errorf("diagnostics %v, want one warning at line 2", items)
	}
	// never closed, each opener fails alone
	p, _ = readQuick(t, strings.Repeat("{% if true %}", n))
	if len(p.Body) != n*len("{% if true %}") {
		t.Errorf("body length %d", len(p.Body))
	}
	// nested just under the limit is evaluated
	src = strings.Repeat("{% if true %}", maxNesting) + "참" + strings.Repeat("{% endif %}", maxNesting)
	if p, diags = readQuick(t, src); string(p.Body) != "참" || diags.Len() != 0 {
		t.Errorf("depth %d: body %q, %v", maxNesting, p.Body, diags.Items())
	}
}

func TestIncludeLoop(t *testing.T) {
	files := MemFiles{"/s/_posts/a.md": []byte("A{% include_relative a.md %}")}
	var diags diag.List
	p, err := Read("_posts/2020-01-01-x.md", []byte("{% include_relative a.md %}"), nil,
		Options{Files: files, Dir: "/s/_posts"}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	if string(p.Body) != strings.Repeat("A", maxIncludeDepth) || diags.Count(diag.Warning) != 1 {
		t.Errorf("body %q, diagnostics %v", p.Body, diags.Items())
	}
}

func TestHugeLoop(t *testing.T) {
	p, diags := readQuick(t, "{% for i in (1..1000000000) %}x{% endfor %} {% for i in (1..1000) %}{% for j in (1..1001) %}y{% endfor %}{% endfor %} {% for i in (1..3) %}{{ i }}{% endfor %}")
	if !bytes.HasSuffix(p.Body, []byte("{% endfor %} 123")) || diags.Count(diag.Warning) != 2 {
		t.Errorf("body %q, diagnostics %v", p.Body, diags.Items())
	}
}

func TestHostileYAML(t *testing.T) {
	laughs := "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for _, c := range "bcdefghi" {
		prev := string(c - 1)
		laughs += string(c) + ": &" + string(c) + " [*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + "]\n"
	}
	laughs += "---\n{{ page.i | size }}\n"
	for _, src := range []string{
		laughs,
		"---\na: " + strings.Repeat("[", 100000) + "\n---\n",
		"---\na: " + strings.Repeat("{a: ", 20000) + "\n---\n",
		"---\n" + strings.Repeat("- a\n", 20000) + "---\n",
	} {
		var diags diag.List
		start := time.Now()
		_, _ = Read("x.md", []byte(src), nil, Options{}, &diags)
		if d := time.Since(start); d > 30*time.Second {
			t.Errorf("%.20q…: took %v", src, d)
		}
	}
}

// TestIncludeSiteLoop: an _includes file that includes itself stops at the
// depth limit (one warning), and one that includes itself several times at
// the budget of inclusions (the post kept as written from the tag), as
// include_relative does.
func TestIncludeSiteLoop(t *testing.T) {
	site := &Site{Root: "/s", Config: map[string]any{}}
	for _, c := range []struct {
		name, inc, body string
		warning         string
	}{
		{"nested", "A{% include a.html %}", strings.Repeat("A", maxIncludeDepth), "included files nest more than"},
		{"fan-out", strings.Repeat("{% include a.html %}", 4), "{% include a.html %}", fmt.Sprintf("more than %d inclusions", maxIncludes)},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := MemFiles{"/s/_includes/a.html": []byte(c.inc)}
			var diags diag.List
			p, err := Read("/s/_posts/2020-01-01-x.md", []byte("{% include a.html %}"), site,
				Options{Files: files, Dir: "/s/_posts"}, &diags)
			if err != nil {
				t.Fatal(err)
			}
			items := diags.Items()
			if string(p.Body) != c.body || len(items) == 0 || !strings.Contains(items[len(items)-1].Message, c.warning) {
				t.Errorf("body %q, diagnostics %v", p.Body, items)
			}
		})
	}
}
