package manifest

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

func (r *reader) mapping(n *yaml.Node, what string) bool {
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "%s must be a mapping, found %s", what, kindName(n))
		return false
	}
	return true
}

func (r *reader) site(n *yaml.Node) *Site {
	if !r.mapping(n, "site") {
		return nil
	}
	s := &Site{}
	r.each(n, func(key string, k, v *yaml.Node) {
		switch key {
		case "root":
			s.Root, s.RootPos = r.path(v), r.pos(v)
		case "url":
			s.URL, s.HasURL = strings.TrimRight(r.str(v), "/"), true
		case "baseurl":
			s.BaseURL, s.HasBaseURL = strings.TrimRight(r.str(v), "/"), true
		default:
			r.errorf(k, "unknown key %q in site (known: root, url, baseurl)", key)
		}
	})
	if s.Root == "" {
		r.errorf(n, "site needs root: the folder of the Jekyll site")
	}
	return s
}

// maxPartDepth keeps parts one level deep: a part inside a part has no
// place in an EPUB navigation that readers show well, nor in a booklet.
const maxPartDepth = 1

func (r *reader) entries(n *yaml.Node, depth int) []Entry {
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "chapters must be a list of post paths, globs or parts, found %s", kindName(n))
		return nil
	}
	if len(n.Content) == 0 {
		r.errorf(n, "chapters must not be empty")
	}
	var out []Entry
	for _, c := range n.Content {
		if e, ok := r.entry(c, depth); ok {
			out = append(out, e)
		}
	}
	return out
}

func (r *reader) entry(n *yaml.Node, depth int) (Entry, bool) {
	if n.Kind == yaml.ScalarNode {
		p := r.path(n)
		return Entry{Pattern: p, Pos: r.pos(n)}, p != ""
	}
	if n.Kind != yaml.MappingNode {
		r.errorf(n, "a chapter is a path, a glob or a part, found %s", kindName(n))
		return Entry{}, false
	}
	if depth >= maxPartDepth {
		r.errorf(n, "parts cannot contain parts")
		return Entry{}, false
	}
	e := Entry{Pos: r.pos(n)}
	r.each(n, func(key string, k, v *yaml.Node) {
		switch key {
		case "part":
			e.Part = r.nonEmpty(v, "part")
		case "chapters":
			e.Chapters = r.entries(v, depth+1)
		default:
			r.errorf(k, "unknown key %q in a part (known: part, chapters)", key)
		}
	})
	if e.Part == "" {
		r.errorf(n, "a part needs a title: part: 제1부 …")
		return Entry{}, false
	}
	return e, true
}

func (r *reader) epub(o *EPUBOptions, n *yaml.Node) {
	if !r.mapping(n, "epub") {
		return
	}
	r.each(n, func(key string, k, v *yaml.Node) {
		switch key {
		case "css":
			o.CSS, o.CSSPos = r.path(v), r.pos(v)
		case "embed_fonts":
			o.EmbedFonts = r.boolean(v)
		case "toc_depth":
			o.TOCDepth = r.whole(v, tocDepthRange)
		case "max_image_px":
			o.MaxImagePx = r.whole(v, maxImagePxRange)
		case "math":
			n, err := choice("epub.math", r.str(v), "svg", "mathml", "both")
			r.check(v, err)
			o.Math = EPUBMath(n)
		default:
			r.errorf(k, "unknown key %q in epub (known: css, embed_fonts, toc_depth, max_image_px, math)", key)
		}
	})
}

func (r *reader) pdf(o *PDFOptions, n *yaml.Node) {
	if !r.mapping(n, "pdf") {
		return
	}
	r.each(n, func(key string, k, v *yaml.Node) {
		switch key {
		case "paper":
			if p, err := ParsePaper(r.str(v)); err != nil {
				r.errorf(v, "%v", err)
			} else {
				o.Paper, o.PaperPos = p, r.pos(v)
			}
		case "linebreak":
			if l, err := ParseLineBreak(r.str(v)); err != nil {
				r.errorf(v, "%v", err)
			} else {
				o.LineBreak = l
			}
		case "indent":
			o.Indent = r.number(v, indentRange)
		case "font_size":
			o.FontSize, o.FontSizePos = r.number(v, fontSizeRange), r.pos(v)
		case "line_height":
			o.LineHeight = r.number(v, lineHeightRange)
		case "recto_chapters":
			o.RectoChapters = r.boolean(v)
		case "fonts":
			r.fonts(o, v)
		default:
			r.errorf(k, "unknown key %q in pdf (known: paper, linebreak, indent, font_size, line_height, recto_chapters, fonts)", key)
		}
	})
}

func (r *reader) fonts(o *PDFOptions, n *yaml.Node) {
	if !r.mapping(n, "pdf.fonts") {
		return
	}
	o.Fonts = map[FontRole][]FontFile{}
	r.each(n, func(key string, k, v *yaml.Node) {
		role, err := parseFontRole(key)
		if err != nil {
			r.errorf(k, "%v", err)
			return
		}
		for _, item := range r.pathList(v) {
			o.Fonts[role] = append(o.Fonts[role], FontFile{Path: r.path(item), Pos: r.pos(item)})
		}
	})
}

func (r *reader) math(o *MathOptions, n *yaml.Node) {
	if !r.mapping(n, "math") {
		return
	}
	r.each(n, func(key string, k, v *yaml.Node) {
		switch key {
		case "inline":
			i, err := choice("math.inline", r.str(v), "auto", "dollar", "none")
			r.check(v, err)
			o.Inline = MathInline(i)
		case "numbering":
			i, err := choice("math.numbering", r.str(v), "auto", "ams", "none")
			r.check(v, err)
			o.Numbering = MathNumbering(i)
		case "macros":
			o.Macros, o.MacrosPos = r.macros(v), r.pos(v)
		default:
			r.errorf(k, "unknown key %q in math (known: inline, numbering, macros)", key)
		}
	})
}

// macros reads name: body and name: [body, args].
func (r *reader) macros(n *yaml.Node) []MathMacro {
	if !r.mapping(n, "math.macros") {
		return nil
	}
	var out []MathMacro
	r.each(n, func(key string, k, v *yaml.Node) {
		name := strings.TrimPrefix(key, `\`)
		if name == "" || strings.IndexFunc(name, func(c rune) bool { return (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') }) >= 0 {
			r.errorf(k, "macro name %q must be letters (a TeX control word)", key)
			return
		}
		m := MathMacro{Name: name}
		switch {
		case v.Kind == yaml.SequenceNode && len(v.Content) == 2:
			m.Body = r.str(v.Content[0])
			m.Args = r.whole(v.Content[1], macroArgsRange)
		case v.Kind == yaml.ScalarNode:
			m.Body = r.str(v)
		default:
			r.errorf(v, "a macro is a TeX string, or [string, number of arguments]")
			return
		}
		out = append(out, m)
	})
	return out
}

// check reports err at n, if any.
func (r *reader) check(n *yaml.Node, err error) {
	if err != nil {
		r.errorf(n, "%v", err)
	}
}
