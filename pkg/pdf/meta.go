package pdf

import (
	"fmt"
	"time"

	"github.com/hangul-press/publish/pkg/layout"
)

// producer is the /Producer of every file.
const producer = "publish"

// checkInfo refuses a language tag that is not BCP 47's ASCII letters,
// digits and hyphens: it goes into the catalog's /Lang, and readers pass it
// on to speech and hyphenation.
func checkInfo(info layout.Info) error {
	for _, r := range info.Lang {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return fmt.Errorf("language %q is not a BCP 47 tag", info.Lang)
		}
	}
	return nil
}

// writeInfo writes the document information dictionary (14.3.3). Empty
// fields are left out. The date is Info.Date in UTC, never the clock.
func writeInfo(w *fileWriter, info layout.Info) int {
	n := w.reserve()
	b := []byte("<<")
	for _, f := range []struct{ key, value string }{
		{"/Title", info.Title}, {"/Author", info.Author}, {"/Subject", info.Subject},
		{"/Keywords", info.Keywords}, {"/Creator", info.Creator}, {"/Producer", producer},
	} {
		if f.value != "" {
			b = append(b, f.key...)
			b = appendTextString(b, f.value)
		}
	}
	date := pdfDate(info.Date)
	b = append(b, "/CreationDate"...)
	b = appendLiteral(b, date)
	b = append(b, "/ModDate"...)
	b = appendLiteral(b, date)
	w.object(n, append(b, ">>"...))
	return n
}

// pdfDate formats Unix seconds as a PDF date in UTC (7.9.4).
func pdfDate(unix int64) []byte {
	return time.Unix(unix, 0).UTC().AppendFormat([]byte("D:"), "20060102150405Z")
}

// catalogRefs are the objects the catalog points to; 0 means absent.
type catalogRefs struct {
	pages, outline, dests int
}

// writeCatalog writes the document catalog (7.7.2): the page tree, the
// language, the outline shown on opening when there is one, the named
// destinations, and the title in the window's title bar.
func writeCatalog(w *fileWriter, n int, lang string, refs catalogRefs) {
	b := []byte("<</Type/Catalog/Pages ")
	b = appendRef(b, refs.pages)
	if lang != "" {
		b = append(b, "/Lang"...)
		b = appendLiteral(b, []byte(lang))
	}
	if refs.outline != 0 {
		b = append(b, "/Outlines "...)
		b = appendRef(b, refs.outline)
		b = append(b, "/PageMode/UseOutlines"...)
	}
	if refs.dests != 0 {
		b = append(b, "/Names<</Dests "...)
		b = appendRef(b, refs.dests)
		b = append(b, ">>"...)
	}
	w.object(n, append(b, "/ViewerPreferences<</DisplayDocTitle true>>>>"...))
}
