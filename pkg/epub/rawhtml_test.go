package epub

import (
	"encoding/xml"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"
)

func TestSanitizeHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<center>가</center>`, `<div class="center">가</div>`},
		{`<table><tr><td width="500" height="20%">c</td></tr></table>`, `<table><tbody><tr><td style="width: 500px; height: 20%">c</td></tr></tbody></table>`},
		{`<img src="b.png" alt="없음">`, `<span class="image-missing">없음</span>`},
		{`<a href="javascript:x()" onclick="y()">a</a>`, `<a>a</a>`},
		{`<a href="https://x.org/가 나">a</a>`, `<a href="https://x.org/%EA%B0%80%20%EB%82%98">a</a>`},
		{`<a href="https://x.org/Systems-[Netflix].pdf">a</a>`, `<a href="https://x.org/Systems-%5BNetflix%5D.pdf">a</a>`},
		{`<p>a<br>b</p>`, `<p>a<br/>b</p>`},
		{`a</br>b`, `a<br/>b`},
		{`<b><div>x</div></b>`, `<b><span>x</span></b>`},
		{`<span><div>x</div></span>`, `<div><div>x</div></div>`},
		{`<font color="red"><p>a</p>b</font>`, `<div style="color: red"><p>a</p>b</div>`},
		{`<li>x</li>`, `<div>x</div>`},
		{`<script>x</script><style>p{}</style>y`, `y`},
		{`<b id="a">1</b><i id="a">2</i>`, `<b id="a">1</b><i>2</i>`},
		{`<input type="checkbox" checked>`, `<span class="task">☑</span>`},
		{`<details open><summary>s</summary>d</details>`, `<details open="open"><summary>s</summary>d</details>`},
		{`<details>d<summary>s</summary>e<summary>t</summary></details>`, `<details open="open"><summary>s</summary>de<div>t</div></details>`},
		{`<details>d</details>`, `<details open="open"><summary>자세히</summary>d</details>`},
		{`<p style="color:red;background:url(x);position:fixed">c</p>`, `<p style="color: red">c</p>`},
		{`<table><tr><td valign="top" bgcolor="#eee">c</td></tr></table>`, `<table><tbody><tr><td style="vertical-align: top; background-color: #eee">c</td></tr></tbody></table>`},
		{"a\x00b\x0bc", "abc"},
		{`<!-- c -- d -->x`, `x`},
		{`<p lang="en" dir="sideways" epub:type="evil">x</p>`, `<p lang="en">x</p>`},
		// End tags left out, as HTML allows, and end tags that close nothing.
		{`<p>a<p>b`, `<p>a</p><p>b</p>`},
		{`<p>a<div>b</div>c</p>`, `<p>a</p><div>b</div>c`},
		{`<ul><li>a<li>b</ul>`, `<ul><li>a</li><li>b</li></ul>`},
		{`<dl><dt>a<dd>b<dt>c<dd>d</dl>`, `<dl><dt>a</dt><dd>b</dd><dt>c</dt><dd>d</dd></dl>`},
		{`<h2>a<h3>b</h3>`, `<h2>a</h2><h3>b</h3>`},
		{`<a href="https://a">1<a href="https://b">2</a>`, `<a href="https://a">1</a><a href="https://b">2</a>`},
		{`</div>x</span></p>`, `x`},
		// Tables: implied row groups and rows, text and blocks moved out.
		{`<table><td>a<td>b<tr><td>c</table>`, `<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>`},
		{`<table>글<tr><td>c</td></tr></table>`, `글<table><tbody><tr><td>c</td></tr></tbody></table>`},
		{`<table><div>d</div><tr><td>c</td></tr></table>`, `<div>d</div><table><tbody><tr><td>c</td></tr></tbody></table>`},
		{`<table><col><tr><td>c</td></tr></table>`, `<table><colgroup><col/></colgroup><tbody><tr><td>c</td></tr></tbody></table>`},
		{`<table><caption>a</caption><caption>b</caption></table>`, `<div>b</div><table><caption>a</caption></table>`},
		{`<td>칸 밖</td><tr>`, `칸 밖`},
		{`<pre>` + "\n\nx</pre>", `<pre>x</pre>`},
	}
	for _, tt := range tests {
		if got := sanitizeHTML(t, tt.in); got != tt.want {
			t.Errorf("sanitize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestRawHTMLInMarkdown: raw tags and the Markdown between them, each
// a node of its own in the syntax tree, make one element.
func TestRawHTMLInMarkdown(t *testing.T) {
	tests := []struct{ md, want string }{
		{"<div markdown=\"1\">\n\n**굵게** 문단\n\n</div>\n", "<div>\n<p><strong>굵게</strong> 문단</p>\n</div>\n"},
		{"앞 <span style=\"color: red\">빨강 **굵게**</span> 뒤\n", "<p>앞 <span style=\"color: red\">빨강 <strong>굵게</strong></span> 뒤</p>\n"},
		{"<span>열린 채\n\n다음 문단\n", "<p><span>열린 채</span></p>\n<p>다음 문단</p>\n"},
		{"<b>a **b</b> c**\n", "<p><b>a <strong>b c</strong></b></p>\n"},
		{"<details>\n<summary>요약</summary>\n\n- 목록\n\n</details>\n",
			"<details open=\"open\"><summary>요약</summary>\n\n<ul>\n<li>목록</li>\n</ul>\n</details>\n"},
		{"a <script>b **c** d</script> e\n", "<p>a  e</p>\n"},
		{"<div class=\"footnotes\"><ol><li id=\"fn:1\">손으로 쓴 각주</li></ol></div>\n",
			"<div class=\"footnotes\"><ol><li id=\"fn:1\">손으로 쓴 각주</li></ol></div>\n"},
		{"<font size=\"2\">\n\n# 제목\n\n문단\n\n</font>\n", "<div>\n<h1 id=\"제목\">제목</h1>\n<p>문단</p>\n</div>\n"},
		{"- 항목 <div>블록\n- 둘\n", "<ul>\n<li>항목 <div>블록</div></li>\n<li>둘</li>\n</ul>\n"},
	}
	for _, tt := range tests {
		if got, _ := renderMarkdown(t, tt.md); got != tt.want {
			t.Errorf("%q\n got %q\nwant %q", tt.md, got, tt.want)
		}
	}
}

// FuzzSanitize checks that whatever HTML comes in, what goes out is
// well-formed XHTML made only of allowed elements and attributes, nested
// within the limit, with no script URL, and that cleaning it again changes
// nothing.
func FuzzSanitize(f *testing.F) {
	addArchives(f)
	f.Add(`<table><td><ul><li><p><span><div><center><a href="#x"><img src="a.png"></a>`)
	f.Fuzz(func(t *testing.T, in string) {
		out := sanitizeHTML(t, in)
		checkClean(t, in, out)
		if again := sanitizeHTML(t, out); again != out {
			t.Errorf("not idempotent:\nin    %q\nout   %q\nagain %q", in, out, again)
		}
	})
}

// FuzzChapter renders any post, Markdown and raw HTML mixed, and checks
// the result as FuzzSanitize does.
func FuzzChapter(f *testing.F) {
	addArchives(f)
	f.Add("<div>\n\n- a <b>\n\n</div>\n\n> <p>b\n")
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			t.Skip("posts are UTF-8: the book refuses others")
		}
		out, _ := renderMarkdown(t, "---\n---\n"+in) // no front matter to get wrong
		checkClean(t, in, out)
	})
}

// addArchives seeds a fuzz target with every file of the golden archives
// and the hostile post.
func addArchives(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, _ := txtar.ParseFile(file)
		for _, fl := range ar.Files {
			f.Add(string(fl.Data))
		}
	}
	f.Add(hostileArchive)
}

func checkClean(t *testing.T, in, out string) {
	doc := `<body xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">` + out + `</body>`
	d := xml.NewDecoder(strings.NewReader(doc))
	var stack []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\nin  %q\nout %q", err, in, out)
		}
		if _, ok := tok.(xml.EndElement); ok {
			stack = stack[:len(stack)-1]
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		parent := ""
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		stack = append(stack, se.Name.Local)
		if len(stack) > maxDepth+requiredSlack+3 {
			t.Fatalf("nested %d deep\nin  %q", len(stack), in)
		}
		if se.Name.Local == "body" {
			continue
		}
		if bad := contentModel(parent, se.Name.Local); bad {
			t.Fatalf("<%s> inside <%s>\nin  %q\nout %q", se.Name.Local, parent, in, out)
		}
		if !flowElements[se.Name.Local] && !phrasingElements[se.Name.Local] {
			t.Fatalf("element %s kept\nin  %q\nout %q", se.Name.Local, in, out)
		}
		for _, a := range se.Attr {
			if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") || scriptURL(a.Value) {
				t.Fatalf("attribute %s=%q kept\nin  %q\nout %q", a.Name.Local, a.Value, in, out)
			}
			if a.Name.Space == "" && !globalAttrs[a.Name.Local] && !elementAttrs[se.Name.Local][a.Name.Local] {
				t.Fatalf("attribute %s on <%s> kept\nin  %q\nout %q", a.Name.Local, se.Name.Local, in, out)
			}
		}
	}
}

// contentModel reports a few of the XHTML content-model rules that
// EPUBCheck enforces and the HTML parser does not.
func contentModel(parent, child string) bool {
	switch parent {
	case "ul", "ol":
		return child != "li"
	case "dl":
		return child != "dt" && child != "dd"
	case "table", "thead", "tbody", "tfoot", "tr", "colgroup":
		return !tableChild(parent, child)
	}
	switch child {
	case "li":
		return parent != "ul" && parent != "ol"
	case "rt", "rp":
		return parent != "ruby"
	case "summary":
		return parent != "details"
	case "figcaption":
		return parent != "figure"
	}
	if tablePart(child) && !tableParts[parent] {
		return true
	}
	return phrasingOnly[parent] && !phrasingElements[child]
}

// TestClassToken compares the class-name check with the pattern it
// implements.
func TestClassToken(t *testing.T) {
	ref := regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)
	for _, c := range []string{"", "a", "_", "-a", "9a", "a9", "a-b_c", "가", "a.b", "chroma", "kd", "a b", "A-", "ab\x00"} {
		if got, want := classToken(c), ref.MatchString(c); got != want {
			t.Errorf("classToken(%q) = %v, want %v", c, got, want)
		}
	}
}

// TestDroppedContentSaidOnce: what is inside an element that goes with its
// content is not reported again.
func TestDroppedContentSaidOnce(t *testing.T) {
	_, diags := renderMarkdown(t, "<svg><script>x</script><a onclick=\"y()\" href=\"javascript:z\">t</a></svg>\n")
	if strings.Count(diags, "\n") != 1 || !strings.Contains(diags, "<svg>") {
		t.Errorf("want one message about <svg>, got:\n%s", diags)
	}
}
