package source

import (
	"testing"

	"github.com/hangul-press/publish/pkg/diag"
)

// Jekyll's front matter defaults apply under the post's own front matter,
// the more specific scope last.
func TestFrontMatterDefaults(t *testing.T) {
	files := MemFiles{
		"/s/_config.yml": []byte(`defaults:
  - scope: {path: "", type: posts}
    values: {use_math: true, author: 사이트, toc: false}
  - scope: {path: "notes"}
    values: {author: 노트}
  - scope: {path: "", type: pages}
    values: {use_math: false}
  - values: {comments: true}
  - scope: {path: "notes/_posts", type: posts}
    values: {toc: true}
`),
	}
	var diags diag.List
	site, err := LoadSite("/s", files, &diags)
	if err != nil {
		t.Fatal(err, diags.Items())
	}
	var body string
	read := func(path, text string) map[string]any {
		p, err := Read(path, []byte(text), site, Options{Files: files, Dir: "/s/" + dirOf(path)}, &diags)
		if err != nil {
			t.Fatal(err)
		}
		body = string(p.Body)
		return p.Front
	}
	a := read("_posts/2020-01-01-a.md", "---\ntitle: a\n---\n{{ page.author }}\n")
	if a["use_math"] != true || a["author"] != "사이트" || a["comments"] != true || a["toc"] != false {
		t.Errorf("root post: %v", a)
	}
	if body != "사이트\n" {
		t.Errorf("Liquid does not see the defaults: %q", body)
	}
	b := read("notes/_posts/2020-01-02-b.md", "---\ntitle: b\nauthor: 글쓴이\n---\n")
	if b["author"] != "글쓴이" || b["toc"] != true || b["use_math"] != true {
		t.Errorf("notes post: %v", b)
	}
	c := read("notes/_posts/2020-01-03-c.md", "---\ntitle: c\n---\n")
	if c["author"] != "노트" {
		t.Errorf("path default does not win over the site-wide one: %v", c)
	}
}

func dirOf(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[:i]
		}
	}
	return ""
}
