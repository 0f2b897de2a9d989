package epub

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/hangul-press/publish/internal/parallel"
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

// writeHead starts the container: the mimetype entry, stored, first, then
// META-INF/container.xml.
func writeHead(z *zip.Writer) error {
	if err := addEntry(z, "mimetype", []byte(mimetype), zip.Store); err != nil {
		return err
	}
	f := newDeflater()
	return f.pack("META-INF/container.xml", []byte(container)).write(z)
}

// writeZip writes the rest of the container after the head and the images
// (writeImages): the package document, the navigation files, the content
// documents in reading order, then the other resources in the order they
// were added, and closes it.
func (p *publication) writeZip(z *zip.Writer) error {
	type entry struct {
		name string
		data []byte
	}
	entries := []entry{
		{packageDir + "package.opf", p.packageDocument()},
		{packageDir + "toc.ncx", p.ncx()},
	}
	for _, d := range p.docs {
		entries = append(entries, entry{packageDir + d.href, d.data})
	}
	for _, f := range p.files {
		if !f.written {
			entries = append(entries, entry{packageDir + f.href, f.data})
		}
	}
	// Entries are compressed in parallel, then written in order as raw
	// entries whose sizes and checksum are known in advance.
	packed := make([]packedEntry, len(entries))
	parallel.With(len(entries), newDeflater, func(f *deflater, i int) {
		packed[i] = f.pack(entries[i].name, entries[i].data)
	})
	for _, e := range packed {
		if err := e.write(z); err != nil {
			return err
		}
	}
	return z.Close()
}

func addEntry(z *zip.Writer, name string, data []byte, method uint16) error {
	h, err := entryHeader(name, method)
	if err != nil {
		return err
	}
	w, err := z.CreateHeader(h)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// entryHeader checks an entry's name and makes its header.
func entryHeader(name string, method uint16) (*zip.FileHeader, error) {
	if !zipName.MatchString(name) || path.Clean(name) != name {
		return nil, fmt.Errorf("refusing unsafe name %q inside the EPUB", name)
	}
	h := &zip.FileHeader{Name: name, Method: method, ModifiedDate: zipDate}
	h.SetMode(0o644)
	return h, nil
}

// packedEntry is an entry compressed ahead of writing.
type packedEntry struct {
	header *zip.FileHeader
	data   []byte // as stored: compressed unless the method is Store
	err    error
}

func (e packedEntry) write(z *zip.Writer) error {
	if e.err != nil {
		return e.err
	}
	w, err := z.CreateRaw(e.header)
	if err != nil {
		return err
	}
	_, err = w.Write(e.data)
	return err
}

// deflater compresses entries; each goroutine has its own.
type deflater struct {
	buf bytes.Buffer
	// text compresses documents, stylesheets and fonts; fast compresses
	// images, whose formats are compressed already.
	text, fast *flate.Writer
}

func newDeflater() *deflater {
	text, _ := flate.NewWriter(io.Discard, flate.DefaultCompression) // the levels are valid
	fast, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
	return &deflater{text: text, fast: fast}
}

// pack compresses data for the entry name. An image (PNG, JPEG, GIF,
// WebP) is compressed already: it is deflated at the fastest level and
// stored as it is unless that saves a thirty-second of its size, which
// happens for flat drawings saved with little compression.
func (f *deflater) pack(name string, data []byte) packedEntry {
	e := f.packBody(data, precompressed(name))
	e.header, e.err = withName(e.header, name)
	return e
}

// packBody compresses an entry's data; its header lacks the name.
func (f *deflater) packBody(data []byte, precompressed bool) packedEntry {
	h := &zip.FileHeader{Method: zip.Deflate}
	h.CRC32 = crc32.ChecksumIEEE(data)
	h.UncompressedSize64 = uint64(len(data))
	fw := f.text
	if precompressed {
		fw = f.fast
	}
	f.buf.Reset()
	fw.Reset(&f.buf)
	if _, err := fw.Write(data); err != nil {
		return packedEntry{err: err}
	}
	if err := fw.Close(); err != nil {
		return packedEntry{err: err}
	}
	stored := bytes.Clone(f.buf.Bytes())
	if precompressed && len(stored) > len(data)-len(data)/32 {
		h.Method, stored = zip.Store, data
	}
	h.CompressedSize64 = uint64(len(stored))
	return packedEntry{header: h, data: stored}
}

// withName gives a header made by packBody its entry name, checked.
func withName(h *zip.FileHeader, name string) (*zip.FileHeader, error) {
	if h == nil {
		return nil, nil // packBody failed: its error is kept
	}
	named, err := entryHeader(name, h.Method)
	if err != nil {
		return nil, err
	}
	named.CRC32, named.UncompressedSize64, named.CompressedSize64 = h.CRC32, h.UncompressedSize64, h.CompressedSize64
	return named, nil
}

// precompressed reports whether a file name's extension is that of an
// image format that is compressed already.
func precompressed(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp":
		return true
	}
	return false
}
