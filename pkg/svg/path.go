package svg

// pathParser reads path data (SVG 1.1, 8.3; SVG 2's path grammar): every
// command, absolute and relative, with implicit repetition, into a Path of
// absolute MoveTo, LineTo, CubicTo and Close. Quadratic curves become the
// cubic curves that draw them exactly, arcs cubic curves of at most a
// quarter turn each (arc.go). At the first error the path ends, and what
// was read before is drawn (SVG's error handling).
type pathParser struct {
	s   string
	i   int
	out Path
	// cur is the current point, start the current subpath's start;
	// ctrl the last control point of a curve, for S and T.
	cur, start, ctrl Point
	prev             byte // the previous command, upper case
	closed           bool // the last segment was a Close
	b                *budget
}

// parsePath reads d. It stops at the first error, or when the budget for
// path segments runs out (b.over is then set).
func parsePath(d string, b *budget) Path {
	p := &pathParser{s: d, b: b}
	p.i = skipWS(d, 0)
	var cmd byte
	for p.i < len(p.s) && !b.exhausted() {
		c := p.s[p.i]
		if isCommand(c) {
			cmd = c
			p.i = skipWS(p.s, p.i+1)
			if c == 'z' || c == 'Z' {
				p.close()
				continue
			}
		} else if cmd == 0 || cmd == 'z' || cmd == 'Z' {
			break // numbers without a command
		}
		if len(p.out) == 0 && cmd != 'M' && cmd != 'm' {
			break // a path must start with a moveto
		}
		if !p.command(cmd) {
			break
		}
		// after a moveto, further pairs are lineto
		switch cmd {
		case 'M':
			cmd = 'L'
		case 'm':
			cmd = 'l'
		}
	}
	return p.out
}

func isCommand(c byte) bool {
	switch c | 0x20 {
	case 'm', 'l', 'h', 'v', 'c', 's', 'q', 't', 'a', 'z':
		return true
	}
	return false
}

func skipWS(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// nums reads n numbers, separated as the grammar allows.
func (p *pathParser) nums(n int) ([6]float64, bool) {
	var v [6]float64
	for k := range n {
		x, next, ok := scanNumber(p.s, p.i)
		if !ok {
			return v, false
		}
		v[k] = x
		p.i = skipSep(p.s, next)
	}
	return v, true
}

// flag reads an arc flag: a single 0 or 1, which may touch what follows
// ("a1 1 0 00 1 1").
func (p *pathParser) flag() (bool, bool) {
	if p.i >= len(p.s) || p.s[p.i] != '0' && p.s[p.i] != '1' {
		return false, false
	}
	f := p.s[p.i] == '1'
	p.i = skipSep(p.s, p.i+1)
	return f, true
}

// command reads one command's arguments and adds its segments.
func (p *pathParser) command(cmd byte) bool {
	rel := cmd >= 'a'
	upper := cmd &^ 0x20
	var base Point
	if rel {
		base = p.cur
	}
	at := func(x, y float64) Point { return Point{base.X + x, base.Y + y} }
	switch upper {
	case 'M':
		v, ok := p.nums(2)
		if !ok {
			return false
		}
		p.moveTo(at(v[0], v[1]))
	case 'L':
		v, ok := p.nums(2)
		if !ok {
			return false
		}
		p.lineTo(at(v[0], v[1]))
	case 'H':
		v, ok := p.nums(1)
		if !ok {
			return false
		}
		p.lineTo(Point{base.X + v[0], p.cur.Y})
	case 'V':
		v, ok := p.nums(1)
		if !ok {
			return false
		}
		p.lineTo(Point{p.cur.X, base.Y + v[0]})
	case 'C':
		v, ok := p.nums(6)
		if !ok {
			return false
		}
		p.cubicTo(at(v[0], v[1]), at(v[2], v[3]), at(v[4], v[5]))
	case 'S':
		v, ok := p.nums(4)
		if !ok {
			return false
		}
		c1 := p.cur
		if p.prev == 'C' || p.prev == 'S' {
			c1 = reflect(p.ctrl, p.cur)
		}
		p.cubicTo(c1, at(v[0], v[1]), at(v[2], v[3]))
	case 'Q':
		v, ok := p.nums(4)
		if !ok {
			return false
		}
		p.quadTo(at(v[0], v[1]), at(v[2], v[3]))
	case 'T':
		v, ok := p.nums(2)
		if !ok {
			return false
		}
		c := p.cur
		if p.prev == 'Q' || p.prev == 'T' {
			c = reflect(p.ctrl, p.cur)
		}
		p.quadTo(c, at(v[0], v[1]))
	case 'A':
		return p.arc(at)
	}
	p.prev = upper
	return true
}

// arc reads an elliptical arc's arguments and adds it.
func (p *pathParser) arc(at func(x, y float64) Point) bool {
	v, ok := p.nums(3)
	if !ok {
		return false
	}
	large, ok1 := p.flag()
	sweep, ok2 := p.flag()
	end, ok3 := p.nums(2)
	if !ok1 || !ok2 || !ok3 {
		return false
	}
	to := at(end[0], end[1])
	p.ensureOpen()
	cubics := arcToCubics(p.cur, to, v[0], v[1], v[2], large, sweep)
	for _, c := range cubics {
		p.add(Segment{Op: CubicTo, Pts: c})
	}
	if cubics == nil && to != p.cur {
		p.add(Segment{Op: LineTo, Pts: [3]Point{to}}) // a zero radius: a line
	}
	p.cur, p.ctrl, p.prev = to, to, 'A'
	return true
}

func reflect(c, about Point) Point { return Point{2*about.X - c.X, 2*about.Y - c.Y} }

func (p *pathParser) add(s Segment) {
	if p.b.segment() {
		p.out = append(p.out, s)
	}
	p.closed = s.Op == Close
}

// ensureOpen starts a new subpath at the current point after a Close, so
// that every drawing segment follows a MoveTo, as PDF wants.
func (p *pathParser) ensureOpen() {
	if p.closed {
		p.add(Segment{Op: MoveTo, Pts: [3]Point{p.cur}})
	}
}

func (p *pathParser) moveTo(pt Point) {
	p.add(Segment{Op: MoveTo, Pts: [3]Point{pt}})
	p.cur, p.start, p.ctrl, p.prev = pt, pt, pt, 'M'
}

func (p *pathParser) lineTo(pt Point) {
	p.ensureOpen()
	p.add(Segment{Op: LineTo, Pts: [3]Point{pt}})
	p.cur, p.ctrl = pt, pt
}

func (p *pathParser) cubicTo(c1, c2, to Point) {
	p.ensureOpen()
	p.add(Segment{Op: CubicTo, Pts: [3]Point{c1, c2, to}})
	p.cur, p.ctrl = to, c2
}

// quadTo adds a quadratic curve as the cubic that draws it: control points
// two thirds of the way from each end to the quadratic's control point.
func (p *pathParser) quadTo(c, to Point) {
	from := p.cur
	c1 := Point{from.X + float64(2*(c.X-from.X))/3, from.Y + float64(2*(c.Y-from.Y))/3}
	c2 := Point{to.X + float64(2*(c.X-to.X))/3, to.Y + float64(2*(c.Y-to.Y))/3}
	p.ensureOpen()
	p.add(Segment{Op: CubicTo, Pts: [3]Point{c1, c2, to}})
	p.cur, p.ctrl = to, c
}

func (p *pathParser) close() {
	if len(p.out) == 0 || p.closed {
		return
	}
	p.add(Segment{Op: Close})
	p.cur, p.ctrl, p.prev = p.start, p.start, 'Z'
}
