package epub

import (
	"path/filepath"
	"testing"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"golang.org/x/tools/txtar"
)

// TestParseOwnMatchesParser renders every document of the sample book and
// of the golden fixtures, and checks that the quick parser accepts each
// one without raw HTML and cleans it to exactly what the HTML5 parser
// gives.
func TestParseOwnMatchesParser(t *testing.T) {
	books := map[string]*book.Book{}
	b, _ := loadBook(t, "../../books/sample.yaml")
	books["sample"] = b
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		books[f], _, _ = loadArchive(t, ar)
	}
	own := 0
	for name, b := range books {
		p := newPublication(b, Options{}, &diag.List{})
		p.prepareImages()
		p.plan()
		w := p.newWorker()
		for _, d := range p.docs {
			src := p.documentHTML(w, d)
			if !d.raw {
				if _, err := parseOwn(src); err != nil {
					t.Errorf("%s %s: the writer's own HTML is refused: %v\n%s", name, d.href, err, src)
					continue
				}
				own++
			}
			fast, slow := cleanedBoth(p, d, src)
			if fast != slow {
				t.Errorf("%s %s: quick parse differs\nquick: %s\nHTML5: %s", name, d.href, fast, slow)
			}
		}
	}
	if own < 10 {
		t.Errorf("only %d documents took the quick parse", own)
	}
}

// cleanedBoth cleans src through the quick parser (when it accepts it)
// and through the HTML5 parser, and serialises both.
func cleanedBoth(p *publication, d *document, src string) (string, string) {
	out := [2]string{}
	for i, own := range []bool{true, false} {
		s := &serializer{link: func(h string) (string, bool) { return h, true }}
		s.children(p.cleanerFor(d).sanitize(src, own), serif)
		out[i] = s.b.String()
	}
	return out[0], out[1]
}

// FuzzParseOwn: whenever the quick parser accepts a fragment, cleaning
// its tree gives what cleaning the HTML5 parser's tree gives.
func FuzzParseOwn(f *testing.F) {
	for _, s := range []string{
		`<p>가<em>나</em></p>`, `<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>`,
		"<pre><code>\nx</code></pre>", "<pre>\nx</pre>", `<ul><li><p>a</p><ul><li>b</li></ul></li></ul>`,
		`<p>a<a href="#x">b<sup><a href="#y">1</a></sup></a></p>`, `<p><div>x</div></p>`, `<table><tr><td>x</td></tr></table>`,
		`<h2>a<h3>b</h3></h2>`, `<p>a &amp; b &lt; c<br/>d</p>`, `<section epub:type="chapter"><h1 id="a">t</h1></section>`,
		`<p><input type="checkbox" checked=""/> x</p>`, `<table> <tbody>x<tr><td>1</td></tr></tbody></table>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if _, err := parseOwn(src); err != nil {
			return
		}
		c := testCleaner()
		fastSer, slowSer := &serializer{}, &serializer{}
		fastSer.children(c.sanitize(src, true), serif)
		c = testCleaner()
		slowSer.children(c.sanitize(src, false), serif)
		if fastSer.b.String() != slowSer.b.String() {
			t.Errorf("%q\nquick: %s\nHTML5: %s", src, fastSer.b.String(), slowSer.b.String())
		}
	})
}

// TestParseOwnRefuses: markup the HTML5 parser would rearrange, or that
// the writer never generates, is left to it.
func TestParseOwnRefuses(t *testing.T) {
	for _, src := range []string{
		`<p><div>x</div></p>`, `<p>a<p>b</p></p>`, `<a href="#a">x<a href="#b">y</a></a>`,
		`<table><tr><td>x</td></tr></table>`, `<table>x<tbody></tbody></table>`, `<h2>a<h3>b</h3></h2>`,
		`<li>x</li>`, `<div/>`, `<p>open`, `</p>`, `<center>x</center>`, `<script>x</script>`,
		"a\x00b", `<!DOCTYPE html>`, `<svg></svg>`, `<p>x</div>`,
	} {
		if _, err := parseOwn(src); err == nil {
			t.Errorf("parseOwn(%q) accepted", src)
		}
	}
	for _, src := range []string{
		`<p>가 <em>나</em> &amp; <code>x</code><br/>y</p>`, `<ul><li><p>a</p><ul><li>b</li></ul></li></ul>`,
		`<figure><img src="a.png" alt=""/><figcaption>c</figcaption></figure>`,
		`<table>` + "\n" + `<thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>`,
	} {
		if _, err := parseOwn(src); err != nil {
			t.Errorf("parseOwn(%q): %v", src, err)
		}
	}
}
