package layout

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/diag"
)

// FuzzLayout lays out random small chapters: Layout must never panic, and
// what it makes must keep the layout's invariants.
func FuzzLayout(f *testing.F) {
	files, _ := filepath.Glob("testdata/pages/*.txtar")
	posts, _ := filepath.Glob("../../testdata/fallback-fonts/*.md")
	for _, file := range append(files, posts...) {
		data, err := os.ReadFile(file)
		if err == nil {
			f.Add(string(data))
		}
	}
	for _, s := range []string{"", "# 제목\n\n본문", "| a |\n|---|\n| b |", "```\n\t\n```", "- [ ] \n", "[^1]\n\n[^1]: x[^1]", "<img src=x>", "$$\n\n$$", "> - ```\n> x",
		"가 $$x = \\frac{1}{2}$$를 \\\\[ a + b \\\\] 나[^1]\n\n[^1]: $$y$$\n\n    $$z \\tag{가}$$", "$$\\begin{equation}a\\label{x}\\end{equation}$$\n\n$$\\eqref{x}$$ $$\\frac{1}{$$",
		"<table><tr><th>a<td>b<table><tr><td>c</table></table>", "<ul><li>a<ol start=3><li>b</ul>\n\nx</li>",
		"<center>\n\n가운데\n\n</center>", "H<sub>2</sub>O <b>x<i>y</b>z", "<pre>\n a\tb\n</pre>", "| a | b |\n| c |",
		"<div class=\"bk-root\" id=\"x\"></div>\n<script>y()</script>", "<h3 align=center>제목</h3><blockquote>인용<p>둘",
		"<table><tr><td rowspan=3 colspan=2>a<td>b<tr><td colspan=0>c<td rowspan=-1>d<tr><td colspan=70>e</table>",
		"<figure><img src=x title=t><figcaption>캡션 <b>굵게</b></figcaption></figure><figure>홀로</figure>",
		"<div><iframe src=\"//player.vimeo.com/video/1?h=a\"></iframe> 글 <iframe src=javascript:x></iframe>",
		"<div>\n<style>\n.a{}\n\n.b{}\n</style>\n<table>\n<tr><td>가</td></tr>\n\n</table>\n</div>",
		"용어\n: 정의\n: 둘째\n\n*[HTML]: x", "![a](x.png)\n_캡션_", "```py\nx\n```\n{: file=\"a.py\" }"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		if len(md) > 4000 || !utf8.ValidString(md) {
			return // the book refuses text that is not UTF-8
		}
		b := testBook(t, map[string]string{"a.md": "---\ntitle: 퍼즈\n---\n" + md}, smallPaper)
		var diags diag.List
		doc, err := Layout(b, Options{}, &diags)
		if err != nil {
			t.Fatal(err)
		}
		checkAnchors(t, doc)
		if len(doc.Pages) == 0 {
			t.Fatal("no pages")
		}
	})
}

// BenchmarkLayout lays out a generated book of 100 chapters and reports
// pages per second.
func BenchmarkLayout(b *testing.B) {
	chapters := map[string]string{}
	for i := range 100 {
		chapters[fmt.Sprintf("c%03d.md", i)] = benchChapter(i)
	}
	bk := testBook(b, chapters, "")
	b.ResetTimer()
	pages := 0
	for b.Loop() {
		doc, err := Layout(bk, Options{}, &diag.List{})
		if err != nil {
			b.Fatal(err)
		}
		pages += len(doc.Pages)
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// benchChapter is a chapter of about five pages: paragraphs, headings, a
// list, a table and a code block.
func benchChapter(i int) string {
	var s strings.Builder
	fmt.Fprintf(&s, "---\ntitle: 벤치마크 %d장\n---\n\n", i+1)
	para := strings.Repeat("한국어 문장은 띄어쓰기 단위인 어절을 기준으로 줄을 바꾸는 것이 자연스럽다. 가격이 12,000원인 책이나 36.5℃ 같은 체온도 떨어지면 안 된다. ", 4)
	for sec := range 4 {
		fmt.Fprintf(&s, "## 절 %d\n\n%s\n\n%s**굵게** `code`.\n\n", sec+1, para, para)
		s.WriteString("- 하나\n- 둘\n  - 셋\n\n| 가 | 나 |\n|---|---|\n| 1 | 둘 |\n| 3 | 넷 |\n\n")
		s.WriteString("```go\nfunc main() {\n\tfmt.Println(\"안녕\")\n}\n```\n\n")
	}
	return s.String()
}
