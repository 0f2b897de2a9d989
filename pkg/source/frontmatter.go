package source

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/hangul-press/publish/pkg/diag"
	"go.yaml.in/yaml/v3"
)

// frontMatter is the result of splitting a post: where its YAML and its
// body lie in the normalized source.
type frontMatter struct {
	present   bool
	yamlStart int // offset of the first YAML byte (after the opening ---)
	yamlEnd   int
	bodyStart int
}

// splitFrontMatter finds front matter the way Jekyll does: a "---" line at
// the very start, YAML, then a "---" or "..." line. It reports an opening
// line that is never closed as an error at line 1 (ok false), since the
// author clearly meant front matter.
func splitFrontMatter(src []byte) (fm frontMatter, ok bool) {
	first, rest, found := cutLine(src, 0)
	if !isFence(first, false) || !found {
		return frontMatter{}, !isFence(first, false)
	}
	fm = frontMatter{present: true, yamlStart: rest}
	for at := rest; at < len(src); {
		line, next, _ := cutLine(src, at)
		if isFence(line, true) {
			fm.yamlEnd, fm.bodyStart = at, next
			return fm, true
		}
		at = next
	}
	return frontMatter{}, false
}

// cutLine returns the line starting at offset at (without its newline),
// the offset of the next line, and whether a newline ended it.
func cutLine(src []byte, at int) (line []byte, next int, nl bool) {
	i := bytes.IndexByte(src[at:], '\n')
	if i < 0 {
		return src[at:], len(src), false
	}
	return src[at : at+i], at + i + 1, true
}

// isFence reports whether a line is "---" (or "..." when closing is true)
// followed only by spaces or tabs.
func isFence(line []byte, closing bool) bool {
	t := bytes.TrimRight(line, " \t")
	return string(t) == "---" || closing && string(t) == "..."
}

// parseFront decodes the YAML between the fences into a map and the
// position of every top-level key's value. line0 is the file line of the
// first YAML line; zone is the time zone of dates written without one.
func parseFront(yml []byte, file string, line0 int, zone *time.Location, diags *diag.List) (map[string]any, map[string]diag.Pos, error) {
	front, at := map[string]any{}, map[string]diag.Pos{}
	var doc yaml.Node
	if err := yaml.Unmarshal(yml, &doc); err != nil {
		return nil, nil, yamlError(err, yml, file, line0)
	}
	if len(doc.Content) == 0 {
		return front, at, nil // empty front matter
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return front, at, nil
	}
	if root.Kind != yaml.MappingNode {
		pos := diag.Pos{File: file, Line: root.Line + line0 - 1, Col: root.Column}
		return nil, nil, diag.Errorf(pos, "expected key: value pairs at the top level")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		addKey(root.Content[i], root.Content[i+1], file, line0, zone, front, at, diags)
	}
	return front, at, nil
}

// addKey decodes one top-level entry. A later duplicate wins, as in
// Jekyll's Ruby YAML, with a warning. The YAML library reads a timestamp
// without a zone as UTC; such a value is read again in zone.
func addKey(k, v *yaml.Node, file string, line0 int, zone *time.Location, front map[string]any, at map[string]diag.Pos, diags *diag.List) {
	kpos := diag.Pos{File: file, Line: k.Line + line0 - 1, Col: k.Column}
	if k.Kind != yaml.ScalarNode {
		diags.Warnf(kpos, "key is not a plain name; ignored")
		return
	}
	var val any
	if err := v.Decode(&val); err != nil {
		diags.Warnf(kpos, "%s: %s; ignored", k.Value, strings.TrimPrefix(err.Error(), "yaml: "))
		return
	}
	if _, isTime := val.(time.Time); isTime && v.Kind == yaml.ScalarNode {
		if t, ok := parseDate(v.Value, zone); ok {
			val = t
		}
	}
	if _, dup := front[k.Value]; dup {
		diags.Warnf(kpos, "key %s appears twice; the last one is used", k.Value)
	}
	front[k.Value] = val
	at[k.Value] = diag.Pos{File: file, Line: v.Line + line0 - 1, Col: v.Column}
}

// yamlError turns a YAML library error into a diagnostic that names the
// line in the original file.
func yamlError(err error, yml []byte, file string, line0 int) error {
	line, text, ok := diag.YAMLSyntax(err.Error(), yml)
	if !ok {
		return diag.Errorf(diag.Pos{File: file, Line: line0 - 1}, "YAML: %s", text)
	}
	return diag.Errorf(diag.Pos{File: file, Line: line + line0 - 1}, "YAML: %s", text)
}

// frontString returns a front-matter value as text: strings as they are,
// numbers and booleans as written, nothing for lists and maps.
func frontString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil, []any, map[string]any, map[any]any:
		return ""
	}
	return fmt.Sprint(v)
}
