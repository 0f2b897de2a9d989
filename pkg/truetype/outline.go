package truetype

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// PathOp is one drawing operation of a glyph outline.
type PathOp uint8

// The operations of an outline. TrueType contours are quadratic B-splines;
// GlyphOutline turns them into moves, lines and single quadratic Bézier
// segments.
const (
	MoveTo PathOp = iota // start a contour at (X, Y)
	LineTo               // straight line to (X, Y)
	QuadTo               // quadratic Bézier with control (CX, CY) to (X, Y)
	Close                // close the contour
)

// PathCmd is one outline command in font units, y up.
type PathCmd struct {
	Op     PathOp // what the command does
	X, Y   int32  // the end point; 0 for Close
	CX, CY int32  // the control point of a QuadTo; 0 for the others
}

// Simple-glyph flags ("glyf", simple glyph description).
const (
	flagOnCurve = 0x01
	flagXShort  = 0x02
	flagYShort  = 0x04
	flagRepeat  = 0x08
	flagXSame   = 0x10 // with flagXShort: positive; without: same as previous
	flagYSame   = 0x20
)

// More composite flags than glyf.go needs for subsetting.
const (
	argsAreXY        = 0x0002 // ARGS_ARE_XY_VALUES; otherwise point numbers
	scaledCompOffset = 0x0800 // SCALED_COMPONENT_OFFSET (Apple's convention)
)

// Limits on composite glyphs: nesting as deep as any real font uses
// (fonts record at most a few levels in maxp.maxComponentDepth) and a bound
// on the points a composite may expand to, so that a hostile font whose
// components all name one large glyph cannot blow memory.
const (
	maxOutlineDepth  = 8
	maxOutlinePoints = 1 << 16
)

// errOutlineBudget is returned when a composite glyph expands past
// maxOutlinePoints.
var errOutlineBudget = errors.New("composite glyph expands to too many points")

// GlyphOutline returns the outline of glyph g as path commands in font
// units. Composite glyphs are resolved (offset and scale transforms of
// their components; point-matched components are refused). Where a contour
// has two off-curve points in a row, the on-curve point between them is
// implied at their midpoint, rounded towards minus infinity to stay in
// integers: at most half a font unit off, 0.0005 em in a 1000-unit font. A
// glyph without an outline gives no commands. Damaged data gives an error,
// never a panic.
func (f *Font) GlyphOutline(g uint16) ([]PathCmd, error) {
	if !f.validGlyph(g) {
		return nil, fmt.Errorf("glyph %d is not below numGlyphs %d", g, f.numGlyphs)
	}
	var out []PathCmd
	budget := maxOutlinePoints
	err := f.appendOutline(&out, g, identity, 0, &budget)
	return out, err
}

// transform is an affine map in 2.14 fixed point for the linear part and
// font units for the offset.
type transform struct {
	a, b, c, d int64 // x' = (a·x + c·y)/2^14 + dx, y' = (b·x + d·y)/2^14 + dy
	dx, dy     int64
}

// identity is the transform of a top-level glyph.
var identity = transform{a: 1 << 14, d: 1 << 14}

// apply maps a point, rounding the fixed-point product to the nearest unit.
func (t transform) apply(x, y int64) (int32, int32) {
	return int32(roundShift14(t.a*x+t.c*y) + t.dx), int32(roundShift14(t.b*x+t.d*y) + t.dy)
}

// roundShift14 divides by 2^14, rounding halves up.
func roundShift14(v int64) int64 { return (v + 1<<13) >> 14 }

// then returns the transform that applies inner first, then t.
func (t transform) then(inner transform) transform {
	mul := func(p, q int64) int64 { return roundShift14(p * q) }
	out := transform{
		a: mul(t.a, inner.a) + mul(t.c, inner.b), b: mul(t.b, inner.a) + mul(t.d, inner.b),
		c: mul(t.a, inner.c) + mul(t.c, inner.d), d: mul(t.b, inner.c) + mul(t.d, inner.d),
	}
	x, y := t.apply(inner.dx, inner.dy)
	out.dx, out.dy = int64(x), int64(y)
	return out
}

// appendOutline adds glyph g's outline, mapped by t, to out.
func (f *Font) appendOutline(out *[]PathCmd, g uint16, t transform, depth int, budget *int) error {
	if !f.validGlyph(g) {
		return fmt.Errorf("component glyph %d is not below numGlyphs %d", g, f.numGlyphs)
	}
	data := f.glyphData(g)
	if len(data) == 0 {
		return nil
	}
	if len(data) < glyphHeaderSize {
		return fmt.Errorf("glyph %d: header truncated", g)
	}
	n := int(int16(binary.BigEndian.Uint16(data)))
	if n >= 0 {
		return appendSimple(out, data, n, t, budget)
	}
	if depth >= maxOutlineDepth {
		return fmt.Errorf("glyph %d: composite glyphs nested more than %d deep", g, maxOutlineDepth)
	}
	return f.appendComposite(out, data, t, depth, budget)
}

// appendComposite adds each component of a composite glyph.
func (f *Font) appendComposite(out *[]PathCmd, data []byte, t transform, depth int, budget *int) error {
	for off := glyphHeaderSize; ; {
		if off+componentHeaderSize > len(data) {
			return errors.New("composite glyph truncated")
		}
		flags := binary.BigEndian.Uint16(data[off:])
		g := binary.BigEndian.Uint16(data[off+2:])
		size := componentArgSize(flags)
		if off+componentHeaderSize+size > len(data) {
			return errors.New("composite glyph truncated")
		}
		if flags&argsAreXY == 0 {
			return errors.New("composite glyph places a component by point matching, which is not supported")
		}
		inner := componentTransform(flags, data[off+componentHeaderSize:])
		if err := f.appendOutline(out, g, t.then(inner), depth+1, budget); err != nil {
			return err
		}
		off += componentHeaderSize + size
		if flags&moreComponents == 0 {
			return nil
		}
	}
}

// componentTransform decodes a component's offset and scale. Offsets are
// not scaled unless the component asks for it (the OpenType default).
func componentTransform(flags uint16, args []byte) transform {
	s16 := func(off int) int64 { return int64(int16(binary.BigEndian.Uint16(args[off:]))) }
	t := identity
	var pos int
	if flags&argsAreWords != 0 {
		t.dx, t.dy, pos = s16(0), s16(2), 4
	} else {
		t.dx, t.dy, pos = int64(int8(args[0])), int64(int8(args[1])), 2
	}
	switch {
	case flags&haveScale != 0:
		t.a, t.d = s16(pos), s16(pos)
	case flags&haveXYScale != 0:
		t.a, t.d = s16(pos), s16(pos+2)
	case flags&haveTwoByTwo != 0:
		t.a, t.b, t.c, t.d = s16(pos), s16(pos+2), s16(pos+4), s16(pos+6)
	}
	if flags&scaledCompOffset != 0 {
		x, y := transform{a: t.a, b: t.b, c: t.c, d: t.d}.apply(t.dx, t.dy)
		t.dx, t.dy = int64(x), int64(y)
	}
	return t
}
