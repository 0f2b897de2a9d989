package svg

import (
	"math"
	"strings"
)

// maxGradientHops bounds how many gradients an href chain is followed
// through to find stops.
const maxGradientHops = 16

// paint resolves a fill or stroke where it is drawn: currentColor is the
// element's color; a gradient is its average colour (named in Skipped);
// a pattern, a missing reference or one outside the image is the
// fallback colour, else nothing. The opacity is the paint's own alpha,
// the fill-opacity or stroke-opacity, and the element's and its groups'
// opacity, multiplied.
func (r *renderer) paint(p paintSpec, st style, opacity float64) Paint {
	alpha := float64(opacity * st.opacity)
	switch p.kind {
	case paintColor:
		return solid(p.color, float64(p.alpha*alpha))
	case paintCurrent:
		return solid(st.color, alpha)
	case paintRef:
		return r.refPaint(p, st, alpha)
	}
	return Paint{}
}

func solid(c Color, alpha float64) Paint {
	if !(alpha > 0) {
		return Paint{}
	}
	return Paint{On: true, Color: c, Opacity: min(alpha, 1)}
}

// refPaint resolves url(#id) paint.
func (r *renderer) refPaint(p paintSpec, st style, alpha float64) Paint {
	fallback := func() Paint {
		if p.fallback == nil {
			return Paint{}
		}
		return r.paint(*p.fallback, style{color: st.color, opacity: 1}, alpha)
	}
	id, ok := refID(p.ref)
	if !ok {
		r.doc.skip("references to other files (never fetched)")
		return fallback()
	}
	t := r.doc.ids[id]
	if t == nil {
		return fallback()
	}
	switch t.name {
	case "linearGradient", "radialGradient":
		c, a, ok := r.gradientAverage(t)
		if !ok {
			return Paint{}
		}
		r.doc.skip("gradients (drawn in their average colour)")
		return solid(c, float64(a*alpha))
	case "pattern":
		r.doc.skip("<pattern>")
	}
	return fallback()
}

// stop is a gradient stop: its offset, colour and alpha.
type stop struct {
	offset float64
	color  [3]float64
	alpha  float64
}

// gradientAverage is the average colour and alpha of a gradient along its
// vector: the colour between two stops runs linearly from one to the
// other, before the first and after the last it is theirs. Stops come
// from the gradient itself or, when it has none, from the gradient its
// href names, and so on.
func (r *renderer) gradientAverage(g *node) (Color, float64, bool) {
	stops := r.gradientStops(g)
	if len(stops) == 0 {
		return Color{}, 0, false
	}
	var sum [3]float64
	alpha := 0.0
	add := func(w float64, c [3]float64, a float64) {
		for i := range sum {
			sum[i] += float64(w * c[i])
		}
		alpha += float64(w * a)
	}
	first, last := stops[0], stops[len(stops)-1]
	add(first.offset, first.color, first.alpha)
	for i := 1; i < len(stops); i++ {
		a, b := stops[i-1], stops[i]
		w := b.offset - a.offset
		var mid [3]float64
		for k := range mid {
			mid[k] = (a.color[k] + b.color[k]) / 2
		}
		add(w, mid, (a.alpha+b.alpha)/2)
	}
	add(1-last.offset, last.color, last.alpha)
	return Color{channel8(sum[0]), channel8(sum[1]), channel8(sum[2])}, min(max(alpha, 0), 1), true
}

func channel8(v float64) uint8 { return uint8(min(max(math.Round(v), 0), 255)) }

// gradientStops finds a gradient's stops, following href.
func (r *renderer) gradientStops(g *node) []stop {
	for range maxGradientHops {
		var stops []stop
		prev := 0.0
		for _, k := range g.kids {
			if k.name != "stop" {
				continue
			}
			s := r.stopOf(k)
			s.offset = max(s.offset, prev) // offsets never go back
			prev = s.offset
			stops = append(stops, s)
		}
		if len(stops) > 0 {
			return stops
		}
		id, ok := refID(g.attrs["href"])
		next := r.doc.ids[id]
		if !ok || next == nil || next == g || next.name != "linearGradient" && next.name != "radialGradient" {
			return nil
		}
		g = next
	}
	return nil
}

// stopOf reads a stop's offset (a number or a percentage, within 0..1),
// stop-color (currentColor is the color of the stop or the nearest
// element around it that declares one) and stop-opacity.
func (r *renderer) stopOf(k *node) stop {
	s := stop{alpha: 1}
	if o, ok := channel(strings.TrimSpace(k.attrs["offset"]), 1); ok {
		s.offset = o
	}
	c, a := Color{}, 1.0
	if v := strings.TrimSpace(k.decls["stop-color"]); v != "" {
		if strings.EqualFold(v, "currentColor") {
			c = declaredColor(k)
		} else if pc, pa, ok := parseColor(v); ok {
			c, a = pc, pa
		}
	}
	if o, ok := opacityValue(k.decls["stop-opacity"]); ok {
		a = float64(a * o)
	}
	s.color = [3]float64{float64(c.R), float64(c.G), float64(c.B)}
	s.alpha = a
	return s
}

// declaredColor is the color property declared nearest n, else black.
func declaredColor(n *node) Color {
	for ; n != nil; n = n.parent {
		if c, _, ok := parseColor(n.decls["color"]); ok {
			return c
		}
	}
	return Color{}
}
