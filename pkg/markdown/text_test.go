package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
)

// written is the slow reference for Unescape: what goldmark's HTML
// renderer writes for text, with its four escapes undone.
func written(v []byte) []byte {
	var b bytes.Buffer
	w := bytesWriter{&b}
	html.DefaultWriter.Write(w, v)
	return []byte(strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`).Replace(b.String()))
}

func TestUnescape(t *testing.T) {
	for _, in := range []string{
		"", "plain 한글", `\*별\*`, `\&amp;`, `&amp;lt;`, "&#44032;&#xAC00;&#X41;", "&#0;&#x110000;&#xD800;",
		"&#12345678;", "&#x1234567;", "&copy&copy;&notaname;", "a\x00b", `\\`, `\a`, "&", "&#", "&#x;", "끝\\",
	} {
		if got, want := Unescape([]byte(in)), written([]byte(in)); !bytes.Equal(got, want) {
			t.Errorf("Unescape(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzUnescape holds Unescape to goldmark's renderer on any input.
func FuzzUnescape(f *testing.F) {
	for _, s := range []string{`\&amp;`, "&#x41;", "&nbsp;", "a\\-b", "&#9999999;"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if got, want := Unescape(in), written(in); !bytes.Equal(got, want) {
			t.Errorf("Unescape(%q) = %q, want %q", in, got, want)
		}
	})
}

// bytesWriter gives a bytes.Buffer the methods of goldmark's BufWriter.
type bytesWriter struct{ *bytes.Buffer }

func (bytesWriter) Available() int { return 4096 }
func (bytesWriter) Buffered() int  { return 0 }
func (bytesWriter) Flush() error   { return nil }
