package epub

import (
	"archive/zip"
	"fmt"
	"io"
	"path"
	"regexp"
)

// OCF (EPUB Open Container Format 3): the zip starts with an uncompressed
// mimetype entry, META-INF/container.xml names the package document.
const (
	mimetype   = "application/epub+zip"
	packageDir = "EPUB/"
	container  = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`
)

// zipDate is the MS-DOS date of every entry, 1980-01-01, the earliest the
// format can hold: a fixed time keeps builds byte-identical, and the zero
// date (month 0) upsets some unzip tools.
const zipDate = 1<<5 | 1

// zipName checks entry names: relative, clean, ASCII, nothing that climbs
// out of the container.
var zipName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._/-]*$`)

// writeZip writes the container: mimetype, container.xml, the package
// document, the navigation files, the content documents in reading order,
// then the other resources in the order they were added.
func (p *publication) writeZip(w io.Writer) error {
	z := zip.NewWriter(w)
	if err := addEntry(z, "mimetype", []byte(mimetype), zip.Store); err != nil {
		return err
	}
	entries := []struct {
		name string
		data []byte
	}{
		{"META-INF/container.xml", []byte(container)},
		{packageDir + "package.opf", p.packageDocument()},
		{packageDir + "toc.ncx", p.ncx()},
	}
	for _, d := range p.docs {
		entries = append(entries, struct {
			name string
			data []byte
		}{packageDir + d.href, d.data})
	}
	for _, f := range p.files {
		entries = append(entries, struct {
			name string
			data []byte
		}{packageDir + f.href, f.data})
	}
	for _, e := range entries {
		if err := addEntry(z, e.name, e.data, zip.Deflate); err != nil {
			return err
		}
	}
	return z.Close()
}

func addEntry(z *zip.Writer, name string, data []byte, method uint16) error {
	if !zipName.MatchString(name) || path.Clean(name) != name {
		return fmt.Errorf("refusing unsafe name %q inside the EPUB", name)
	}
	h := &zip.FileHeader{Name: name, Method: method, ModifiedDate: zipDate}
	h.SetMode(0o644)
	w, err := z.CreateHeader(h)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}
