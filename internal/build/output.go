package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/epub"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/pdf"
)

// Result describes a written output, for the command's closing line.
type Result struct {
	Path  string
	Bytes int64
	// Pages is the page count of a PDF; Chapters and Images count content.
	Pages, Chapters, Images int
	// Detail is extra information worth a mention (font subsetting).
	Detail string
}

// WriteAtomic writes a file whole or not at all: the content goes to a
// temporary file beside path, which is renamed over path only when write
// succeeded. On failure nothing is left behind.
func WriteAtomic(path string, write func(io.Writer) error) (n int64, err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	cw := &countingWriter{w: tmp}
	if err = write(cw); err != nil {
		return 0, err
	}
	if err = tmp.Sync(); err != nil {
		return 0, err
	}
	if err = tmp.Close(); err != nil {
		return 0, err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return 0, err
	}
	return cw.n, os.Rename(tmp.Name(), path)
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// DefaultOutput names the output file when -o is not given: the
// manifest's name (or the first post's) with the format's extension, in
// the working directory.
func DefaultOutput(env Env, in *Input, ext string) string {
	base := strings.TrimSuffix(filepath.Base(in.Manifest.Path), filepath.Ext(in.Manifest.Path))
	if in.Manifest.Path == commandLine && len(in.Book.Chapters()) > 0 {
		base = in.Book.Chapters()[0].Post.Slug
	}
	return filepath.Join(env.WorkDir, base+ext)
}

// errBookHasErrors stops a build whose input has errors: the output would
// not be right, so none is written.
var errBookHasErrors = errors.New("the book has errors; nothing written")

// EPUB writes the book as an EPUB file.
func EPUB(env Env, in *Input, out, generator string, diags *diag.List) (Result, error) {
	if diags.HasErrors() {
		return Result{}, errBookHasErrors
	}
	opt := epub.Options{Generator: generator, Progress: env.Progress}
	var buf bytes.Buffer
	st, err := epub.Write(&buf, in.Book, opt, diags)
	if err != nil {
		return Result{}, err
	}
	if diags.HasErrors() {
		return Result{}, errBookHasErrors // a chapter could not be rendered: write nothing
	}
	n, err := WriteAtomic(out, func(w io.Writer) error { _, err := buf.WriteTo(w); return err })
	if err != nil {
		return Result{}, err
	}
	r := Result{Path: out, Bytes: n, Chapters: st.Chapters, Images: st.Images}
	if st.FontBytesBefore > 0 {
		r.Detail = fmt.Sprintf("fonts subset %s → %s", Size(st.FontBytesBefore), Size(st.FontBytesAfter))
	}
	return r, nil
}

// PDF lays out the book and writes it as a PDF file. Its settings are the
// book's (in.Book.Config.PDF), which the command line may have changed.
func PDF(env Env, in *Input, out, creator string, diags *diag.List) (Result, error) {
	if diags.HasErrors() {
		return Result{}, errBookHasErrors
	}
	opt := layout.Options{Creator: creator, Progress: env.Progress}
	doc, err := layout.Layout(in.Book, opt, diags)
	if err != nil {
		return Result{}, err
	}
	if diags.HasErrors() {
		return Result{}, errBookHasErrors
	}
	var buf bytes.Buffer
	if err := pdf.WriteOptions(&buf, doc, pdf.Options{Progress: env.Progress}); err != nil {
		return Result{}, err
	}
	n, err := WriteAtomic(out, func(w io.Writer) error { _, err := buf.WriteTo(w); return err })
	if err != nil {
		return Result{}, err
	}
	return Result{Path: out, Bytes: n, Pages: len(doc.Pages), Chapters: len(in.Book.Chapters())}, nil
}

// Size formats a byte count for people: 812 B, 14.2 KB, 3.4 MB.
func Size(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f KB", float64(n)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1000/1000)
}
