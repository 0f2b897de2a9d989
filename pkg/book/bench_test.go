package book

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/markdown"
)

// benchPost is a post of the size and mix of a real Korean tech blog post:
// front matter, Liquid, emphasis next to particles, a table, code, math,
// an image and a footnote.
func benchPost(i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"글 %d: 동시성과 조판\"\ndate: 2020-01-%02d 10:00:00 +0900\ntags: [go, 조판]\ncategories: dev\n---\n\n", i, i%28+1)
	for p := 0; p < 12; p++ {
		fmt.Fprintf(&b, "## 절 %d\n\n", p)
		b.WriteString("한국어 문장은 어절 단위로 줄을 바꾼다. **\"인용\"**은 굵게, **중요(重要)**한 말도 굵게 쓴다.\n")
		b.WriteString("가격은 12,000원이고 지연 시간은 200ms, 비율은 97.5%다. [링크](https://example.com/a/b)도 있다.[^n]\n\n")
		b.WriteString("![그림]({{ \"/assets/a.png\" | relative_url }})\n\n")
		b.WriteString("| 열 | 값 |\n|---|---|\n| 가 | 1 |\n\n")
		b.WriteString("{% highlight go %}\nfunc main() { fmt.Println(\"안녕\") }\n{% endhighlight %}\n\n")
		b.WriteString("수식 $$a_1 + b^2$$ 이 있다.\n\n")
	}
	b.WriteString("[^n]: 각주.\n")
	return b.String()
}

// writeSite writes a generated Jekyll site of n posts and returns the
// manifest and the total bytes of the posts.
func writeSite(tb testing.TB, n int) (*manifest.Manifest, int64) {
	dir := tb.TempDir()
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "site/_posts"), 0o755))
	must(os.MkdirAll(filepath.Join(dir, "site/assets"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "site/_config.yml"), []byte("title: 벤치\nurl: https://b.example.com\n"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "site/assets/a.png"), tinyPNG, 0o644))
	var total int64
	for i := 0; i < n; i++ {
		post := benchPost(i)
		total += int64(len(post))
		name := fmt.Sprintf("site/_posts/2020-01-%02d-post-%04d.md", i%28+1, i)
		must(os.WriteFile(filepath.Join(dir, name), []byte(post), 0o644))
	}
	var d diag.List
	m, err := manifest.Parse("bench.yaml", dir, []byte("title: 벤치\nauthors: 나\nsite: {root: site}\nchapters: [site/_posts/*.md]\n"), &d)
	must(err)
	return m, total
}

// BenchmarkLoad1000 loads a generated 1,000-post site: front matter,
// Liquid, Markdown and the book model. It reports MB/s of post text.
func BenchmarkLoad1000(b *testing.B) {
	m, total := writeSite(b, 1000)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		var d diag.List
		bk, err := Load(m, Options{}, &d)
		if err != nil || len(bk.Chapters()) != 1000 {
			b.Fatalf("load: %v %v", err, d.Items())
		}
	}
}

// BenchmarkMarkdownOnly1000 parses the same 1,000 posts' bytes with our
// Markdown parser alone, with no front matter, Liquid or book model: the
// reference that BenchmarkLoad1000 is reported against (docs/benchmarks.md).
func BenchmarkMarkdownOnly1000(b *testing.B) {
	var posts [][]byte
	var total int64
	for i := 0; i < 1000; i++ {
		p := benchPost(i)
		posts = append(posts, []byte(p))
		total += int64(len(p))
	}
	md := markdown.New(markdown.Options{})
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range posts {
			md.Parse(p)
		}
	}
}
