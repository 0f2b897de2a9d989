package book

import (
	"bytes"
	"fmt"
	"github.com/yuin/goldmark/ast"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
)

// tinyPNG is a 4×3 PNG made here, for tests that need a real image.
var tinyPNG = func() []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 4, 3))); err != nil {
		panic(err)
	}
	return buf.Bytes()
}()

type fixture struct {
	t   *testing.T
	dir string
}

func newFixture(t *testing.T) *fixture {
	f := &fixture{t: t, dir: t.TempDir()}
	f.write("site/_config.yml", "url: https://me.example.com\nbaseurl: /blog\npermalink: /:year/:month/:day/:title.html\n")
	return f
}

func (f *fixture) write(rel string, content any) {
	f.t.Helper()
	p := filepath.Join(f.dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		f.t.Fatal(err)
	}
	var data []byte
	switch c := content.(type) {
	case string:
		data = []byte(c)
	case []byte:
		data = c
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) load(manifestText string) (*Book, []diag.Diagnostic, error) {
	f.t.Helper()
	var d diag.List
	m, err := manifest.Parse("book.yaml", f.dir, []byte(manifestText), &d)
	if err != nil {
		f.t.Fatalf("manifest: %v", d.Items())
	}
	rel := func(abs string) string {
		r, _ := filepath.Rel(f.dir, abs)
		return r
	}
	b, err := Load(m, Options{Rel: rel}, &d)
	return b, d.Items(), err
}

const siteBook = "title: 책\nauthors: 나\nsite: {root: site}\nchapters: [site/_posts/*.md]\n"

func messages(ds []diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

func TestImagesResolve(t *testing.T) {
	f := newFixture(t)
	f.write("site/assets/a.png", tinyPNG)
	f.write("site/_posts/img/b.png", tinyPNG)
	f.write("site/assets/jpeg-named.png", jpegBytes(t))
	f.write("site/_posts/2020-01-01-a.md", strings.Join([]string{
		"---", "title: 그림", "---",
		"![절대](/assets/a.png)",
		"![baseurl](/blog/assets/a.png)",
		"![사이트 주소](https://me.example.com/blog/assets/a.png)",
		"![상대](img/b.png)",
		"![이름이 틀린 JPEG](/assets/jpeg-named.png)",
		""}, "\n"))
	b, ds, err := f.load(siteBook)
	if err != nil || len(ds) != 0 {
		t.Fatalf("err %v\n%s", err, messages(ds))
	}
	c := b.Chapters()[0]
	if len(c.Images) != 5 {
		t.Fatalf("images: %d", len(c.Images))
	}
	for i := 0; i < 3; i++ {
		if c.Images[i].Asset == nil || c.Images[i].Asset != c.Images[0].Asset {
			t.Errorf("image %d not resolved to the one asset: %+v", i, c.Images[i])
		}
	}
	if len(b.Assets) != 3 {
		t.Errorf("assets packaged %d times, want 3 distinct", len(b.Assets))
	}
	jp := c.Images[4].Asset
	if jp.MediaType != "image/jpeg" || jp.Name != "images/jpeg-named.jpg" {
		t.Errorf("sniffed %s named %s", jp.MediaType, jp.Name)
	}
	if c.Images[0].Asset.Width != 4 || c.Images[0].Asset.Height != 3 {
		t.Errorf("size %dx%d", c.Images[0].Asset.Width, c.Images[0].Asset.Height)
	}
}

func jpegBytes(t *testing.T) []byte {
	data, err := os.ReadFile("../../books/sample/site/assets/img/sunset.png")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestAssetNamesUniqueAndSafe(t *testing.T) {
	f := newFixture(t)
	f.write("site/assets/한글 이름.png", tinyPNG)
	f.write("site/assets/x/a.png", tinyPNG)
	f.write("site/assets/y/a.png", tinyPNG)
	f.write("site/_posts/2020-01-01-a.md", "![](</assets/한글 이름.png>) ![](/assets/x/a.png) ![](/assets/y/a.png)\n")
	b, ds, _ := f.load(siteBook)
	var names []string
	for _, a := range b.Assets {
		names = append(names, a.Name)
	}
	if got := strings.Join(names, " "); got != "images/image.png images/a.png images/a-2.png" {
		t.Errorf("names %q\n%s", got, messages(ds))
	}
}

func TestSandboxRefusesEscapes(t *testing.T) {
	f := newFixture(t)
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "o.png"), tinyPNG, 0o644)
	os.WriteFile(filepath.Join(outside, "2020-01-09-o.md"), []byte("밖\n"), 0o644)
	if err := os.Symlink(filepath.Join(outside, "o.png"), filepath.Join(f.dir, "site-link.png")); err != nil {
		t.Skip(err)
	}
	f.write("site/_posts/2020-01-01-a.md", "![](../../site-link.png) ![](/../../../o.png)\n")
	b, ds, _ := f.load(siteBook)
	got := messages(ds)
	if !strings.Contains(got, "site/_posts/2020-01-01-a.md:1:1: warning: image ../../site-link.png: refused") {
		t.Errorf("symlink out not refused:\n%s", got)
	}
	if !strings.Contains(got, "not found") || len(b.Assets) != 0 {
		t.Errorf("/../../../o.png must stay inside the site root and not be found:\n%s", got)
	}
	// A chapter outside the book is an error, named at the manifest entry.
	_, ds, err := f.load("title: t\nauthors: a\nchapters: [" + filepath.Join(outside, "2020-01-09-o.md") + "]\n")
	if err == nil || !strings.Contains(messages(ds), "book.yaml:3:12: error: chapter") || !strings.Contains(messages(ds), "outside the book") {
		t.Errorf("outside chapter: %v\n%s", err, messages(ds))
	}
}

func TestLinksBetweenChapters(t *testing.T) {
	f := newFixture(t)
	f.write("site/_posts/2020-01-01-first.md", "---\ntitle: 첫째\n---\n## 공부한 것들\n\n[둘째]({% post_url 2020-01-02-second %})\n")
	f.write("site/_posts/2020-01-02-second.md", "---\ntitle: 둘째\n---\n[a](/blog/2020/01/01/first.html#공부한-것들) [b](2020-01-01-first.md) [c](https://me.example.com/blog/2020/01/01/first.html) [d](#없음) [e](https://other.example.com/)\n")
	b, ds, _ := f.load(siteBook)
	first, second := b.Chapters()[0], b.Chapters()[1]
	cases := map[string]*Chapter{
		"/blog/2020/01/01/first.html#공부한-것들":                first,
		"2020-01-01-first.md":                               first,
		"https://me.example.com/blog/2020/01/01/first.html": first,
		"/blog/2020/01/02/second.html":                      second,
		"#없음":                                               second,
	}
	for dest, want := range cases {
		got, ok := b.ResolveLink(second, dest)
		if !ok || got.Chapter != want {
			t.Errorf("%s → %+v %v, want %s", dest, got, ok, want.Title)
		}
	}
	if _, ok := b.ResolveLink(second, "https://other.example.com/"); ok {
		t.Errorf("external link resolved inside the book")
	}
	got := messages(ds)
	if strings.Count(got, "warning") != 1 || !strings.Contains(got, "site/_posts/2020-01-02-second.md:4:") || !strings.Contains(got, "#없음") {
		t.Errorf("want one warning for #없음:\n%s", got)
	}
}

func TestTitlesAndOrder(t *testing.T) {
	f := newFixture(t)
	f.write("site/_posts/2020-3-1-c.md", "# 제목은 H1에서\n\n본문\n")
	f.write("site/_posts/2020-01-15-b.md", "본문만\n")
	f.write("site/_posts/2020-02-01-a.md", "---\ntitle: 앞머리 제목\ndate: 2019-12-31\n---\n")
	f.write("site/_posts/notes.txt", "not a post")
	b, ds, err := f.load(siteBook)
	if err != nil {
		t.Fatal(messages(ds))
	}
	var got []string
	for _, c := range b.Chapters() {
		got = append(got, c.ID+":"+c.Title)
	}
	// Ordered by date: the front matter date of a (2019-12-31) wins over
	// its file name.
	if want := "c001:앞머리 제목 c002:b c003:제목은 H1에서"; strings.Join(got, " ") != want {
		t.Errorf("got %q want %q", strings.Join(got, " "), want)
	}
	if h := b.Chapters()[2].TitleHeading; h == nil || h.Text != "제목은 H1에서" || h.Depth != 1 {
		t.Errorf("TitleHeading %+v", h)
	}
	if b.Meta.Date.Format("2006-01-02") != "2020-03-01" {
		t.Errorf("book date %v, want the newest chapter's", b.Meta.Date)
	}
}

func TestIdentifierStable(t *testing.T) {
	a := identifier("책", []string{"나"})
	if a != identifier("책", []string{"나"}) || a == identifier("책", []string{"너"}) {
		t.Fatal("identifier not a function of title and authors")
	}
	if !strings.HasPrefix(a, "urn:uuid:") || len(a) != len("urn:uuid:")+36 || a[len("urn:uuid:")+14] != '5' {
		t.Errorf("not a version-5 UUID URN: %s", a)
	}
}

func TestDuplicateAndMissingChapters(t *testing.T) {
	f := newFixture(t)
	f.write("site/_posts/2020-01-01-a.md", "가\n")
	_, ds, err := f.load("title: t\nauthors: a\nsite: {root: site}\nchapters:\n  - site/_posts/2020-01-01-a.md\n  - site/_posts/*.md\n  - site/_posts/2020-09-09-none.md\n  - site/_posts/20*.txt\n")
	got := messages(ds)
	if err == nil || !strings.Contains(got, "book.yaml:6:5: warning: site/_posts/2020-01-01-a.md is already in the book") ||
		!strings.Contains(got, "book.yaml:7:5: error: chapter site/_posts/2020-09-09-none.md: file does not exist") ||
		!strings.Contains(got, "book.yaml:8:5: warning: pattern site/_posts/20*.txt matches no posts") {
		t.Errorf("%v\n%s", err, got)
	}
}

// TestImagePositions: a warning about an image points at its "![", also
// when its alt text is empty and it does not start the paragraph.
func TestImagePositions(t *testing.T) {
	f := newFixture(t)
	f.write("site/_posts/2020-01-01-a.md", "---\ntitle: 그림\n---\n첫 줄\n앞 글 **굵게** ![](no1.png) 뒤 ![대체](no2.png)\n\n![](no3.png)\n")
	_, ds, err := f.load(siteBook)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ds {
		if strings.Contains(d.Message, "no") {
			got = append(got, fmt.Sprintf("%d:%d", d.Pos.Line, d.Pos.Col))
		}
	}
	// Columns count characters: "앞 글 **굵게** " is 11 of them.
	want := []string{"5:12", "5:27", "7:1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("positions %v, want %v\n%s", got, want, messages(ds))
	}
}

// Issue 9, bug 4, and issue 14 item 5: posts in sub-folders of _posts are
// posts to {% post_url %} as they are chapters to globs; a theme's demo
// posts in _posts/_example and undated files are neither, as in Jekyll.
func TestPostIndexFollowsJekyllIssue9(t *testing.T) {
	f := newFixture(t)
	f.write("site/_posts/2020/2020-01-01-x.md", "---\ntitle: 엑스\n---\n본문\n")
	f.write("site/_posts/_example/2019-01-01-demo.md", "---\ntitle: 데모\n---\n본문\n")
	f.write("site/_posts/README.md", "설명\n")
	f.write("site/_posts/2020-02-01-a.md", "---\ntitle: 에이\n---\n"+
		"[하위]({% post_url 2020/2020-01-01-x %}) [이름만]({% post_url 2020-01-01-x %}) [데모]({% post_url _example/2019-01-01-demo %})\n")
	b, ds, _ := f.load("title: t\nauthors: a\nsite: {root: site}\nchapters: [site/_posts/*.md, site/_posts/*/*.md]\n")
	got := messages(ds)
	var titles []string
	for _, c := range b.Chapters() {
		titles = append(titles, c.Title)
	}
	if strings.Join(titles, ",") != "에이,엑스" {
		t.Errorf("chapters %v, want the dated posts only (에이, 엑스)", titles)
	}
	if strings.Contains(got, "no post named 2020/2020-01-01-x") || strings.Contains(got, "no post named 2020-01-01-x") {
		t.Errorf("post_url does not find the post in _posts/2020:\n%s", got)
	}
	if !strings.Contains(got, "no post named _example/2019-01-01-demo") {
		t.Errorf("post_url found a demo post Jekyll skips:\n%s", got)
	}
	for _, skipped := range []string{"site/_posts/README.md: note: Jekyll does not publish", "site/_posts/_example/2019-01-01-demo.md: note: Jekyll does not publish"} {
		if !strings.Contains(got, skipped) {
			t.Errorf("no note %q:\n%s", skipped, got)
		}
	}
	body := string(b.Chapters()[0].Post.Body)
	if !strings.Contains(body, "[하위](/blog/2020/01/01/x.html)") || !strings.Contains(body, "[이름만](/blog/2020/01/01/x.html)") {
		t.Errorf("post_url links:\n%s", body)
	}
}

// Issue 11 item 7: every file is opened once, through the root it lies
// below, so a folder that is (or becomes) a link out of the book cannot
// lead a read outside; a link out says the same whether or not its target
// exists, and a loop of links is named in the user's terms.
func TestSandboxOpensThroughRootIssue11(t *testing.T) {
	f := newFixture(t)
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.png"), tinyPNG, 0o644)
	links := map[string]string{
		"site/assets/out":     outside,                               // a folder link out
		"site/assets/gone":    filepath.Join(outside, "missing.png"), // a link to nothing outside
		"site/assets/there":   filepath.Join(outside, "secret.png"),  // a link to a file outside
		"site/assets/loop-a":  "loop-b",
		"site/assets/loop-b":  "loop-a",
		"site/assets/ok-link": "real.png",
	}
	f.write("site/assets/real.png", tinyPNG)
	for from, to := range links {
		if err := os.Symlink(to, filepath.Join(f.dir, from)); err != nil {
			t.Skip(err)
		}
	}
	f.write("site/_posts/2020-01-01-a.md", "![](/assets/out/secret.png)\n\n![](/assets/gone)\n\n![](/assets/there)\n\n![](/assets/loop-a)\n\n![](/assets/ok-link)\n")
	b, ds, _ := f.load(siteBook)
	got := messages(ds)
	for _, want := range []string{
		"image /assets/out/secret.png: refused: site/assets/out/secret.png is outside the book",
		"image /assets/gone: refused: site/assets/gone is outside the book",
		"image /assets/there: refused: site/assets/there is outside the book",
		"image /assets/loop-a: refused: site/assets/loop-a leads into a loop of symbolic links",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if len(b.Assets) != 1 || !strings.HasSuffix(b.Assets[0].Path, "ok-link") {
		t.Errorf("assets %v, want only the link inside the site", b.Assets)
	}
	if strings.Contains(got, "too many") || strings.Contains(got, "escapes") {
		t.Errorf("a Go-internal message reached the user:\n%s", got)
	}
}

// Issue 12 item 9: one rule decides which headings are sections: the
// shallowest level under the title is depth 2, whatever the post wrote.
func TestHeadingDepthsIssue12(t *testing.T) {
	f := newFixture(t)
	f.write("site/_posts/2020-01-01-a.md", "# 제목\n\n### 절 하나\n\n#### 작은 절\n\n### 절 둘\n")
	f.write("site/_posts/2020-01-02-b.md", "---\ntitle: 앞머리\n---\n# 장\n\n## 절\n")
	b, ds, _ := f.load(siteBook)
	if len(ds) != 0 {
		t.Fatal(messages(ds))
	}
	var got []string
	for _, c := range b.Chapters() {
		for _, h := range c.Headings {
			got = append(got, fmt.Sprintf("%s:%d", h.Text, h.Depth))
		}
	}
	if want := "제목:1 절 하나:2 작은 절:3 절 둘:2 장:2 절:3"; strings.Join(got, " ") != want {
		t.Errorf("depths %q, want %q", strings.Join(got, " "), want)
	}
}

// Issue 14 item 2: post_url gives Jekyll's URL, escaped, so that a
// reference definition naming a post in a category with a space is a
// definition (not text) and its links lead to the chapter.
func TestPostURLReferenceLinksIssue14(t *testing.T) {
	f := newFixture(t)
	f.write("site/_posts/2018-05-01-bert.md", "---\ntitle: BERT\ncategories: [Machine Learning, 자연어]\npermalink: /:categories/:year/:month/:day/:title.html\n---\n본문\n")
	f.write("site/_posts/2018-05-02-next.md", "---\ntitle: 다음\n---\n[앞 글][bert]을 보라.\n\n[bert]: {% post_url 2018-05-01-bert %}\n")
	b, ds, err := f.load(siteBook)
	if err != nil || len(ds) != 0 {
		t.Fatal(err, messages(ds))
	}
	next := b.Chapters()[1]
	if body := string(next.Post.Body); !strings.Contains(body, "[bert]: /blog/machine%20learning/%EC%9E%90%EC%97%B0%EC%96%B4/2018/05/01/bert.html") {
		t.Errorf("post_url output:\n%s", body)
	}
	var links []string
	_ = ast.Walk(next.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			if target, ok := b.ResolveLink(next, string(l.Destination)); ok {
				links = append(links, target.Chapter.Title)
			}
		}
		return ast.WalkContinue, nil
	})
	if strings.Join(links, ",") != "BERT" {
		t.Errorf("the reference link leads to %v, want the chapter BERT", links)
	}
}

// Issue 14 item 4: an image address written as a Windows path is read
// with "\" as "/", as browsers read it, with a note.
func TestWindowsImagePathIssue14(t *testing.T) {
	f := newFixture(t)
	f.write("site/public/img/정규표현식(re)/a.png", tinyPNG)
	f.write("site/_posts/2020-01-01-a.md", "![그림](\\public\\img\\정규표현식(re)\\a.png)\n\n<img src=\"\\public\\img\\정규표현식(re)\\a.png\">\n")
	b, ds, _ := f.load(siteBook)
	got := messages(ds)
	if len(b.Assets) != 1 || len(b.Chapters()[0].Images) != 2 || b.Chapters()[0].Images[1].Asset == nil {
		t.Errorf("assets %d:\n%s", len(b.Assets), got)
	}
	if strings.Count(got, `note: image \public\img\정규표현식(re)\a.png: \ read as /`) != 2 || strings.Contains(got, "warning") {
		t.Errorf("messages:\n%s", got)
	}
}

// Issue 14 item 8: a post written in four languages keeps the book's.
func TestMultilingualPostIssue14(t *testing.T) {
	for _, blank := range []string{"\n", ""} {
		testMultilingualPost(t, blank)
	}
}

// testMultilingualPost writes the sections with blank (a blank line or
// nothing) around their content and between them: kramdown reads
// markdown="1" content as Markdown either way.
func testMultilingualPost(t *testing.T, blank string) {
	f := newFixture(t)
	var post strings.Builder
	post.WriteString("---\ntitle: 번역된 글\n---\n")
	for _, s := range []struct{ lang, heading, text string }{
		{"ko", "소개", "한국어 본문입니다."}, {"ja", "紹介", "日本語の本文です。"}, {"zh", "介绍", "中文正文。"}, {"en", "Intro", "English text."},
	} {
		fmt.Fprintf(&post, "<section class=\"post-translation\" data-lang=%q markdown=\"1\">\n%s## %s\n%s%s\n%s</section>\n%s", s.lang, blank, s.heading, blank, s.text, blank, blank)
	}
	f.write("site/_posts/2020-01-01-a.md", post.String())
	b, ds, _ := f.load(siteBook)
	got := messages(ds)
	c := b.Chapters()[0]
	var headings []string
	for _, h := range c.Headings {
		headings = append(headings, h.Text)
	}
	if strings.Join(headings, ",") != "소개" {
		t.Errorf("headings %v, want only the Korean one", headings)
	}
	if !strings.Contains(got, "site/_posts/2020-01-01-a.md:4:1: note: the post has sections in 4 languages: kept ko, left out en, ja, zh (the book's languages: ko)") {
		t.Errorf("messages:\n%s", got)
	}
	// The manifest can keep others.
	b, _, _ = f.load(strings.Replace(siteBook, "title: 책\n", "title: 책\nlanguages: [ko, en]\n", 1))
	headings = nil
	for _, h := range b.Chapters()[0].Headings {
		headings = append(headings, h.Text)
	}
	if strings.Join(headings, ",") != "소개,Intro" {
		t.Errorf("with languages [ko, en]: headings %v", headings)
	}
}

// Issue 11 item 11: Liquid's clock is the build's time, never the wall
// clock: SOURCE_DATE_EPOCH (Timestamp), else the manifest's date, else the
// newest chapter file name's date.
func TestLiquidClockIssue11(t *testing.T) {
	f := newFixture(t)
	f.write("site/_posts/2020-03-04-a.md", "---\ntitle: a\n---\n오늘은 {{ \"now\" | date: \"%Y-%m-%d\" }}.\n")
	f.write("site/_posts/2019-01-01-b.md", "---\ntitle: b\n---\n본문\n")
	body := func(manifestText string, ts time.Time) string {
		t.Helper()
		var d diag.List
		m, err := manifest.Parse("book.yaml", f.dir, []byte(manifestText), &d)
		if err != nil {
			t.Fatal(d.Items())
		}
		m.Timestamp = ts
		b, err := Load(m, Options{}, &d)
		if err != nil {
			t.Fatal(err, d.Items())
		}
		for _, c := range b.Chapters() {
			if c.Title == "a" {
				return strings.TrimSpace(string(c.Post.Body))
			}
		}
		return ""
	}
	if got := body(siteBook, time.Time{}); got != "오늘은 2020-03-04." {
		t.Errorf("from the newest file name: %q", got)
	}
	if got := body(strings.Replace(siteBook, "title: 책\n", "title: 책\ndate: 2021-02-02\n", 1), time.Time{}); got != "오늘은 2021-02-02." {
		t.Errorf("from the manifest date: %q", got)
	}
	if got := body(siteBook, time.Date(2022, 5, 6, 7, 8, 9, 0, time.UTC)); got != "오늘은 2022-05-06." {
		t.Errorf("from SOURCE_DATE_EPOCH: %q", got)
	}
}

// A book that nothing dates (posts without dates in their names or front
// matter, no date: in the manifest, no SOURCE_DATE_EPOCH) says so and is
// Undated, its Time the Unix epoch, not the year 1.
func TestUndatedBook(t *testing.T) {
	f := newFixture(t)
	f.write("site/_posts/note.md", "---\ntitle: 날짜 없는 글\n---\n본문\n")
	b, ds, err := f.load("title: 책\nauthors: 나\nchapters: [site/_posts/note.md]\n")
	if err != nil {
		t.Fatal(err, messages(ds))
	}
	if !b.Undated || b.Time.Year() != 1970 {
		t.Errorf("Undated %v, Time %v", b.Undated, b.Time)
	}
	if want := "note: the book has no date"; !strings.Contains(messages(ds), want) {
		t.Errorf("missing %q in:\n%s", want, messages(ds))
	}
	b, ds, err = f.load("title: 책\nauthors: 나\ndate: 2021-03-04\nchapters: [site/_posts/note.md]\n")
	if err != nil || b.Undated || b.Time.Year() != 2021 || strings.Contains(messages(ds), "no date") {
		t.Errorf("dated by the manifest: Undated %v, Time %v, %v\n%s", b.Undated, b.Time, err, messages(ds))
	}
}

// Issue 11 item 13: a cover outside the manifest's folder and the site root
// is read with a note, and the writers can read it again; a post's image
// outside them is still refused.
func TestCoverOutsideIssue11(t *testing.T) {
	f := newFixture(t)
	outside := t.TempDir()
	cover := filepath.Join(outside, "cover.png")
	if err := os.WriteFile(cover, tinyPNG, 0o644); err != nil {
		t.Fatal(err)
	}
	f.write("site/_posts/2020-01-01-a.md", "---\ntitle: 가\n---\n![밖](../../../"+filepath.Base(outside)+"/cover.png)\n")
	b, ds, err := f.load(siteBook + "cover: " + cover + "\n")
	if err != nil {
		t.Fatal(err, messages(ds))
	}
	got := messages(ds)
	if b.Cover == nil || !strings.Contains(got, "lies outside the manifest's folder and the site root; read because the manifest names it") {
		t.Fatalf("cover %v:\n%s", b.Cover, got)
	}
	if data, err := b.Cover.Bytes(); err != nil || !bytes.Equal(data, tinyPNG) {
		t.Errorf("read again: %v", err)
	}
	if img := b.Chapters()[0].Images; len(img) != 1 || img[0].Asset != nil || !strings.Contains(got, "outside") || !strings.Contains(got, "warning: image") {
		t.Errorf("a post's image outside the book was read: %+v\n%s", img, got)
	}
	if !slices.Contains(b.Inputs, cover) {
		t.Errorf("inputs %q lack the cover", b.Inputs)
	}
}

// A chapter that cannot be read is the error; "no chapters" is said, at
// the manifest's chapters, only when nothing else explains it.
func TestNoChaptersMessage(t *testing.T) {
	f := newFixture(t)
	_, ds, _ := f.load("title: 책\nauthors: 나\nchapters: [none.md]\n")
	if got := messages(ds); strings.Contains(got, "no chapters") || !strings.Contains(got, "none.md") {
		t.Errorf("missing file:\n%s", got)
	}
	_, ds, _ = f.load("title: 책\nauthors: 나\nchapters: [posts/*.md]\n")
	if got := messages(ds); !strings.Contains(got, "book.yaml:3:12: error: the book has no chapters") {
		t.Errorf("empty pattern:\n%s", got)
	}
}
