package manifest

import (
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// str reads a scalar as text. Numbers and booleans are accepted as their
// spelling, since a title such as "2020" is still a title.
func (r *reader) str(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		r.errorf(n, "expected a string, found %s", kindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

func (r *reader) nonEmpty(n *yaml.Node, key string) string {
	s := strings.TrimSpace(r.str(n))
	if s == "" && n.Kind == yaml.ScalarNode {
		r.errorf(n, "%s must not be empty", key)
	}
	return s
}

// strList reads a list of strings; a single string is a list of one.
func (r *reader) strList(n *yaml.Node) []string {
	if n.Kind == yaml.ScalarNode {
		if s := r.nonEmpty(n, "value"); s != "" {
			return []string{s}
		}
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "expected a string or a list of strings, found %s", kindName(n))
		return nil
	}
	var out []string
	for _, c := range n.Content {
		if s := r.nonEmpty(c, "list item"); s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		r.errorf(n, "list must not be empty")
	}
	return out
}

// dateLayouts are the spellings of a date the manifest accepts, as in
// Jekyll front matter.
var dateLayouts = []string{"2006-01-02", "2006-01-02 15:04:05", "2006-01-02 15:04:05 -0700", "2006-01-02T15:04:05Z07:00", "2006-01-02 15:04"}

func (r *reader) date(n *yaml.Node) (time.Time, bool) {
	s := r.str(n)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if y := t.UTC().Year(); y < 1 || y > 9999 {
				// EPUB and PDF dates hold the years 1 to 9999 (the rule
				// pkg/source applies to posts' dates).
				r.errorf(n, "date %q: the year must be from 1 to 9999", s)
				return time.Time{}, false
			}
			return t, true
		}
	}
	if n.Kind == yaml.ScalarNode {
		r.errorf(n, "date %q is not of the form 2021-02-02 (optionally with a time)", s)
	}
	return time.Time{}, false
}

func (r *reader) boolean(n *yaml.Node) bool {
	if n.Kind == yaml.ScalarNode {
		switch n.Value {
		case "true", "True", "TRUE", "yes", "on":
			return true
		case "false", "False", "FALSE", "no", "off":
			return false
		}
	}
	r.valueErrorf(n, "expected true or false, found %s", describe(n))
	return false
}

func (r *reader) positiveInt(n *yaml.Node) int {
	v, err := strconv.Atoi(r.str(n))
	if err != nil || v <= 0 {
		r.valueErrorf(n, "expected a positive whole number, found %s", describe(n))
		return 0
	}
	return v
}

// number reads a number within rng. Out of range, it reports the problem
// and returns rng's minimum, so later checks see a valid value.
func (r *reader) number(n *yaml.Node, rng numRange) float64 {
	v, err := strconv.ParseFloat(r.str(n), 64)
	if err != nil || !rng.has(v) {
		r.valueErrorf(n, "expected a number %s, found %s", rng, describe(n))
		return rng.min
	}
	return v
}

// whole reads a whole number within rng.
func (r *reader) whole(n *yaml.Node, rng numRange) int {
	v, err := strconv.Atoi(r.str(n))
	if err != nil || !rng.has(float64(v)) {
		r.valueErrorf(n, "expected a whole number %s, found %s", rng, describe(n))
		return int(rng.min)
	}
	return v
}

// pathList reads one path or a list of them, as nodes for their positions.
func (r *reader) pathList(n *yaml.Node) []*yaml.Node {
	if n.Kind == yaml.ScalarNode {
		return []*yaml.Node{n}
	}
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		r.errorf(n, "expected a path or a non-empty list of paths, found %s", kindName(n))
		return nil
	}
	return n.Content
}

// path reads a file path and makes it absolute against the manifest's
// folder. Whether the file exists is checked by the book, which reports
// it with the other missing files.
func (r *reader) path(n *yaml.Node) string {
	s := r.nonEmpty(n, "path")
	if s == "" {
		return ""
	}
	if filepath.IsAbs(s) {
		return filepath.Clean(s)
	}
	return filepath.Join(r.dir, filepath.FromSlash(s))
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return "a " + strings.TrimPrefix(n.Tag, "!!")
}

func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return strconv.Quote(n.Value)
	}
	return kindName(n)
}
