package epub

import (
	"encoding/xml"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// testCleaner keeps links to the web and one packaged image.
func testCleaner() *cleaner {
	return &cleaner{
		href: func(h string) (string, bool) {
			if strings.HasPrefix(h, "https://") || strings.HasPrefix(h, "#") {
				return escapeURL(h), true
			}
			return "", false
		},
		img:     func(src string) (string, bool) { return "images/a.png", src == "a.png" || src == "images/a.png" },
		summary: "…",
	}
}

func cleanString(s string) string {
	ser := &serializer{}
	ser.children(testCleaner().sanitize(s, false), serif)
	return ser.b.String()
}

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<center>가</center>`, `<div class="center">가</div>`},
		{`<img src="a.png" width="500" height="20%">`, `<img src="images/a.png" alt="" style="width: 500px; height: 20%"/>`},
		{`<img src="b.png" alt="없음">`, `<span class="image-missing">없음</span>`},
		{`<a href="javascript:x()" onclick="y()">a</a>`, `<a>a</a>`},
		{`<a href="https://x.org/가 나">a</a>`, `<a href="https://x.org/%EA%B0%80%20%EB%82%98">a</a>`},
		{`<p>a<br>b</p>`, `<p>a<br/>b</p>`},
		{`<span><div>x</div></span>`, `<span><span>x</span></span>`},
		{`<li>x</li>`, `<div>x</div>`},
		{`<script>x</script><style>p{}</style>y`, `y`},
		{`<b id="a">1</b><i id="a">2</i>`, `<b id="a">1</b><i>2</i>`},
		{`<input type="checkbox" checked>`, `<span class="task">☑</span>`},
		{`<details open><summary>s</summary>d</details>`, `<details open="open"><summary>s</summary>d</details>`},
		{`<details>d<summary>s</summary>e<summary>t</summary></details>`, `<details><summary>s</summary>de<div>t</div></details>`},
		{`<details>d</details>`, `<details><summary>…</summary>d</details>`},
		{`<p style="color:red;background:url(x);position:fixed">c</p>`, `<p style="color: red">c</p>`},
		{`<table><tr><td valign="top" bgcolor="#eee">c</td></tr></table>`, `<table><tbody><tr><td style="vertical-align: top; background-color: #eee">c</td></tr></tbody></table>`},
		{"a\x00b\x0bc", "abc"},
		{`<!-- c -- d -->x`, `x`},
		{`<p lang="en" dir="sideways" epub:type="evil">x</p>`, `<p lang="en">x</p>`},
	}
	for _, tt := range tests {
		if got := cleanString(tt.in); got != tt.want {
			t.Errorf("sanitize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// FuzzSanitize checks that whatever HTML comes in, what goes out is
// well-formed XHTML made only of allowed elements and attributes, with no
// script URL, and that cleaning it again changes nothing.
func FuzzSanitize(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, _ := txtar.ParseFile(file)
		for _, fl := range ar.Files {
			f.Add(string(fl.Data))
		}
	}
	f.Add(hostileArchive)
	f.Add(`<table><td><ul><li><p><span><div><center><a href="#x"><img src="a.png"></a>`)
	f.Fuzz(func(t *testing.T, in string) {
		out := cleanString(in)
		checkClean(t, in, out)
		if again := cleanString(out); again != out {
			t.Errorf("not idempotent:\nin    %q\nout   %q\nagain %q", in, out, again)
		}
	})
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
