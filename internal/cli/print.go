package cli

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/diag"
)

// printLine prints one line of text for people: the formatted text made
// safe by diag.Printable (titles, file names and quoted HTML come from
// posts), then a newline. Every line the program prints goes through it
// or through diag.Diagnostic.String, which does the same.
func printLine(w io.Writer, format string, args ...any) {
	fmt.Fprintln(w, diag.Printable(fmt.Sprintf(format, args...)))
}

// jsonPrintable rewrites JSON text so that it shows as it is in a terminal
// or CI log: the characters diag.Printable escapes, which encoding/json
// leaves raw (DEL, C1 controls, bidi controls), become \u escapes, and
// the [ of a "##[" workflow command becomes \u005b. Both occur only inside
// strings, where the escapes decode to the same text.
func jsonPrintable(data []byte) []byte {
	var out bytes.Buffer
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r >= 0x20 && diag.Unprintable(r):
			fmt.Fprintf(&out, `\u%04x`, r)
		case r == '[' && bytes.HasSuffix(out.Bytes(), []byte("##")):
			out.WriteString(`\u005b`)
		case r == '[' && bytes.HasSuffix(out.Bytes(), []byte("##vso")):
			out.WriteString(`\u005b`)
		default:
			out.Write(data[i : i+n])
		}
		i += n
	}
	return out.Bytes()
}
