package layout

import (
	"strconv"
	"strings"

	"github.com/hangul-press/publish/pkg/book"
)

// imageWidth is the printed width of an image: the width its author asked
// for (a share of the text block, or CSS pixels at 96 to the inch, as the
// browser showed it), else the full measure; never wider than the measure
// nor than the image's pixels at naturalDPI.
func (e *engine) imageWidth(ref *book.ImageRef) Length {
	a := ref.Asset
	measure := e.width()
	natural := Pt(float64(a.Width) / naturalDPI * 72)
	w := measure
	if aw, ok := e.authorWidth(ref, float64(a.Width)/float64(a.Height)); ok {
		w = aw
	}
	return max(min(w, measure, natural), 1)
}

// authorWidth reads the width an image's author gave: a CSS width in its
// style attribute (which wins over the attribute, as in CSS), else its
// width attribute, else its height attribute turned into a width by the
// image's proportions (ratio, width over height).
func (e *engine) authorWidth(ref *book.ImageRef, ratio float64) (Length, bool) {
	if v, ok := styleWidth(ref.Style); ok {
		if l, ok := e.cssLength(v, e.width()); ok {
			return l, true
		}
	}
	if l, ok := e.cssLength(ref.Width, e.width()); ok {
		return l, true
	}
	if h, ok := e.cssLength(ref.Height, e.geo.textH); ok && ratio > 0 {
		return Length(float64(h) * ratio), true
	}
	return 0, false
}

// styleWidth finds the width declaration of a style attribute ("width:
// 60%; max-width: 100%" gives "60%"); the last one counts, as in CSS.
func styleWidth(style string) (string, bool) {
	v, ok := "", false
	for _, decl := range strings.Split(style, ";") {
		prop, val, found := strings.Cut(decl, ":")
		if !found || !strings.EqualFold(strings.TrimSpace(prop), "width") {
			continue
		}
		val = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(val), "!important"))
		v, ok = val, val != ""
	}
	return v, ok
}

// cssUnits are the absolute CSS units in points.
var cssUnits = map[string]float64{"px": cssPxPt, "pt": 1, "pc": 12, "in": 72, "cm": 72 / 2.54, "mm": 72 / 25.4, "q": 72 / 101.6}

// cssLength reads an HTML or CSS length: a percentage of whole, a number
// of CSS pixels (HTML's width="500"), or a length in absolute units or
// em/rem (of the body size). Anything else (auto, calc(), vw) is not
// read.
func (e *engine) cssLength(v string, whole Length) (Length, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	num := strings.TrimRightFunc(v, func(r rune) bool { return r >= 'a' && r <= 'z' || r == '%' })
	unit := v[len(num):]
	f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || f <= 0 || f > 1e6 {
		return 0, false
	}
	switch unit {
	case "%":
		return Length(f / 100 * float64(whole)), true
	case "", "px":
		return Pt(f * cssPxPt), true
	case "em", "rem":
		return Length(f * float64(e.size)), true
	}
	if pt, ok := cssUnits[unit]; ok {
		return Pt(f * pt), true
	}
	return 0, false
}
