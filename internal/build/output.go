package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/epub"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/manifest"
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

// sandbox reads the files the manifest itself names (a stylesheet, fonts)
// under the same rule as the posts: inside the manifest's folder or the
// site root.
func sandbox(m *manifest.Manifest) *book.Sandbox {
	roots := []string{m.Dir}
	if m.Site != nil {
		roots = append(roots, m.Site.Root)
	}
	return book.NewSandbox(roots...)
}

// EPUB writes the book as an EPUB file.
func EPUB(env Env, in *Input, out, generator string, diags *diag.List) (Result, error) {
	if diags.HasErrors() {
		return Result{}, errBookHasErrors
	}
	m := in.Manifest
	opt := epub.Options{TOCDepth: m.EPUB.TOCDepth, MaxImagePx: m.EPUB.MaxImagePx, EmbedFonts: m.EPUB.EmbedFonts,
		Generator: generator, Progress: env.Progress}
	t, err := Timestamp(env, in.Book)
	if err != nil {
		return Result{}, err
	}
	opt.Time = t
	if m.EPUB.CSS != "" {
		css, err := sandbox(m).ReadFile(m.EPUB.CSS)
		if err != nil {
			diags.Errorf(diag.Pos{File: m.Path}, "epub.css %s: %v", env.Rel(m.EPUB.CSS), err)
			return Result{}, errBookHasErrors
		}
		opt.CSS = css
	}
	var st epub.Stats
	var buf bytes.Buffer
	st, err = epub.Write(&buf, in.Book, opt, diags)
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

// customPaper reads a WxHmm trim size.
var customPaper = regexp.MustCompile(`^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)mm$`)

// Paper returns a trim size in millimetres from a preset name or WxHmm.
func Paper(name string) (w, h float64, err error) {
	if p, ok := manifest.Papers[strings.ToLower(name)]; ok {
		return p[0], p[1], nil
	}
	if m := customPaper.FindStringSubmatch(strings.ToLower(name)); m != nil {
		w, _ = strconv.ParseFloat(m[1], 64)
		h, _ = strconv.ParseFloat(m[2], 64)
		if w >= 50 && h >= 50 && w <= 1000 && h <= 1000 {
			return w, h, nil
		}
	}
	return 0, 0, fmt.Errorf("unknown paper %q (use a5, shinguk, 46, crown, a4, letter, mungo, or WxHmm such as 150x220mm, 50 to 1000 mm)", name)
}

// PDF lays out the book and writes it as a PDF file. paper, when not
// empty, overrides the manifest's.
func PDF(env Env, in *Input, out, paper, creator string, diags *diag.List) (Result, error) {
	if diags.HasErrors() {
		return Result{}, errBookHasErrors
	}
	m := in.Manifest
	if paper == "" {
		paper = m.PDF.Paper
	}
	w, h, err := Paper(paper)
	if err != nil {
		return Result{}, err
	}
	t, err := Timestamp(env, in.Book)
	if err != nil {
		return Result{}, err
	}
	opt := layout.Options{PageWidth: layout.Mm(w), PageHeight: layout.Mm(h), FontSize: layout.Pt(m.PDF.FontSize),
		LineHeight: m.PDF.LineHeight, Indent: m.PDF.Indent, RectoChapters: m.PDF.RectoChapters,
		Date: t.Unix(), Creator: creator, FontsPos: m.PDF.FontsPos, Progress: env.Progress}
	if m.PDF.LineBreak == "normal" {
		opt.Mode = layout.Normal
	}
	if opt.Fonts, err = readFonts(env, m, diags); err != nil {
		return Result{}, err
	}
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

// readFonts reads the TrueType files the manifest names per role.
func readFonts(env Env, m *manifest.Manifest, diags *diag.List) (map[string][][]byte, error) {
	if len(m.PDF.Fonts) == 0 {
		return nil, nil
	}
	box := sandbox(m)
	out := map[string][][]byte{}
	for _, role := range []string{"body", "heading", "code"} {
		for _, p := range m.PDF.Fonts[role] {
			data, err := box.ReadFile(p)
			if err != nil {
				diags.Errorf(m.PDF.FontsPos[role], "font %s: %v", env.Rel(p), err)
				continue
			}
			out[role] = append(out[role], data)
		}
	}
	if diags.HasErrors() {
		return nil, errBookHasErrors
	}
	return out, nil
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
