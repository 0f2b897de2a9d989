package manifest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/diag"
	"go.yaml.in/yaml/v3"
)

// Load reads the manifest at path. Problems with the manifest itself are
// errors in diags; the returned error is non-nil when the file cannot be
// read or holds at least one error.
func Load(path string, diags *diag.List) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		diags.Errorf(diag.Pos{File: path}, "cannot read manifest: %v", unwrapPath(err))
		return nil, errors.New("manifest not readable")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		diags.Errorf(diag.Pos{File: path}, "%v", err)
		return nil, err
	}
	return Parse(path, filepath.Dir(abs), data, diags)
}

// unwrapPath drops the path that os errors repeat, since the message
// already names the file.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse reads manifest text. name is used in messages and dir resolves
// relative paths.
func Parse(name, dir string, data []byte, diags *diag.List) (*Manifest, error) {
	before := diags.Count(diag.Error)
	r := &reader{file: name, dir: dir, diags: diags}
	m := r.parse(data)
	if diags.Count(diag.Error) > before {
		return nil, fmt.Errorf("%s: manifest has errors", name)
	}
	return m, nil
}

type reader struct {
	file  string
	dir   string
	diags *diag.List
	// keys are the keys of the mappings being read, outermost first, so
	// that a value's message names it (pdf.font_size).
	keys []string
}

// valueErrorf reports a bad value, naming its key.
func (r *reader) valueErrorf(n *yaml.Node, format string, args ...any) {
	if len(r.keys) > 0 {
		format = strings.Join(r.keys, ".") + ": " + format
	}
	r.errorf(n, format, args...)
}

func (r *reader) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: r.file, Line: n.Line, Col: n.Column}
}

func (r *reader) errorf(n *yaml.Node, format string, args ...any) {
	r.diags.Errorf(r.pos(n), format, args...)
}

func (r *reader) parse(data []byte) *Manifest {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line := bytes.Count(data[:firstInvalid(data)], []byte("\n")) + 1
		r.diags.Errorf(diag.Pos{File: r.file, Line: line}, "manifest is not valid UTF-8")
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		r.syntaxError(err, data)
		return nil
	}
	if len(doc.Content) == 0 {
		r.diags.Errorf(diag.Pos{File: r.file}, "manifest is empty; it needs at least title, authors and chapters")
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		r.errorf(root, "manifest must be a mapping of keys such as title: and chapters:")
		return nil
	}
	m := Default()
	m.Path, m.Dir = r.file, r.dir
	r.top(m, root)
	return m
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		c, n := utf8.DecodeRune(b[i:])
		if c == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func (r *reader) syntaxError(err error, src []byte) {
	line, text, _ := diag.YAMLSyntax(err.Error(), src)
	r.diags.Errorf(diag.Pos{File: r.file, Line: line}, "YAML syntax: %s", text)
}

// each calls f for every key of a mapping node, reporting duplicate keys.
func (r *reader) each(n *yaml.Node, f func(key string, k, v *yaml.Node)) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			r.errorf(k, "duplicate key %q", k.Value)
			continue
		}
		seen[k.Value] = true
		r.keys = append(r.keys, k.Value)
		f(k.Value, k, v)
		r.keys = r.keys[:len(r.keys)-1]
	}
}

func (r *reader) top(m *Manifest, root *yaml.Node) {
	required := map[string]bool{"title": false, "authors": false, "chapters": false}
	r.each(root, func(key string, k, v *yaml.Node) {
		if _, ok := required[key]; ok {
			required[key] = true
		}
		switch key {
		case "title":
			m.Title = r.nonEmpty(v, key)
		case "subtitle":
			m.Subtitle = r.str(v)
		case "authors", "author":
			m.Authors = r.strList(v)
			required["authors"] = true
		case "language":
			m.Language = r.nonEmpty(v, key)
		case "languages":
			m.Languages = r.strList(v)
		case "date":
			m.Date, m.HasDate = r.date(v)
		case "identifier":
			m.Identifier = r.nonEmpty(v, key)
		case "publisher":
			m.Publisher = r.str(v)
		case "description":
			m.Description = r.str(v)
		case "rights":
			m.Rights = r.str(v)
		case "cover":
			m.Cover, m.CoverPos = r.path(v), r.pos(v)
		case "site":
			m.Site = r.site(v)
		case "chapters":
			m.Chapters = r.entries(v, 0)
		case "max_image_pixels":
			m.MaxImagePixels = int64(r.positiveInt(v))
		case "epub":
			r.epub(&m.EPUB, v)
		case "pdf":
			r.pdf(&m.PDF, v)
		case "math":
			r.math(&m.Math, v)
		default:
			r.errorf(k, "unknown key %q (known: title, subtitle, authors, language, languages, date, identifier, publisher, description, rights, cover, site, chapters, max_image_pixels, epub, pdf, math)", key)
		}
	})
	for _, key := range []string{"title", "authors", "chapters"} {
		if !required[key] {
			r.errorf(root, "missing required key %q", key)
		}
	}
}
