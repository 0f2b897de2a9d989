package pdf

import (
	"fmt"
	"time"

	"github.com/hangul-press/publish/pkg/layout"
)

// checkInfo refuses a language tag that fpdf would write unescaped into
// the catalog's /Lang string: BCP 47 tags are ASCII letters, digits and
// hyphens, and anything else could end the string early.
func checkInfo(info layout.Info) error {
	for _, r := range info.Lang {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return fmt.Errorf("language %q is not a BCP 47 tag", info.Lang)
		}
	}
	return nil
}

// setInfo writes the document information dictionary and the catalog
// settings that make the output reproducible. Strings are passed as UTF-8,
// which fpdf stores as UTF-16 with a byte order mark, so Korean titles
// survive. The date is Info.Date in UTC; fpdf would read the clock if it
// were left unset, and Unix time 0 is a real date, not "unset", to it.
func (p *painter) setInfo() error {
	info := p.doc.Info
	f := p.f
	// An empty string would still be written, as a lone byte order mark.
	for _, field := range []struct {
		value string
		set   func(string, bool)
	}{
		{info.Title, f.SetTitle}, {info.Author, f.SetAuthor}, {info.Subject, f.SetSubject},
		{info.Keywords, f.SetKeywords}, {info.Creator, f.SetCreator},
	} {
		if field.value != "" {
			field.set(field.value, true)
		}
	}
	f.SetLang(info.Lang)
	date := time.Unix(info.Date, 0).UTC()
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	// Without sorting, fpdf writes fonts and images in Go map order,
	// which changes from run to run.
	f.SetCatalogSort(true)
	return nil
}
