package epub

import (
	"github.com/hangul-press/publish/pkg/markdown"
	"golang.org/x/net/html"
)

// Math is written as its TeX source, escaped: reading systems' MathML
// support is too uneven to rely on, and the source is what a reader can
// check. These two renderers are the only place that decides it, so that
// another rendering of math (MathML from one math tree) replaces them
// alone.

// mathInline writes inline math, or display math inside a paragraph.
func (r *renderer) mathInline(n *markdown.MathInline) {
	class := "math"
	if n.Display {
		class = "math display"
	}
	r.t.open("span", []html.Attribute{kv("class", class)}, false, "")
	r.t.text(string(n.TeX(r.src)))
	r.t.close()
}

// mathBlock writes display math as a centred block of TeX source.
func (r *renderer) mathBlock(n *markdown.MathBlock) {
	r.t.open("div", []html.Attribute{kv("class", "math display")}, false, "")
	r.t.text(string(n.TeX(r.src)))
	r.t.close()
	r.t.text("\n")
}
