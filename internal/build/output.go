package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/epub"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/pdf"
)

// Result describes a written output, for the command's closing line.
type Result struct {
	Path  string // the file written, as the command line names it or DefaultOutput made it
	Bytes int64  // the file's size in bytes
	// Pages is the page count of a PDF; Chapters and Images count content.
	Pages, Chapters, Images int
	// Detail is extra information worth a mention (font subsetting).
	Detail string
}

// WriteAtomic writes a file whole or not at all: the content goes to a
// temporary file beside path, which is renamed over path only when write
// succeeded and path is still a place an output may go (CheckOutput). On
// failure nothing is left behind, and RemoveTemporaryFiles removes the
// temporary file if the program is interrupted meanwhile.
func WriteAtomic(path string, write func(io.Writer) error) (n int64, err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, err
	}
	temps.add(tmp.Name())
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
		temps.remove(tmp.Name())
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
	if err = CheckOutput(path, nil); err != nil {
		return 0, err // something took the place of path meanwhile
	}
	return cw.n, os.Rename(tmp.Name(), path)
}

// temps are the temporary files being written, for RemoveTemporaryFiles.
var temps = &tempFiles{names: map[string]bool{}}

type tempFiles struct {
	mu    sync.Mutex
	names map[string]bool
}

func (t *tempFiles) add(name string) {
	t.mu.Lock()
	t.names[name] = true
	t.mu.Unlock()
}

func (t *tempFiles) remove(name string) {
	t.mu.Lock()
	delete(t.names, name)
	t.mu.Unlock()
}

// RemoveTemporaryFiles deletes the temporary files of outputs being
// written. The program calls it when it is interrupted (SIGINT, SIGTERM)
// before it exits, so that no half-written hidden file stays behind.
func RemoveTemporaryFiles() {
	temps.mu.Lock()
	defer temps.mu.Unlock()
	for name := range temps.names {
		os.Remove(name)
		delete(temps.names, name)
	}
}

// CheckOutput refuses an output path that must not be replaced: a
// directory, anything that is not a regular file (a symbolic link, a
// device such as /dev/null, a FIFO), and any of inputs, the files the book
// was made from (compared as files, so another name for the same file is
// caught too). A path that does not exist yet is fine.
func CheckOutput(path string, inputs []string) error {
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	switch mode := st.Mode(); {
	case mode.IsDir():
		return fmt.Errorf("%s is a folder; name a file to write", path)
	case mode&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link; publish does not write through links (remove it or name another file)", path)
	case !mode.IsRegular():
		return fmt.Errorf("%s is not a regular file (a device, a pipe or a socket); publish writes only regular files", path)
	}
	for _, in := range inputs {
		if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
			return fmt.Errorf("%s is one of the book's inputs; publish will not overwrite it", path)
		}
	}
	return nil
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
// manifest's name (or the first post's slug) with the format's extension,
// always in the working directory: the name keeps letters, digits and
// "-_." only, so a slug such as ../../x cannot steer the output elsewhere.
func DefaultOutput(env Env, in *Input, ext string) string {
	base := strings.TrimSuffix(filepath.Base(in.Manifest.Path), filepath.Ext(in.Manifest.Path))
	if in.Manifest.Path == commandLine && len(in.Book.Chapters()) > 0 {
		base = in.Book.Chapters()[0].Post.Slug
	}
	return filepath.Join(env.WorkDir, safeName(base)+ext)
}

// safeName keeps a file name's letters (Hangul included), digits, '-',
// '_' and inner dots; anything else, path separators and ".." included,
// becomes '-'. An empty result is "book".
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '-'
	}, s)
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", "-")
	}
	s = strings.Trim(s, ".-")
	if s == "" {
		return "book"
	}
	return s
}

// errBookHasErrors stops a build whose input has errors: the output would
// not be right, so none is written.
var errBookHasErrors = errors.New("the book has errors; nothing written")

// ErrStrict stops a build with warnings under --strict: it counts as
// failed, so nothing is written.
var ErrStrict = errors.New("--strict: warnings count as errors; nothing written")

// output renders a book with render straight into a temporary file
// beside out, renamed to out only when the output may be kept: nothing is
// written when the book has errors, when render reports errors or fails,
// under Env.Strict when there are warnings, or when out is not a place an
// output may go (CheckOutput). The output is never held in memory whole:
// a book of many large images makes an EPUB or PDF of hundreds of
// megabytes.
func output(env Env, in *Input, out string, diags *diag.List, render func(io.Writer) error) (int64, error) {
	if diags.HasErrors() {
		return 0, errBookHasErrors
	}
	if err := CheckOutput(out, outputInputs(in)); err != nil {
		return 0, err
	}
	return WriteAtomic(out, func(w io.Writer) error {
		if err := render(w); err != nil {
			return err
		}
		switch {
		case diags.HasErrors():
			return errBookHasErrors // a chapter could not be rendered: write nothing
		case env.Strict && diags.Count(diag.Warning) > 0:
			return ErrStrict
		}
		return nil
	})
}

// outputInputs are the files an output must not replace: the manifest
// and everything the book read.
func outputInputs(in *Input) []string {
	out := append([]string(nil), in.Book.Inputs...)
	if in.Manifest.Path != commandLine {
		out = append(out, in.Manifest.Path)
	}
	return out
}

// EPUB writes the book as an EPUB file.
func EPUB(env Env, in *Input, out, generator string, diags *diag.List) (Result, error) {
	var st epub.Stats
	n, err := output(env, in, out, diags, func(w io.Writer) (err error) {
		st, err = epub.Write(w, in.Book, epub.Options{Generator: generator, Progress: env.Progress}, diags)
		return err
	})
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
	var pages int
	n, err := output(env, in, out, diags, func(w io.Writer) error {
		doc, err := layout.Layout(in.Book, layout.Options{Creator: creator, Progress: env.Progress}, diags)
		if err != nil || diags.HasErrors() {
			return err
		}
		pages = len(doc.Pages)
		return pdf.WriteOptions(w, doc, pdf.Options{Progress: env.Progress})
	})
	if err != nil {
		return Result{}, err
	}
	return Result{Path: out, Bytes: n, Pages: pages, Chapters: len(in.Book.Chapters())}, nil
}

// Check runs both writers on a loaded book in memory and discards what
// they make, so that check reports everything epub and pdf would: raw
// HTML removed, links that leave the book, characters in no font, lines
// that do not fit. Nothing is written. A book with errors from loading is
// not rendered.
func Check(env Env, in *Input, diags *diag.List) error {
	if in == nil || in.Book == nil || diags.HasErrors() {
		return nil
	}
	if _, err := epub.Write(io.Discard, in.Book, epub.Options{Progress: env.Progress}, diags); err != nil {
		return err
	}
	doc, err := layout.Layout(in.Book, layout.Options{Progress: env.Progress}, diags)
	if err != nil {
		return err
	}
	return pdf.WriteOptions(io.Discard, doc, pdf.Options{Progress: env.Progress})
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
