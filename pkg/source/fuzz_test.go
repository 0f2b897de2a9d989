package source

import (
	"bytes"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/diag"
)

// addSeeds adds every post of the golden files as a fuzz seed.
func addSeeds(f *testing.F) {
	for _, ar := range testtool.Archives(f, "testdata/*.txtar") {
		for _, file := range ar.Files {
			if !outputs[file.Name] {
				f.Add(file.Data)
			}
		}
	}
}

func FuzzSplitFrontMatter(f *testing.F) {
	addSeeds(f)
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\r\na: [1,\r\n...\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fm, ok := splitFrontMatter(data)
		if ok && fm.present && !(fm.yamlStart <= fm.yamlEnd && fm.yamlEnd <= fm.bodyStart && fm.bodyStart <= len(data)) {
			t.Fatalf("bad bounds %+v for %d bytes", fm, len(data))
		}
		var diags diag.List
		p, err := readMeta("2020-01-01-f.md", data, nil, Options{}, &diags)
		if err == nil && p.bodyStart > len(p.src.src) {
			t.Fatalf("body starts at %d of %d", p.bodyStart, len(p.src.src))
		}
		if err == nil && p.HasDate && p.Date.IsZero() {
			t.Fatalf("HasDate with a zero date")
		}
	})
}

func FuzzLiquid(f *testing.F) {
	addSeeds(f)
	f.Add([]byte("{% if a %}{% for x in (1..3) %}{{ x | plus: 1 }}{% endfor %}{% else %}b{% endif %}"))
	f.Add([]byte("{%- raw -%} {{ }} {%- endraw -%}{% highlight go %}```{% endhighlight %}"))
	files := MemFiles{
		"/s/_posts/2019-01-01-a.md": []byte("---\ntitle: A\n---\n{% include_relative inc.md %}"),
		"/s/_posts/inc.md":          []byte("포함 {{ page.title }} {% include_relative inc.md %}"),
		"/s/about.md":               []byte("---\npermalink: /소개/\n---\n"),
		"/s/_includes/n.html":       []byte("<b>{{ include.t }}</b>{% include n.html t=include.t %}"),
	}
	f.Add([]byte(`{% include n.html t="가" u=page.title %}{% include {{ page.x }} %}{% include n.html t='\'' %}`))
	site := &Site{Root: "/s", URL: "https://x.kr", BaseURL: "/b", Permalink: "date", Config: map[string]any{"t": "블로그"}}
	f.Fuzz(func(t *testing.T, data []byte) {
		var diags diag.List
		p, err := Read("_posts/2020-01-01-f.md", data, site, Options{Files: files, Dir: "/s/_posts"}, &diags)
		if err != nil {
			return
		}
		src, _ := normalize("", data)
		lines := bytes.Count(src, []byte("\n")) + 1
		for off := 0; off <= len(p.Body); off++ {
			pos := p.Pos(off)
			if pos.Line < 1 || pos.Line > lines || pos.Col < 1 {
				t.Fatalf("Pos(%d) = %v outside the file (%d lines)", off, pos, lines)
			}
		}
		for _, d := range diags.Items() {
			if d.Pos.File == p.Path && (d.Pos.Line > lines || d.Pos.Line < 0) {
				t.Fatalf("diagnostic outside the file: %v", d)
			}
		}
	})
}
