package pdf

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/svg"
)

// A vector (an SVG image) is written once as a Form XObject (ISO
// 32000-1:2008, 8.10) whatever the number of Images that show it. Its
// content is in the vector's own space, CSS pixels with y down; the form's
// /Matrix maps its bounding box onto the unit square, upright, so that the
// page places it exactly as it places an image XObject. Each shape is
// drawn inside q … Q with its own matrix (cm), colours in DeviceRGB, and
// an ExtGState for its alpha (/ca fill, /CA stroke) when it is below 1;
// each text is a text object in the document's fonts, whose glyphs join
// the font subsets like any other text.

// maxVectorNumber bounds the numbers a vector may hold: as pkg/svg bounds
// what it reads, so that products stay finite and PDF readers' ranges are
// kept.
const maxVectorNumber = 1e12

// checkVector checks a vector's items and records the glyphs its texts
// draw. A vector shared by several Images is checked once.
func (p *plan) checkVector(v *layout.Vector) error {
	if p.vectors[v] {
		return nil
	}
	if p.vectors == nil {
		p.vectors = map[*layout.Vector]bool{}
	}
	p.vectors[v] = true
	if !(v.Width > 0 && v.Height > 0) || !inRange(v.Width, v.Height) {
		return fmt.Errorf("vector size %gx%g is not positive and finite", v.Width, v.Height)
	}
	for i, it := range v.Items {
		var err error
		switch {
		case (it.Shape == nil) == (it.Text == nil):
			err = errors.New("an item must be a shape or a text")
		case it.Shape != nil:
			err = checkShape(it.Shape)
		default:
			err = p.checkVectorText(it.Text)
		}
		if err != nil {
			return fmt.Errorf("vector item %d: %w", i+1, err)
		}
	}
	return nil
}

// inRange reports whether every number is finite and within
// maxVectorNumber.
func inRange(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.Abs(v) > maxVectorNumber {
			return false
		}
	}
	return true
}

func matrixInRange(m svg.Matrix) bool { return inRange(m.A, m.B, m.C, m.D, m.E, m.F) }

// checkPath refuses a path that does not start with a moveto, and points
// out of range.
func checkPath(path svg.Path) error {
	if len(path) > 0 && path[0].Op != svg.MoveTo {
		return errors.New("path does not start with a moveto")
	}
	for _, seg := range path {
		for _, pt := range seg.Pts {
			if !inRange(pt.X, pt.Y) {
				return errors.New("path point out of range")
			}
		}
	}
	return nil
}

// checkClips checks clipping paths.
func checkClips(clips []svg.Clip) error {
	for _, c := range clips {
		if err := checkPath(c.Path); err != nil {
			return fmt.Errorf("clip: %w", err)
		}
	}
	return nil
}

// checkShape refuses numbers out of range, opacities outside 0..1, a
// path that does not start with a moveto, and a dash pattern of negative
// lengths.
func checkShape(s *svg.Shape) error {
	if !matrixInRange(s.Matrix) {
		return errors.New("shape matrix out of range")
	}
	for _, pt := range []svg.Paint{s.Fill, s.Stroke} {
		if pt.On && !(pt.Opacity >= 0 && pt.Opacity <= 1) {
			return fmt.Errorf("opacity %g outside 0..1", pt.Opacity)
		}
	}
	l := s.Line
	if !inRange(l.Width, l.MiterLimit, l.DashOffset) || l.Width < 0 {
		return errors.New("line style out of range")
	}
	for _, d := range l.Dash {
		if !inRange(d) || d < 0 {
			return errors.New("dash length out of range")
		}
	}
	if err := checkPath(s.Path); err != nil {
		return err
	}
	return checkClips(s.Clips)
}

// checkVectorText checks a text run as checkText does, and records its
// glyphs.
func (p *plan) checkVectorText(t *layout.VectorText) error {
	if !matrixInRange(t.Matrix) || !inRange(t.X, t.Y, t.Size) || !(t.Size > 0) || !(t.Opacity >= 0 && t.Opacity <= 1) {
		return fmt.Errorf("text %q: position, size or opacity out of range", t.Text)
	}
	if t.Font < 0 || int(t.Font) >= len(p.faces) {
		return fmt.Errorf("text %q: unknown font id %d (document has %d faces)", t.Text, t.Font, len(p.faces))
	}
	if !utf8.ValidString(t.Text) {
		return fmt.Errorf("text %q: invalid UTF-8", t.Text)
	}
	if err := checkClips(t.Clips); err != nil {
		return fmt.Errorf("text %q: %w", t.Text, err)
	}
	if err := p.faces[t.Font].useText(t.Text); err != nil {
		return fmt.Errorf("text %q: %w", t.Text, err)
	}
	return nil
}

// vectorCost estimates the memory of writing a vector: its content
// stream, about 40 bytes a segment or character, twice (plain and
// compressed).
func vectorCost(v *layout.Vector) int64 {
	n := int64(len(v.Items))
	for _, it := range v.Items {
		if it.Shape != nil {
			n += int64(len(it.Shape.Path))
		} else {
			n += int64(len(it.Text.Text))
		}
	}
	return 80 * n
}

// form writes one vector's content stream and resources.
type form struct {
	b      []byte
	faces  []*faceUse
	fonts  []bool // by FontID
	alphas [][2]float64
}

// vectorXObject makes a vector's Form XObject; fontObjs are the object
// numbers of the document's fonts.
func vectorXObject(c *compressor, v *layout.Vector, faces []*faceUse, fontObjs []int) *xobject {
	f := &form{faces: faces, fonts: make([]bool, len(faces))}
	for _, it := range v.Items {
		if it.Shape != nil {
			f.shape(it.Shape)
		} else {
			f.text(it.Text)
		}
	}
	d := []byte("/Type/XObject/Subtype/Form/BBox[0 0 ")
	d = appendNum(d, v.Width, posPrec)
	d = append(d, ' ')
	d = appendNum(d, v.Height, posPrec)
	// the bounding box onto the unit square, y up: the page's cm sizes it
	d = append(d, "]/Matrix["...)
	d = appendNum(d, 1/v.Width, 9)
	d = append(d, " 0 0 "...)
	d = appendNum(d, -1/v.Height, 9)
	d = append(d, " 0 1]/Resources<<"...)
	d = f.resources(d, fontObjs)
	d = append(d, ">>/Filter/FlateDecode"...)
	return &xobject{dict: d, data: c.deflate(f.b)}
}

// resources lists the form's fonts and transparency states.
func (f *form) resources(d []byte, fontObjs []int) []byte {
	d = appendResources(d, "/Font", "/F", f.fonts, fontObjs)
	if len(f.alphas) == 0 {
		return d
	}
	d = append(d, "/ExtGState<<"...)
	for i, a := range f.alphas {
		d = append(d, "/G"...)
		d = appendInt(d, i)
		d = append(d, "<</ca "...)
		d = appendNum(d, a[0], colorPrec)
		d = append(d, "/CA "...)
		d = appendNum(d, a[1], colorPrec)
		d = append(d, ">>"...)
	}
	return append(d, ">>"...)
}

// alpha sets the fill and stroke alpha through an ExtGState, when either
// is below 1.
func (f *form) alpha(fill, stroke float64) {
	a := [2]float64{roundTo(fill, colorPrec), roundTo(stroke, colorPrec)}
	if a == [2]float64{1, 1} {
		return
	}
	i := slices.Index(f.alphas, a)
	if i < 0 {
		i = len(f.alphas)
		f.alphas = append(f.alphas, a)
	}
	f.b = append(f.b, "/G"...)
	f.b = appendInt(f.b, i)
	f.b = append(f.b, " gs\n"...)
}

func roundTo(v float64, prec int) float64 {
	s := math.Pow(10, float64(prec))
	return math.Round(v*s) / s
}

func (f *form) num(v float64, prec int) {
	f.b = appendNum(f.b, v, prec)
	f.b = append(f.b, ' ')
}

// cm sets a matrix, unless it is the identity.
func (f *form) cm(m svg.Matrix) {
	if m == svg.Identity {
		return
	}
	f.matrix(m)
	f.b = append(f.b, "cm\n"...)
}

// matrix writes a matrix's six numbers: its linear part to millionths,
// its translation to ten-thousandths of a unit.
func (f *form) matrix(m svg.Matrix) {
	for _, v := range [...]float64{m.A, m.B, m.C, m.D} {
		f.num(v, 6)
	}
	f.num(m.E, 4)
	f.num(m.F, 4)
}

// rgb writes a colour's components and an operator (rg or RG).
func (f *form) rgb(c svg.Color, op string) {
	f.b = append(f.b, colorComponents[c.R]...)
	f.b = append(f.b, colorComponents[c.G]...)
	f.b = append(f.b, colorComponents[c.B]...)
	f.b = append(f.b, op...)
	f.b = append(f.b, '\n')
}

// pathPrec is the decimal places a shape's coordinates are written with:
// three, and one more for each tenfold that its matrix enlarges them, so
// that points land within a thousandth of a unit of the vector's space.
func pathPrec(m svg.Matrix) int {
	s := math.Sqrt(math.Abs(m.Det()))
	prec := 3
	for s > 1.5 && prec < 8 {
		s /= 10
		prec++
	}
	return prec
}

// shape draws a path with its fill and stroke.
func (f *form) shape(s *svg.Shape) {
	if len(s.Path) == 0 || !s.Fill.On && !s.Stroke.On {
		return
	}
	f.b = append(f.b, "q\n"...)
	f.clip(s.Clips)
	f.cm(s.Matrix)
	fillA, strokeA := 1.0, 1.0
	if s.Fill.On {
		fillA = s.Fill.Opacity
		f.rgb(s.Fill.Color, "rg")
	}
	if s.Stroke.On {
		strokeA = s.Stroke.Opacity
		f.rgb(s.Stroke.Color, "RG")
		f.line(s.Line)
	}
	f.alpha(fillA, strokeA)
	f.path(s.Path, pathPrec(s.Matrix))
	f.b = append(f.b, paintOp(s)...)
	f.b = append(f.b, "\nQ\n"...)
}

// clip intersects the clipping region with each clip's path (W n, or
// W* n for the even-odd rule), in the vector's space.
func (f *form) clip(clips []svg.Clip) {
	for _, c := range clips {
		f.path(c.Path, 3)
		if c.EvenOdd {
			f.b = append(f.b, "W* n\n"...)
		} else {
			f.b = append(f.b, "W n\n"...)
		}
	}
}

// path writes a path's segments with prec decimals.
func (f *form) path(path svg.Path, prec int) {
	for _, seg := range path {
		switch seg.Op {
		case svg.MoveTo:
			f.point(seg.Pts[0], prec)
			f.b = append(f.b, "m\n"...)
		case svg.LineTo:
			f.point(seg.Pts[0], prec)
			f.b = append(f.b, "l\n"...)
		case svg.CubicTo:
			f.point(seg.Pts[0], prec)
			f.point(seg.Pts[1], prec)
			f.point(seg.Pts[2], prec)
			f.b = append(f.b, "c\n"...)
		case svg.Close:
			f.b = append(f.b, "h\n"...)
		}
	}
}

func (f *form) point(p svg.Point, prec int) {
	f.num(p.X, prec)
	f.num(p.Y, prec)
}

// paintOp is the operator that paints a shape's path.
func paintOp(s *svg.Shape) string {
	switch {
	case s.Fill.On && s.Stroke.On && s.EvenOdd:
		return "B*"
	case s.Fill.On && s.Stroke.On:
		return "B"
	case s.Fill.On && s.EvenOdd:
		return "f*"
	case s.Fill.On:
		return "f"
	}
	return "S"
}

// line sets the stroke's width, cap, join, miter limit and dashes. SVG's
// caps and joins are numbered as PDF numbers them.
func (f *form) line(l svg.Line) {
	f.num(l.Width, 4)
	f.b = append(f.b, "w "...)
	f.b = appendInt(f.b, int(l.Cap))
	f.b = append(f.b, " J "...)
	f.b = appendInt(f.b, int(l.Join))
	f.b = append(f.b, " j "...)
	f.num(max(l.MiterLimit, 1), 4)
	f.b = append(f.b, "M\n"...)
	if len(l.Dash) > 0 {
		f.b = append(f.b, '[')
		for i, d := range l.Dash {
			if i > 0 {
				f.b = append(f.b, ' ')
			}
			f.b = appendNum(f.b, d, 4)
		}
		f.b = append(f.b, "] "...)
		f.num(l.DashOffset, 4)
		f.b = append(f.b, "d\n"...)
	}
}

// text draws a run as one text object: the text matrix is the run's
// matrix moved to its origin and flipped, so that glyphs stand upright in
// the vector's y-down space; each character's glyph by its subset id.
func (f *form) text(t *layout.VectorText) {
	if t.Text == "" {
		return
	}
	fu := f.faces[t.Font]
	f.fonts[t.Font] = true
	f.b = append(f.b, "q\n"...)
	f.clip(t.Clips)
	f.alpha(t.Opacity, 1)
	f.rgb(svg.Color(t.Color), "rg")
	f.b = append(f.b, "BT /F"...)
	f.b = appendInt(f.b, int(t.Font))
	f.b = append(f.b, ' ')
	f.num(t.Size, 4)
	f.b = append(f.b, "Tf "...)
	m := t.Matrix
	o := m.Apply(svg.Point{X: t.X, Y: t.Y})
	f.matrix(svg.Matrix{A: m.A, B: m.B, C: -m.C, D: -m.D, E: o.X, F: o.Y})
	f.b = append(f.b, "Tm "...)
	var str []byte
	for _, r := range t.Text {
		id := fu.newID(fu.glyphOf(r))
		str = append(str, byte(id>>8), byte(id))
	}
	f.b = appendLiteral(f.b, str)
	f.b = append(f.b, " Tj ET\nQ\n"...)
}
