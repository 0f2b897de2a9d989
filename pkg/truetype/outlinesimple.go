package truetype

import (
	"encoding/binary"
	"errors"
)

// errSimpleTruncated is returned for a simple glyph whose arrays run past
// its data.
var errSimpleTruncated = errors.New("simple glyph truncated")

// point is one decoded outline point in font units.
type point struct {
	x, y int64
	on   bool
}

// appendSimple decodes a simple glyph of n contours and adds its contours,
// mapped by t, to out.
func appendSimple(out *[]PathCmd, data []byte, n int, t transform, budget *int) error {
	ends, pts, err := decodeSimple(data, n)
	if err != nil {
		return err
	}
	if *budget -= len(pts); *budget < 0 {
		return errOutlineBudget
	}
	start := 0
	for _, end := range ends {
		appendContour(out, pts[start:end+1], t)
		start = end + 1
	}
	return nil
}

// decodeSimple reads the end points, flags and coordinates of a simple
// glyph.
func decodeSimple(data []byte, n int) (ends []int, pts []point, err error) {
	off := glyphHeaderSize
	if off+2*n+2 > len(data) {
		return nil, nil, errSimpleTruncated
	}
	prev := -1
	for i := range n {
		e := int(binary.BigEndian.Uint16(data[off+2*i:]))
		if e <= prev {
			return nil, nil, errors.New("simple glyph: contour end points out of order")
		}
		ends, prev = append(ends, e), e
	}
	off += 2 * n
	off += 2 + int(binary.BigEndian.Uint16(data[off:])) // instructions
	count := prev + 1
	flags, off, err := decodeFlags(data, off, count)
	if err != nil {
		return nil, nil, err
	}
	pts = make([]point, count)
	if off, err = decodeCoords(data, off, flags, pts, flagXShort, flagXSame, func(p *point, v int64) { p.x = v }); err != nil {
		return nil, nil, err
	}
	if _, err = decodeCoords(data, off, flags, pts, flagYShort, flagYSame, func(p *point, v int64) { p.y = v }); err != nil {
		return nil, nil, err
	}
	for i := range pts {
		pts[i].on = flags[i]&flagOnCurve != 0
	}
	return ends, pts, nil
}

// decodeFlags expands the run-length coded flags of count points.
func decodeFlags(data []byte, off, count int) ([]byte, int, error) {
	flags := make([]byte, 0, count)
	for len(flags) < count {
		if off >= len(data) {
			return nil, 0, errSimpleTruncated
		}
		fl := data[off]
		off++
		flags = append(flags, fl)
		if fl&flagRepeat != 0 {
			if off >= len(data) {
				return nil, 0, errSimpleTruncated
			}
			for r := int(data[off]); r > 0 && len(flags) < count; r-- {
				flags = append(flags, fl)
			}
			off++
		}
	}
	return flags, off, nil
}

// decodeCoords reads one axis of delta-coded coordinates.
func decodeCoords(data []byte, off int, flags []byte, pts []point, short, same byte, set func(*point, int64)) (int, error) {
	var v int64
	for i, fl := range flags {
		switch {
		case fl&short != 0:
			if off >= len(data) {
				return 0, errSimpleTruncated
			}
			d := int64(data[off])
			if fl&same == 0 {
				d = -d
			}
			v += d
			off++
		case fl&same == 0:
			if off+2 > len(data) {
				return 0, errSimpleTruncated
			}
			v += int64(int16(binary.BigEndian.Uint16(data[off:])))
			off += 2
		}
		set(&pts[i], v)
	}
	return off, nil
}

// appendContour turns one closed quadratic B-spline contour into commands.
// It starts at an on-curve point (or the midpoint of the first two
// off-curve points) and inserts the implied on-curve midpoints.
func appendContour(out *[]PathCmd, pts []point, t transform) {
	if len(pts) == 0 {
		return
	}
	first := 0
	for first < len(pts) && !pts[first].on {
		first++
	}
	var start point
	if first == len(pts) {
		start = mid(pts[0], pts[1%len(pts)])
		first = 0
	} else {
		start = pts[first]
	}
	x, y := t.apply(start.x, start.y)
	*out = append(*out, PathCmd{Op: MoveTo, X: x, Y: y})
	var ctrl *point
	for i := 1; i <= len(pts); i++ {
		p := pts[(first+i)%len(pts)]
		if i == len(pts) && first < len(pts) && pts[first].on {
			p = start
		}
		ctrl = emit(out, p, ctrl, t)
	}
	if ctrl != nil {
		emit(out, start, ctrl, t)
	}
	*out = append(*out, PathCmd{Op: Close})
}

// emit adds the segment that point p ends or continues, given the pending
// off-curve control point, and returns the new pending control point.
func emit(out *[]PathCmd, p point, ctrl *point, t transform) *point {
	switch {
	case p.on && ctrl == nil:
		x, y := t.apply(p.x, p.y)
		*out = append(*out, PathCmd{Op: LineTo, X: x, Y: y})
		return nil
	case p.on:
		*out = append(*out, quad(*ctrl, p, t))
		return nil
	case ctrl == nil:
		c := p
		return &c
	default:
		*out = append(*out, quad(*ctrl, mid(*ctrl, p), t))
		c := p
		return &c
	}
}

// quad is a quadratic segment to p with control c.
func quad(c, p point, t transform) PathCmd {
	cx, cy := t.apply(c.x, c.y)
	x, y := t.apply(p.x, p.y)
	return PathCmd{Op: QuadTo, X: x, Y: y, CX: cx, CY: cy}
}

// mid is the on-curve point implied between two off-curve points.
func mid(a, b point) point { return point{x: (a.x + b.x) >> 1, y: (a.y + b.y) >> 1, on: true} }
