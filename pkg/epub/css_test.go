package epub

import (
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/css"
	"github.com/hangul-press/publish/pkg/book"

	"golang.org/x/tools/txtar"
)

// packagedForTest is the resource predicate of the CSS tests: one image
// and one font are in the book.
func packagedForTest(u string) bool { return u == "images/a.png" || u == "fonts/f.ttf" }

func TestSanitizeStyle(t *testing.T) {
	tests := []struct {
		in, want string
		removed  int
	}{
		{"color:red", "color: red", 0},
		{"COLOR : Red ; ; font-size:1.2em!important", "color: Red; font-size: 1.2em !important", 0},
		{"background: url(images/a.png) no-repeat", `background: url("images/a.png") no-repeat`, 0},
		{"color: red; background: url(http://x/y.png)", "color: red", 1},
		{`background: url("https://x/y.png")`, "", 1},
		// issue 11 item 9: image functions that load what they name
		{"background-image: image-set('https://x/a.png' 1x)", "", 1},
		{"background-image: -webkit-image-set(url(https://x/a.png) 1x)", "", 1},
		{"background-image: image('https://x/a.png')", "", 1},
		{"background: cross-fade(url(a.png), url(b.png))", "", 1},
		{"width: expression(alert(1))", "", 1},
		{`background: u\72 l(https://x/a.png)`, "", 1},
		{`background: \75\72\6c("https://x")`, "", 1},
		{"position: fixed; top: 0; color: blue", "top: 0; color: blue", 1},
		{"behavior: url(x.htc); -moz-binding: url(x.xml#b)", "", 2},
		{"--c: url(https://x); color: var(--c)", "", 2},
		{"color: red /* note */ ; margin:0/**/1px", "color: red; margin: 0/**/1px", 0},
		{"font-family: \"Nanum Myeongjo\", serif", `font-family: "Nanum Myeongjo", serif`, 0},
		{"@import url(x.css); color: red", "color: red", 1},
		{"color: red; }{ x", "color: red", 1},
		{"background: rgb(1 2 3 / 50%) linear-gradient(to right, #fff, #000)", "background: rgb(1 2 3 / 50%) linear-gradient(to right, #fff, #000)", 0},
		{"-webkit-hyphens: auto; -epub-word-break: keep-all", "-webkit-hyphens: auto; -epub-word-break: keep-all", 0},
		{"content: \"\\201C\"", "content: \"“\"", 0},
		{"width: 1e3px; margin: 1\\65 3", `width: 1e3px; margin: 1\65 3`, 0},
	}
	for _, tt := range tests {
		kept, removed := sanitizeStyle(tt.in, packagedForTest)
		if got := strings.Join(kept, "; "); got != tt.want || len(removed) != tt.removed {
			t.Errorf("sanitizeStyle(%q)\n got %q, %d removed %v\nwant %q, %d removed", tt.in, got, len(removed), removed, tt.want, tt.removed)
		}
	}
}

func TestSanitizeStylesheet(t *testing.T) {
	in := `@charset "utf-8";
@import url("https://evil.example/x.css");
@namespace epub "http://www.idpf.org/2007/ops";
@font-face { font-family: "Mine"; src: url(fonts/f.ttf) format("truetype"), url(https://x/f.woff); }
@font-face { font-family: "Other"; src: local("Nanum Gothic"); }
p, li > a[href^="http"]:not(.x) { text-indent: 1em; background: url(//evil.example/b.png) }
body { color: #333; line-height: 1.7 }
@media (max-width: 600px) { p { text-align: left } h1 { position: absolute } }
@supports (text-justify: inter-character) { p { text-justify: inter-character } }
@page { margin: 1em; @top-center { content: "x" } }
@keyframes spin { from { color: red } }
a:hover { background: image-set("x.png" 1x) }
td { width: 100px
`
	want := `@namespace epub "http://www.idpf.org/2007/ops";
@font-face {
  font-family: "Mine";
}
@font-face {
  font-family: "Other";
  src: local("Nanum Gothic");
}
p, li > a[href^="http"]:not(.x) {
  text-indent: 1em;
}
body {
  color: #333;
  line-height: 1.7;
}
@media (max-width: 600px) {
p {
  text-align: left;
}
}
@supports (text-justify: inter-character) {
p {
  text-justify: inter-character;
}
}
@page {
  margin: 1em;
}
td {
  width: 100px;
}
`
	got, removed := sanitizeStylesheet(in, packagedForTest)
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var whys []string
	for _, r := range removed {
		whys = append(whys, r.String())
	}
	for _, w := range []string{"@charset", "@import", "url(https://x/f.woff)", "url(//evil.example/b.png)",
		"position", "@top-center", "@keyframes", "image-set"} {
		if !strings.Contains(strings.Join(whys, "\n"), w) {
			t.Errorf("no removal mentions %s:\n%s", w, strings.Join(whys, "\n"))
		}
	}
	if again, more := sanitizeStylesheet(got, packagedForTest); again != got || len(more) != 0 {
		t.Errorf("not idempotent:\n%s\n%v", again, more)
	}
}

// FuzzCSSValue: whatever a style attribute holds, what is kept names no
// function outside the allow-list and no url() outside the book, and
// sanitising it again changes nothing.
func FuzzCSSValue(f *testing.F) {
	for _, s := range []string{"color: red", "background: url(images/a.png)", `x: u\72 l(a)`, "a: b(c(d(", "--x: y",
		"content: '\\", "font: 12px/1.5 \"A\", serif", "margin: -1e-3em", "width: calc(100% - 2em)", "a:1#-2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		kept, _ := sanitizeStyle(in, packagedForTest)
		out := strings.Join(kept, "; ")
		again, removed := sanitizeStyle(out, packagedForTest)
		if strings.Join(again, "; ") != out || len(removed) != 0 {
			t.Fatalf("not idempotent:\nin    %q\nout   %q\nagain %q %v", in, out, strings.Join(again, "; "), removed)
		}
		checkCSSOut(t, in, out)
	})
}

// FuzzStylesheet does for whole stylesheets what FuzzCSSValue does for
// style attributes.
func FuzzStylesheet(f *testing.F) {
	for _, s := range []string{"p { color: red }", "@media x { a { b: c } }", "@import 'x';", "@font-face { src: url(fonts/f.ttf) }",
		"a { b: url(x) } @namespace x url(y);", "@supports selector(a) { p { color: red } }", "}{;@a{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, _ := sanitizeStylesheet(in, packagedForTest)
		again, removed := sanitizeStylesheet(out, packagedForTest)
		if again != out || len(removed) != 0 {
			t.Fatalf("not idempotent:\nin    %q\nout   %q\nagain %q %v", in, out, again, removed)
		}
		checkCSSOut(t, in, out)
	})
}

// checkCSSOut reads sanitised CSS back and checks what it may hold.
func checkCSSOut(t *testing.T, in, out string) {
	namespace := false
	for _, tok := range css.Tokens(out) {
		switch {
		case tok.Kind == css.AtKeyword:
			namespace = strings.EqualFold(tok.Val, "namespace")
			if !set("media", "supports", "font-face", "page", "namespace")[strings.ToLower(tok.Val)] {
				t.Fatalf("@%s kept\nin  %q\nout %q", tok.Val, in, out)
			}
		case tok.Kind == css.Semicolon:
			namespace = false
		case tok.Kind == css.URL && !namespace && !packagedForTest(tok.Val):
			t.Fatalf("url(%s) kept\nin  %q\nout %q", tok.Val, in, out)
		case tok.Kind == css.Function && strings.EqualFold(tok.Val, "url"):
			// checked with its string argument by the sanitiser
		case tok.Kind == css.Function && !cssFunctions[unprefixed(strings.ToLower(tok.Val))] &&
			!selectorFunctions[strings.ToLower(tok.Val)] && !strings.EqualFold(tok.Val, "selector"):
			t.Fatalf("%s() kept\nin  %q\nout %q", tok.Val, in, out)
		case tok.Kind == css.BadString || tok.Kind == css.BadURL:
			t.Fatalf("malformed token kept\nin  %q\nout %q", in, out)
		}
	}
}

// TestBookCSS: the manifest's stylesheet reaches the EPUB through the
// sanitiser, and what it removes is reported at its file, line and column
// (issue 11 item 13).
func TestBookCSS(t *testing.T) {
	ar := txtar.Parse([]byte("-- a.md --\n# 장\n\n글\n"))
	css := "p { color: red }\n\n  @import url(https://evil.example/x.css);\nh1 { background: url(/etc/passwd) }\n"
	data, diags := buildArchiveWith(t, ar, func(b *book.Book) { b.Stylesheet, b.StylesheetName = []byte(css), "books/extra.css" })
	style := string(zipFiles(t, data)["EPUB/style.css"])
	if !strings.Contains(style, "p {\n  color: red;\n}") || strings.Contains(style, "evil") || strings.Contains(style, "passwd") {
		t.Errorf("style.css ends:\n%s", style[strings.LastIndex(style, "/*"):])
	}
	for _, want := range []string{"books/extra.css:3:3: warning: @import removed", "books/extra.css:4:6: warning: background: url(\"/etc/passwd\") removed"} {
		if !strings.Contains(diags.String(), want) {
			t.Errorf("no %q in\n%s", want, diags)
		}
	}
}
