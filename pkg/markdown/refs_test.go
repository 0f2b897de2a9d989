package markdown

import "testing"

// TestRefsOff: where MathJax does not run (Options.Refs off), \eqref in
// running text is text, as the blog shows it.
func TestRefsOff(t *testing.T) {
	src := []byte(`식 \eqref{eq:a} 를 본다.`)
	for _, refs := range []bool{false, true} {
		doc := New(Options{Refs: refs}).Parse(src)
		_, isMath := doc.FirstChild().FirstChild().NextSibling().(*MathInline)
		if isMath != refs {
			t.Errorf("Refs %v: \\eqref read as math %v", refs, isMath)
		}
	}
}
