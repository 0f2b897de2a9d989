package manifest

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/hangul-press/publish/pkg/diag"
)

// This file is the one home of every setting's default, range and parser.
// The YAML reader, the command line (--paper) and programs that build a
// Manifest by hand all go through it, so a value accepted in one place is
// accepted everywhere and means the same thing.

// Defaults used where the manifest is silent.
const (
	// DefaultLanguage is Korean: the tool exists for Korean books.
	DefaultLanguage = "ko"
	// DefaultMaxImagePixels allows a 50-megapixel photograph, far beyond
	// what a book page needs, and refuses the 20000×20000 bombs.
	DefaultMaxImagePixels = 50_000_000
	// DefaultTOCDepth lists chapters and their ## headings.
	DefaultTOCDepth = 2
	// DefaultMaxImagePx keeps images sharp on a high-density tablet
	// (about 2000 px on the long side) without bloating the EPUB.
	DefaultMaxImagePx = 2000
	// DefaultPaper is A5 (국판), the most common Korean booklet size.
	DefaultPaper = "a5"
	// DefaultFontSize is 10 pt, usual for Korean body text at A5.
	DefaultFontSize = 10
	// DefaultLineHeight is 1.7: Korean body text wants 160–170 %.
	DefaultLineHeight = 1.7
)

// Default returns a configuration with every default applied and nothing
// else: no title, authors or chapters. The manifest reader starts from it,
// and so do books made from posts named on the command line and programs
// that fill in a Manifest themselves.
func Default() *Manifest {
	paper, _ := ParsePaper(DefaultPaper)
	return &Manifest{
		Language:       DefaultLanguage,
		MaxImagePixels: DefaultMaxImagePixels,
		EPUB:           EPUBOptions{TOCDepth: DefaultTOCDepth, MaxImagePx: DefaultMaxImagePx},
		PDF: PDFOptions{Paper: paper, LineBreak: KeepAll, FontSize: DefaultFontSize,
			LineHeight: DefaultLineHeight},
	}
}

// Ranges of the numeric settings, checked by the YAML reader and by Check.
var (
	tocDepthRange   = numRange{1, 6}
	indentRange     = numRange{0, 10}
	fontSizeRange   = numRange{5, 30}
	lineHeightRange = numRange{1, 3}
	// paperSideRange bounds a custom trim size: 50 mm is below any book
	// (문고판 is 105 mm wide), 1000 mm above any poster a booklet tool
	// would make; outside it the page cannot hold a line of text, or the
	// numbers are a typo.
	paperSideRange = numRange{50, 1000}
	// maxImagePxRange bounds the longest image side in the EPUB: below
	// 16 px nothing is recognisable, above 20000 px no screen shows it.
	maxImagePxRange = numRange{16, 20000}
	// macroArgsRange is TeX's limit on a macro's arguments (#1…#9).
	macroArgsRange = numRange{0, 9}
)

// numRange is an inclusive range of a numeric setting.
type numRange struct{ min, max float64 }

func (r numRange) has(v float64) bool { return v >= r.min && v <= r.max }

func (r numRange) String() string { return fmt.Sprintf("from %g to %g", r.min, r.max) }

// Paper is a trim size.
type Paper struct {
	// Name is the preset's name or the size as written (150x220mm).
	Name string
	// Width and Height are in millimetres.
	Width, Height float64
}

// papers are the trim-size presets, in millimetres (KOREAN.md: 국판/A5,
// 신국판, 46판, 크라운판, A4, US letter, 문고판).
var papers = map[string][2]float64{
	"a5":      {148, 210},
	"shinguk": {152, 225},
	"46":      {128, 188},
	"crown":   {176, 248},
	"a4":      {210, 297},
	"letter":  {215.9, 279.4},
	"mungo":   {105, 148},
}

// PaperNames returns the preset names, narrowest page first.
func PaperNames() []string {
	names := make([]string, 0, len(papers))
	for n := range papers {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := papers[names[i]], papers[names[j]]
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		return names[i] < names[j]
	})
	return names
}

// customPaper matches a trim size such as 150x220mm.
var customPaper = regexp.MustCompile(`^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)mm$`)

// ParsePaper reads a trim size: a preset name (case does not matter) or
// WxHmm with both sides from 50 to 1000 mm.
func ParsePaper(s string) (Paper, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	if p, ok := papers[name]; ok {
		return Paper{Name: name, Width: p[0], Height: p[1]}, nil
	}
	if m := customPaper.FindStringSubmatch(name); m != nil {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		if paperSideRange.has(w) && paperSideRange.has(h) {
			return Paper{Name: name, Width: w, Height: h}, nil
		}
		return Paper{}, fmt.Errorf("paper %q: each side must be %s mm", s, paperSideRange)
	}
	return Paper{}, fmt.Errorf("unknown paper %q (use %s, or WxHmm such as 150x220mm)", s, strings.Join(PaperNames(), ", "))
}

// LineBreak is how Korean text may break between lines.
type LineBreak int

const (
	// KeepAll breaks between words (eojeol) only, as CSS word-break:
	// keep-all; a word longer than the line is the one exception.
	KeepAll LineBreak = iota
	// Normal also breaks between any two Hangul syllables.
	Normal
)

// lineBreakNames are the spellings of the LineBreak values in manifests.
var lineBreakNames = [...]string{KeepAll: "keep-all", Normal: "normal"}

// String returns the manifest spelling of the mode.
func (l LineBreak) String() string {
	if l >= 0 && int(l) < len(lineBreakNames) {
		return lineBreakNames[l]
	}
	return fmt.Sprintf("LineBreak(%d)", int(l))
}

// ParseLineBreak reads keep-all or normal.
func ParseLineBreak(s string) (LineBreak, error) {
	for i, n := range lineBreakNames {
		if s == n {
			return LineBreak(i), nil
		}
	}
	return 0, fmt.Errorf("linebreak must be keep-all or normal, found %q", s)
}

// FontRole is what a face is for in the PDF.
type FontRole string

// The font roles. Each has a regular and a bold face.
const (
	// RoleBody is running text: a serif (명조) face.
	RoleBody FontRole = "body"
	// RoleHeading is headings, running heads and the table of contents: a
	// sans-serif (고딕) face.
	RoleHeading FontRole = "heading"
	// RoleCode is code: a monospaced face.
	RoleCode FontRole = "code"
)

// FontRoles lists the roles in the order their shipped faces are tried as
// fallbacks.
var FontRoles = []FontRole{RoleBody, RoleHeading, RoleCode}

// parseFontRole reads a role name.
func parseFontRole(s string) (FontRole, error) {
	for _, r := range FontRoles {
		if string(r) == s {
			return r, nil
		}
	}
	names := make([]string, len(FontRoles))
	for i, r := range FontRoles {
		names[i] = string(r)
	}
	return "", fmt.Errorf("unknown font role %q (known: %s)", s, strings.Join(names, ", "))
}

// Check reports settings outside their ranges, for a Manifest that did not
// come from the reader (which refuses them with their line and column).
// Zero values are never taken as "use the default": start from Default.
func (m *Manifest) Check() error {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if m.MaxImagePixels <= 0 {
		bad("max_image_pixels must be positive, found %d", m.MaxImagePixels)
	}
	if m.Language == "" {
		bad("language must not be empty")
	}
	if !tocDepthRange.has(float64(m.EPUB.TOCDepth)) {
		bad("epub.toc_depth must be a number %s, found %d", tocDepthRange, m.EPUB.TOCDepth)
	}
	if !maxImagePxRange.has(float64(m.EPUB.MaxImagePx)) {
		bad("epub.max_image_px must be a number %s, found %d", maxImagePxRange, m.EPUB.MaxImagePx)
	}
	problems = append(problems, m.PDF.problems()...)
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return nil
}

// problems lists what is wrong with the PDF settings.
func (o *PDFOptions) problems() []string {
	var out []string
	if _, err := ParsePaper(o.Paper.Name); err != nil || o.Paper.Width <= 0 || o.Paper.Height <= 0 {
		out = append(out, fmt.Sprintf("pdf.paper %q (%gx%g mm) is not a trim size", o.Paper.Name, o.Paper.Width, o.Paper.Height))
	}
	if o.LineBreak != KeepAll && o.LineBreak != Normal {
		out = append(out, fmt.Sprintf("pdf.linebreak %v is not keep-all or normal", o.LineBreak))
	}
	for _, c := range []struct {
		key string
		v   float64
		r   numRange
	}{{"indent", o.Indent, indentRange}, {"font_size", o.FontSize, fontSizeRange}, {"line_height", o.LineHeight, lineHeightRange}} {
		if !c.r.has(c.v) {
			out = append(out, fmt.Sprintf("pdf.%s must be a number %s, found %g", c.key, c.r, c.v))
		}
	}
	return out
}

// SetPaper overrides the trim size from a command-line flag, through the
// same parser as the manifest.
func (o *PDFOptions) SetPaper(s string) error {
	p, err := ParsePaper(s)
	if err != nil {
		return err
	}
	o.Paper, o.PaperPos = p, diag.Pos{}
	return nil
}

// MathInline decides whether single dollars delimit inline math.
type MathInline int

const (
	// InlineAuto follows the site: $…$ is math in the posts where the
	// site's MathJax configuration makes it math (source.DetectMath).
	InlineAuto MathInline = iota
	// InlineDollar makes $…$ math in every post.
	InlineDollar
	// InlineNone keeps single dollars as text; $$…$$ and \\(…\\) stay math.
	InlineNone
)

// MathNumbering decides whether equations are numbered.
type MathNumbering int

const (
	// NumberingAuto follows the site's MathJax configuration (tags: 'ams').
	NumberingAuto MathNumbering = iota
	// NumberingAMS numbers the equation, align and gather environments
	// (not their starred forms), as MathJax's tags: 'ams'.
	NumberingAMS
	// NumberingNone numbers nothing; \tag{} still shows its tag.
	NumberingNone
)

// EPUBMath is how the EPUB writes formulas.
type EPUBMath int

const (
	// MathSVG draws each formula as inline SVG laid out by publish: every
	// reading app shows it, Korean stores' apps and Kindle included.
	MathSVG EPUBMath = iota
	// MathML writes MathML, which Apple Books and Kobo render.
	MathML
	// MathBoth shows the SVG and keeps the MathML for assistive technology.
	MathBoth
)

// choice reads one of a setting's names, in the order of its values.
func choice(key, s string, names ...string) (int, error) {
	for i, n := range names {
		if s == n {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%s must be %s, found %q", key, strings.Join(names, ", "), s)
}
