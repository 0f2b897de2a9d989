package source

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/hangul-press/publish/pkg/diag"
)

// read reads a post named name with no site.
func read(t *testing.T, name, text string) (*Post, *diag.List) {
	t.Helper()
	var diags diag.List
	p, err := Read(name, []byte(text), nil, Options{}, &diags)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return p, &diags
}

func TestParseFileName(t *testing.T) {
	tests := []struct {
		name, date, slug string
		ok               bool
	}{
		{"2019-07-23-get-a-job.md", "2019-07-23", "get-a-job", true},
		{"_posts/2019-7-3-x.md", "2019-07-03", "x", true},
		{"2019-07-23-취업-이야기.markdown", "2019-07-23", "취업-이야기", true},
		{"19-1-1-short-year.md", "0019-01-01", "short-year", true},
		{"2019-02-30-no-such-day.md", "", "", false},
		{"2019-13-01-no-such-month.md", "", "", false},
		{"about.md", "", "", false},
		{"2019-07-23.md", "", "", false},
		{`C:\blog\_posts\2020-01-02-win.md`, "2020-01-02", "win", true},
	}
	for _, tt := range tests {
		date, slug, ok := ParseFileName(tt.name)
		if ok != tt.ok || slug != tt.slug || ok && date.Format("2006-01-02") != tt.date {
			t.Errorf("ParseFileName(%q) = %v, %q, %v; want %s, %q, %v", tt.name, date, slug, ok, tt.date, tt.slug, tt.ok)
		}
	}
}

func TestFrontMatterDates(t *testing.T) {
	seoul := time.FixedZone("", 9*3600)
	tests := []struct {
		value string
		want  time.Time
	}{
		{`2019-07-23`, time.Date(2019, 7, 23, 0, 0, 0, 0, time.UTC)},
		{`"2019-07-23"`, time.Date(2019, 7, 23, 0, 0, 0, 0, time.UTC)},
		{`2019-07-23 10:11:12`, time.Date(2019, 7, 23, 10, 11, 12, 0, time.UTC)},
		{`'2019-07-23 10:11:12'`, time.Date(2019, 7, 23, 10, 11, 12, 0, time.UTC)},
		{`2019-07-23 10:11:12 +0900`, time.Date(2019, 7, 23, 10, 11, 12, 0, seoul)},
		{`"2019-07-23 10:11:12 +0900"`, time.Date(2019, 7, 23, 10, 11, 12, 0, seoul)},
		{`2019-07-23T10:11:12+09:00`, time.Date(2019, 7, 23, 10, 11, 12, 0, seoul)},
		{`"2019-07-23T10:11:12+09:00"`, time.Date(2019, 7, 23, 10, 11, 12, 0, seoul)},
		{`2019-07-23 10:11`, time.Date(2019, 7, 23, 10, 11, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		p, diags := read(t, "2000-01-01-x.md", "---\ndate: "+tt.value+"\n---\n")
		if !p.HasDate || !p.Date.Equal(tt.want) || diags.Len() != 0 {
			t.Errorf("date: %s → %v (%v), diags %v; want %v", tt.value, p.Date, p.HasDate, diags.Items(), tt.want)
		}
		_, off := p.Date.Zone()
		if _, wantOff := tt.want.Zone(); off != wantOff {
			t.Errorf("date: %s → offset %d, want %d", tt.value, off, wantOff)
		}
	}
}

func TestBadDateFallsBack(t *testing.T) {
	p, diags := read(t, "2019-7-3-x.md", "---\ntitle: x\ndate: 2019-07-32\n---\n")
	if p.Date.Format("2006-01-02") != "2019-07-03" {
		t.Errorf("date %v, want the file name's", p.Date)
	}
	items := diags.Items()
	if len(items) != 1 || items[0].Pos.Line != 3 || items[0].Pos.Col != 7 || items[0].Severity != diag.Warning {
		t.Errorf("diagnostics %v, want one warning at 3:7", items)
	}
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		src        string
		present    bool
		yaml, body string
		ok         bool
	}{
		{"---\na: 1\n---\nbody", true, "a: 1\n", "body", true},
		{"---  \na: 1\n...\nbody", true, "a: 1\n", "body", true},
		{"---\n---\nbody", true, "", "body", true},
		{"---\na: 1\n---", true, "a: 1\n", "", true},
		{"no front matter\n---\n", false, "", "no front matter\n---\n", true},
		{"--- \n", false, "", "", false},
		{"---\na: 1\n", false, "", "", false},
		{"----\na: 1\n----\n", false, "", "----\na: 1\n----\n", true},
		{"", false, "", "", true},
	}
	for _, tt := range tests {
		fm, ok := splitFrontMatter([]byte(tt.src))
		if ok != tt.ok || fm.present != tt.present {
			t.Errorf("%q: present %v ok %v; want %v %v", tt.src, fm.present, ok, tt.present, tt.ok)
			continue
		}
		if !ok || !fm.present {
			continue
		}
		if y := tt.src[fm.yamlStart:fm.yamlEnd]; y != tt.yaml || tt.src[fm.bodyStart:] != tt.body {
			t.Errorf("%q: yaml %q body %q; want %q %q", tt.src, y, tt.src[fm.bodyStart:], tt.yaml, tt.body)
		}
	}
}

func TestNormalize(t *testing.T) {
	p, _ := read(t, "x.md", "\uFEFF---\r\ntitle: 제목\r\n---\r\n첫 줄\r\n{{ page.title }} 끝\r\n")
	if p.Title != "제목" || string(p.Body) != "첫 줄\n제목 끝\n" {
		t.Errorf("title %q body %q", p.Title, p.Body)
	}
	if pos := p.Pos(bytes.Index(p.Body, []byte("끝"))); pos.Line != 5 || pos.Col != 18 {
		t.Errorf("Pos of 끝 = %v, want 5:18", pos)
	}
}

func TestInvalidUTF8(t *testing.T) {
	tests := []struct {
		src       string
		line, col int
	}{
		{"---\ntitle: 가\xff\n---\n", 2, 9},
		{"가나\r\n다\xc3", 2, 2},
		{"\xe0\x80\x80", 1, 1},
	}
	for _, tt := range tests {
		var diags diag.List
		_, err := Read("bad.md", []byte(tt.src), nil, Options{}, &diags)
		e, ok := err.(*diag.Err)
		if !ok || e.Pos.Line != tt.line || e.Pos.Col != tt.col || !diags.HasErrors() {
			t.Errorf("%q: err %v; want an error at %d:%d", tt.src, err, tt.line, tt.col)
		}
	}
}

// TestPosAfterLiquid checks that a word after Liquid that shortened or
// lengthened the text maps back to where the author wrote it.
func TestPosAfterLiquid(t *testing.T) {
	site := &Site{URL: "https://아주.긴.주소.example.org", BaseURL: "/blog", Permalink: "date", Config: map[string]any{}}
	src := "---\ntitle: 제목\n---\n" + // lines 1-3
		"가 {{ '/a.png' | absolute_url }} 나무\n" + // 4: 나무 at col 33
		"{% raw %}{{ x }}{% endraw %} 다람쥐\n" + // 5: 다람쥐 at col 30
		"{% highlight go linenos %}\nfunc f() {}\n{% endhighlight %} 라면\n" + // 6-8: 라면 at 8:20
		"{% if true %}짧음{% endif %} 마지막\n" // 9: 마지막 at col 28
	var diags diag.List
	p, err := Read("2020-01-01-pos.md", []byte(src), site, Options{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		word      string
		line, col int
	}{{"나무", 4, 33}, {"다람쥐", 5, 30}, {"func", 7, 1}, {"라면", 8, 20}, {"마지막", 9, 28}, {"{{ x }}", 5, 10}} {
		i := bytes.Index(p.Body, []byte(tt.word))
		if i < 0 {
			t.Fatalf("%q not in body:\n%s", tt.word, p.Body)
		}
		if pos := p.Pos(i); pos.Line != tt.line || pos.Col != tt.col || pos.File != "2020-01-01-pos.md" {
			t.Errorf("Pos(%q) = %v, want %d:%d", tt.word, pos, tt.line, tt.col)
		}
	}
	if i := bytes.Index(p.Body, []byte("https://")); p.Pos(i).Line != 4 || p.Pos(i).Col != 3 {
		t.Errorf("generated URL maps to %v, want 4:3 (the {{ )", p.Pos(i))
	}
}

func TestListsAndFlags(t *testing.T) {
	tests := []struct {
		front      string
		cats, tags string
		published  bool
		desc       string
	}{
		{"categories: 일상 개발\ntags: [a, b]", "일상|개발", "a|b", true, ""},
		{"category: 긴 이름\ntag: 하나 둘", "긴 이름", "하나 둘", true, ""},
		{"categories:\n  - 가\n  - 나\ntags:\n  - 2019\n  - 가", "가|나", "2019|가", true, ""},
		{"published: false\nexcerpt: 요약", "", "", false, "요약"},
		{"published: \"false\"\ndescription: 설명\nexcerpt: 요약", "", "", true, "설명"},
		{"categories: [a, a, b]", "a|b", "", true, ""},
	}
	for _, tt := range tests {
		p, _ := read(t, "x.md", "---\n"+tt.front+"\n---\n")
		if c, g := strings.Join(p.Categories, "|"), strings.Join(p.Tags, "|"); c != tt.cats || g != tt.tags ||
			p.Published != tt.published || p.Description != tt.desc {
			t.Errorf("%q: cats %q tags %q published %v desc %q", tt.front, c, g, p.Published, p.Description)
		}
	}
}

func TestPermalinkOf(t *testing.T) {
	p, _ := read(t, "_posts/2019-07-23-get a job.md", "---\ncategories: [Dev, 일상]\n---\n")
	tests := []struct {
		style, base, want string
	}{
		{"date", "", "/dev/%EC%9D%BC%EC%83%81/2019/07/23/get-a-job.html"},
		{"pretty", "/blog/", "/blog/dev/%EC%9D%BC%EC%83%81/2019/07/23/get-a-job/"},
		{"ordinal", "", "/dev/%EC%9D%BC%EC%83%81/2019/204/get-a-job.html"},
		{"none", "", "/dev/%EC%9D%BC%EC%83%81/get-a-job.html"},
		{"/:year/:i_month/:i_day/:slug", "", "/2019/7/23/get-a-job"},
		{"/:categories/../:title.html", "", "/dev/%EC%9D%BC%EC%83%81/get-a-job.html"},
	}
	for _, tt := range tests {
		s := &Site{Permalink: tt.style, BaseURL: tt.base}
		if got := s.PermalinkOf(p); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.style, got, tt.want)
		}
	}
	var nilSite *Site
	if got := nilSite.PermalinkOf(p); got != "/dev/%EC%9D%BC%EC%83%81/2019/07/23/get-a-job.html" {
		t.Errorf("nil site: %q", got)
	}
}

// Issue 14 item 2: Jekyll's documented permalink examples (a post
// _posts/2009-04-29-slap-chop.md in category food), and URLs valid in a
// Markdown link for categories with spaces.
func TestPermalinkJekyllExamplesIssue14(t *testing.T) {
	p, _ := read(t, "_posts/2009-04-29-slap-chop.md", "---\ncategories: food\n---\n")
	for style, want := range map[string]string{
		"date":                                   "/food/2009/04/29/slap-chop.html",
		"pretty":                                 "/food/2009/04/29/slap-chop/",
		"ordinal":                                "/food/2009/119/slap-chop.html",
		"weekdate":                               "/food/2009/W18/Wed/slap-chop.html",
		"none":                                   "/food/slap-chop.html",
		"/:categories/:year/:month/:day/:title/": "/food/2009/04/29/slap-chop/",
		"/:year/:short_year/:i_month/:short_month/:long_month/:i_day/:y_day/:hour:minute:second/:name": "/2009/09/4/Apr/April/29/119/000000/slap-chop",
	} {
		if got := (&Site{Permalink: style}).PermalinkOf(p); got != want {
			t.Errorf("%s: %q, want %q", style, got, want)
		}
	}
	q, _ := read(t, "nlp/_posts/2018-05-01-BERT 정리.md", "---\ncategories: [Machine Learning]\n---\n")
	if got, want := (&Site{Permalink: "date"}).PermalinkOf(q), "/machine%20learning/2018/05/01/BERT-%EC%A0%95%EB%A6%AC.html"; got != want {
		t.Errorf("escaped: %q, want %q", got, want)
	}
	// A post in a category folder: Jekyll puts the folder's category
	// first (Document#initialize reads it before the front matter), so
	// nlp/_posts/x.md with categories: [Machine Learning] is at
	// /nlp/machine%20learning/….
	site := &Site{Root: "/s", Permalink: "date"}
	var diags diag.List
	r, err := Read("/s/nlp/_posts/2018-05-01-bert.md", []byte("---\ncategories: [Machine Learning, nlp]\n---\n"), site, Options{Dir: "/s/nlp/_posts"}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(r.Categories, "|"), "nlp|Machine Learning"; got != want {
		t.Errorf("categories %q, want %q", got, want)
	}
	if got, want := site.PermalinkOf(r), "/nlp/machine%20learning/2018/05/01/bert.html"; got != want {
		t.Errorf("category folder: %q, want %q", got, want)
	}
}

func TestFrontPos(t *testing.T) {
	p, _ := read(t, "x.md", "---\n제목: 값\ntags:\n  - a\n---\n")
	if pos := p.FrontPos("제목"); pos.Line != 2 || pos.Col != 5 {
		t.Errorf("FrontPos(제목) = %v, want 2:5", pos)
	}
	if pos := p.FrontPos("tags"); pos.Line != 4 || pos.Col != 3 {
		t.Errorf("FrontPos(tags) = %v, want 4:3", pos)
	}
	if pos := p.FrontPos("none"); pos.Line != 0 || pos.File != "x.md" {
		t.Errorf("FrontPos(none) = %v", pos)
	}
}

func TestURLFilters(t *testing.T) {
	tests := []struct {
		url, base, in, abs, rel string
	}{
		{"https://x.kr", "/blog", "/a.png", "https://x.kr/blog/a.png", "/blog/a.png"},
		{"https://x.kr/", "/blog/", "a.png", "https://x.kr/blog/a.png", "/blog/a.png"},
		{"", "", "a.png", "/a.png", "/a.png"},
		{"https://x.kr", "", "https://y.kr/a", "https://y.kr/a", "https://y.kr/a"},
		{"https://x.kr", "", "mailto:a@b.kr", "mailto:a@b.kr", "mailto:a@b.kr"},
		{"https://x.kr", "", "//cdn.kr/a", "https://x.kr//cdn.kr/a", "//cdn.kr/a"},
	}
	for _, tt := range tests {
		s := &Site{URL: tt.url, BaseURL: tt.base}
		if a, r := absoluteURL(s, tt.in), relativeURL(s, tt.in); a != tt.abs || r != tt.rel {
			t.Errorf("%+v: absolute %v relative %v", tt, a, r)
		}
	}
}

func TestDeterministic(t *testing.T) {
	src := "---\ntitle: 가\nz: 1\na: 2\nm: [3]\n---\n{{ page }} {{ site }} {% for k in page %}{{ k }}{% endfor %}\n"
	site := &Site{Config: map[string]any{"b": 1, "a": 2, "c": map[string]any{"y": 1, "x": 2}}}
	var first []byte
	for i := 0; i < 20; i++ {
		p, err := Read("x.md", []byte(src), site, Options{}, &diag.List{})
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 && !bytes.Equal(first, p.Body) {
			t.Fatalf("run %d differs:\n%s\n%s", i, first, p.Body)
		}
		first = p.Body
	}
}

// TestIssue11Item12DateRange is issue 11 item 12 (dates): EPUB and PDF
// dates hold years 1 to 9999, in UTC too. A front-matter date outside
// them is a warning at its line and the file name's date is used; a file
// name's date outside them leaves the post undated, with a warning.
func TestIssue11Item12DateRange(t *testing.T) {
	for _, tt := range []struct {
		value, warn string
	}{
		{"9999-12-31 23:00:00 -0500", "outside the years 1 to 9999"},
		{"9999-12-31T23:00:00-05:00", "outside the years 1 to 9999"},
		{"0000-06-01", "outside the years 1 to 9999"},
		{"0001-01-01 00:00:00 +0900", "outside the years 1 to 9999"},
		{"10000-01-01", "year past 9999"},
		{"\"99999-01-01T00:00:00Z\"", "year past 9999"},
		{"9999-12-31 23:59:59 +0000", ""},
		{"0001-01-01", ""},
	} {
		p, diags := read(t, "2019-7-3-x.md", "---\ntitle: x\ndate: "+tt.value+"\n---\n")
		items := diags.Items()
		if tt.warn == "" {
			if len(items) != 0 || p.Date.Year() == 2019 {
				t.Errorf("date %s: %v, diagnostics %v", tt.value, p.Date, items)
			}
			continue
		}
		if len(items) != 1 || items[0].Pos.Line != 3 || items[0].Pos.Col != 7 || !strings.Contains(items[0].Message, tt.warn) {
			t.Errorf("date %s: diagnostics %v, want one at 3:7 saying %q", tt.value, items, tt.warn)
		}
		if !p.HasDate || p.Date.Format("2006-01-02") != "2019-07-03" {
			t.Errorf("date %s: %v, want the file name's", tt.value, p.Date)
		}
	}
	p, diags := read(t, "_posts/0000-01-01-zero.md", "---\ntitle: x\n---\n")
	if items := diags.Items(); p.HasDate || len(items) != 1 || items[0].Pos.File != "_posts/0000-01-01-zero.md" || items[0].Pos.Line != 0 {
		t.Errorf("file name 0000-01-01: date %v (%v), diagnostics %v", p.Date, p.HasDate, items)
	}
	// Without a date in the file name, the message says the post has none.
	p, diags = read(t, "undated.md", "---\ntitle: x\ndate: 10000-01-01\n---\n")
	if items := diags.Items(); p.HasDate || len(items) != 1 || !strings.HasSuffix(items[0].Message, "; the post has no date") {
		t.Errorf("undated file: date %v (%v), diagnostics %v", p.Date, p.HasDate, items)
	}
	// The site's zone counts: midnight of 0001-01-01 in Seoul (local mean
	// time then, +08:27:52) is year 0 in UTC.
	var d diag.List
	site, _ := LoadSite("/s", MemFiles{"/s/_config.yml": []byte("timezone: Asia/Seoul\n")}, &d)
	p, err := Read("2019-7-3-x.md", []byte("---\ndate: 0001-01-01\n---\n"), site, Options{}, &d)
	if err != nil || d.Len() != 1 || p.Date.Format("2006-01-02") != "2019-07-03" {
		t.Errorf("0001-01-01 in Seoul: %v, diagnostics %v", p.Date, d.Items())
	}
}

// Issue 9: Liquid can be switched off for Markdown that is not Jekyll's.
func TestNoLiquid(t *testing.T) {
	src := "---\ntitle: t\n---\n{{ page.title }} {% raw %}x{% endraw %} {{\n"
	var diags diag.List
	p, err := Read("2020-01-01-a.md", []byte(src), nil, Options{NoLiquid: true}, &diags)
	if err != nil || diags.Len() != 0 {
		t.Fatal(err, diags.Items())
	}
	if got := string(p.Body); got != "{{ page.title }} {% raw %}x{% endraw %} {{\n" {
		t.Errorf("body %q", got)
	}
	if pos := p.Pos(3); pos.Line != 4 || pos.Col != 4 {
		t.Errorf("position of byte 3: %v, want 4:4", pos)
	}
}
