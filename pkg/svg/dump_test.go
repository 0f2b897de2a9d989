package svg

import (
	"fmt"
	"strconv"
	"strings"
)

// dump writes a drawing as text, for golden files: numbers to four
// decimals, one line per item and per segment run.
func dump(d *Drawing) string {
	var b strings.Builder
	fmt.Fprintf(&b, "viewport %s x %s", num(d.Width), num(d.Height))
	if d.RelWidth != 0 {
		fmt.Fprintf(&b, " (width %s%%)", num(d.RelWidth*100))
	}
	b.WriteString("\n")
	for _, s := range d.Skipped {
		fmt.Fprintf(&b, "skipped: %s\n", s)
	}
	for _, it := range d.Items {
		switch {
		case it.Shape != nil:
			dumpShape(&b, it.Shape)
		case it.Text != nil:
			dumpText(&b, it.Text)
		}
	}
	return b.String()
}

func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 4, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func matrix(m Matrix) string {
	if m == Identity {
		return "identity"
	}
	return fmt.Sprintf("matrix(%s %s %s %s %s %s)", num(m.A), num(m.B), num(m.C), num(m.D), num(m.E), num(m.F))
}

func paint(p Paint) string {
	if !p.On {
		return "none"
	}
	s := fmt.Sprintf("#%02x%02x%02x", p.Color.R, p.Color.G, p.Color.B)
	if p.Opacity != 1 {
		s += " @" + num(p.Opacity)
	}
	return s
}

// dumpPath writes a path's segments on one line.
func dumpPath(b *strings.Builder, path Path) {
	for _, seg := range path {
		switch seg.Op {
		case MoveTo:
			fmt.Fprintf(b, " M %s %s", num(seg.Pts[0].X), num(seg.Pts[0].Y))
		case LineTo:
			fmt.Fprintf(b, " L %s %s", num(seg.Pts[0].X), num(seg.Pts[0].Y))
		case CubicTo:
			fmt.Fprintf(b, " C %s %s %s %s %s %s", num(seg.Pts[0].X), num(seg.Pts[0].Y), num(seg.Pts[1].X), num(seg.Pts[1].Y), num(seg.Pts[2].X), num(seg.Pts[2].Y))
		case Close:
			b.WriteString(" Z")
		}
	}
	b.WriteString("\n")
}

// dumpClips writes an item's clipping regions, one a line.
func dumpClips(b *strings.Builder, clips []Clip) {
	for _, c := range clips {
		b.WriteString("  clip")
		if c.EvenOdd {
			b.WriteString(" evenodd")
		}
		dumpPath(b, c.Path)
	}
}

func dumpShape(b *strings.Builder, s *Shape) {
	fmt.Fprintf(b, "shape %s fill %s", matrix(s.Matrix), paint(s.Fill))
	if s.EvenOdd {
		b.WriteString(" evenodd")
	}
	fmt.Fprintf(b, " stroke %s", paint(s.Stroke))
	if s.Stroke.On {
		l := s.Line
		fmt.Fprintf(b, " width %s cap %d join %d miter %s", num(l.Width), l.Cap, l.Join, num(l.MiterLimit))
		if l.Dash != nil {
			b.WriteString(" dash")
			for _, d := range l.Dash {
				b.WriteString(" " + num(d))
			}
			fmt.Fprintf(b, " offset %s", num(l.DashOffset))
		}
	}
	b.WriteString("\n ")
	dumpPath(b, s.Path)
	dumpClips(b, s.Clips)
}

var families = [...]string{"sans", "serif", "mono"}
var anchors = [...]string{"start", "middle", "end"}

func dumpText(b *strings.Builder, t *Text) {
	fmt.Fprintf(b, "text %s\n", matrix(t.Matrix))
	dumpClips(b, t.Clips)
	for _, c := range t.Chunks {
		x := num(c.X)
		if c.ContinueX {
			x = "(continue)"
		}
		fmt.Fprintf(b, "  chunk %s %s %s\n", x, num(c.Y), anchors[c.Anchor])
		for _, s := range c.Spans {
			fmt.Fprintf(b, "    %q %s %s", s.Text, families[s.Font.Family], num(s.Font.Size))
			if s.Font.Bold {
				b.WriteString(" bold")
			}
			fmt.Fprintf(b, " fill %s", paint(s.Fill))
			if s.DX != 0 || s.DY != 0 {
				fmt.Fprintf(b, " d %s %s", num(s.DX), num(s.DY))
			}
			if s.Shift != 0 {
				fmt.Fprintf(b, " shift %s", num(s.Shift))
			}
			b.WriteString("\n")
		}
	}
}
