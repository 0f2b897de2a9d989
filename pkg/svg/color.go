package svg

import (
	"math"
	"strings"
)

// parseColor reads a CSS colour: a name, #rgb, #rgba, #rrggbb,
// #rrggbbaa, rgb()/rgba() with numbers or percentages, hsl()/hsla(), or
// transparent. alpha is the colour's own opacity, 0 to 1. currentColor
// is resolved by the caller.
func parseColor(s string) (c Color, alpha float64, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "transparent":
		return Color{}, 0, true
	case strings.HasPrefix(s, "#"):
		return hexColor(s[1:])
	case strings.HasPrefix(s, "rgb(") || strings.HasPrefix(s, "rgba("):
		return rgbFunction(s[strings.IndexByte(s, '(')+1:])
	case strings.HasPrefix(s, "hsl(") || strings.HasPrefix(s, "hsla("):
		return hslFunction(s[strings.IndexByte(s, '(')+1:])
	}
	if v, ok := namedColors[s]; ok {
		return Color{uint8(v >> 16), uint8(v >> 8), uint8(v)}, 1, true
	}
	return Color{}, 0, false
}

// hexColor reads the digits of #rgb, #rgba, #rrggbb and #rrggbbaa.
func hexColor(h string) (Color, float64, bool) {
	var d []uint8
	for i := 0; i < len(h); i++ {
		v, ok := hexDigit(h[i])
		if !ok {
			return Color{}, 0, false
		}
		d = append(d, v)
	}
	switch len(d) {
	case 3, 4:
		for i := range d {
			d[i] *= 17
		}
	case 6, 8:
		for i := 0; i < len(d)/2; i++ {
			d[i] = d[2*i]<<4 | d[2*i+1]
		}
		d = d[:len(d)/2]
	default:
		return Color{}, 0, false
	}
	alpha := 1.0
	if len(d) == 4 {
		alpha = float64(d[3]) / 255
	}
	return Color{d[0], d[1], d[2]}, alpha, true
}

func hexDigit(c byte) (uint8, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}

// colorArgs splits the arguments of a colour function (after its "("):
// separated by commas or spaces, with an optional "/ alpha".
func colorArgs(s string) ([]string, bool) {
	end := strings.IndexByte(s, ')')
	if end < 0 || strings.TrimSpace(s[end+1:]) != "" {
		return nil, false
	}
	s = strings.NewReplacer(",", " ", "/", " ").Replace(s[:end])
	args := strings.Fields(s)
	return args, len(args) == 3 || len(args) == 4
}

// rgbFunction reads rgb(r g b [/ a]) and rgba(r, g, b, a).
func rgbFunction(s string) (Color, float64, bool) {
	args, ok := colorArgs(s)
	if !ok {
		return Color{}, 0, false
	}
	var ch [3]uint8
	for i := range 3 {
		v, ok := channel(args[i], 255)
		if !ok {
			return Color{}, 0, false
		}
		ch[i] = uint8(math.Round(v))
	}
	alpha := 1.0
	if len(args) == 4 {
		if alpha, ok = channel(args[3], 1); !ok {
			return Color{}, 0, false
		}
	}
	return Color{ch[0], ch[1], ch[2]}, alpha, true
}

// channel reads a number or a percentage of full, clamped to 0..full.
func channel(s string, full float64) (float64, bool) {
	pct := strings.HasSuffix(s, "%")
	v, ok := parseNumber(strings.TrimSuffix(s, "%"))
	if !ok {
		return 0, false
	}
	if pct {
		v = float64(v*full) / 100
	}
	return min(max(v, 0), full), true
}

// hslFunction reads hsl(h s% l% [/ a]) and hsla(h, s%, l%, a) (CSS Color
// 4's conversion).
func hslFunction(s string) (Color, float64, bool) {
	args, ok := colorArgs(s)
	if !ok {
		return Color{}, 0, false
	}
	h, ok1 := parseNumber(strings.TrimSuffix(args[0], "deg"))
	sat, ok2 := channel(args[1], 1)
	light, ok3 := channel(args[2], 1)
	if !ok1 || !ok2 || !ok3 || !strings.HasSuffix(args[1], "%") || !strings.HasSuffix(args[2], "%") {
		return Color{}, 0, false
	}
	alpha := 1.0
	if len(args) == 4 {
		if alpha, ok = channel(args[3], 1); !ok {
			return Color{}, 0, false
		}
	}
	h = math.Mod(h, 360)
	if h < 0 {
		h += 360
	}
	f := func(n float64) uint8 {
		k := math.Mod(n+h/30, 12)
		a := float64(sat * min(light, 1-light))
		v := light - float64(a*max(-1, min(k-3, 9-k, 1)))
		return uint8(math.Round(float64(v * 255)))
	}
	return Color{f(0), f(8), f(4)}, alpha, true
}

// namedColors are CSS Color 4's named colours.
var namedColors = map[string]uint32{
	"aliceblue": 0xf0f8ff, "antiquewhite": 0xfaebd7, "aqua": 0x00ffff, "aquamarine": 0x7fffd4,
	"azure": 0xf0ffff, "beige": 0xf5f5dc, "bisque": 0xffe4c4, "black": 0x000000,
	"blanchedalmond": 0xffebcd, "blue": 0x0000ff, "blueviolet": 0x8a2be2, "brown": 0xa52a2a,
	"burlywood": 0xdeb887, "cadetblue": 0x5f9ea0, "chartreuse": 0x7fff00, "chocolate": 0xd2691e,
	"coral": 0xff7f50, "cornflowerblue": 0x6495ed, "cornsilk": 0xfff8dc, "crimson": 0xdc143c,
	"cyan": 0x00ffff, "darkblue": 0x00008b, "darkcyan": 0x008b8b, "darkgoldenrod": 0xb8860b,
	"darkgray": 0xa9a9a9, "darkgreen": 0x006400, "darkgrey": 0xa9a9a9, "darkkhaki": 0xbdb76b,
	"darkmagenta": 0x8b008b, "darkolivegreen": 0x556b2f, "darkorange": 0xff8c00, "darkorchid": 0x9932cc,
	"darkred": 0x8b0000, "darksalmon": 0xe9967a, "darkseagreen": 0x8fbc8f, "darkslateblue": 0x483d8b,
	"darkslategray": 0x2f4f4f, "darkslategrey": 0x2f4f4f, "darkturquoise": 0x00ced1, "darkviolet": 0x9400d3,
	"deeppink": 0xff1493, "deepskyblue": 0x00bfff, "dimgray": 0x696969, "dimgrey": 0x696969,
	"dodgerblue": 0x1e90ff, "firebrick": 0xb22222, "floralwhite": 0xfffaf0, "forestgreen": 0x228b22,
	"fuchsia": 0xff00ff, "gainsboro": 0xdcdcdc, "ghostwhite": 0xf8f8ff, "gold": 0xffd700,
	"goldenrod": 0xdaa520, "gray": 0x808080, "green": 0x008000, "greenyellow": 0xadff2f,
	"grey": 0x808080, "honeydew": 0xf0fff0, "hotpink": 0xff69b4, "indianred": 0xcd5c5c,
	"indigo": 0x4b0082, "ivory": 0xfffff0, "khaki": 0xf0e68c, "lavender": 0xe6e6fa,
	"lavenderblush": 0xfff0f5, "lawngreen": 0x7cfc00, "lemonchiffon": 0xfffacd, "lightblue": 0xadd8e6,
	"lightcoral": 0xf08080, "lightcyan": 0xe0ffff, "lightgoldenrodyellow": 0xfafad2, "lightgray": 0xd3d3d3,
	"lightgreen": 0x90ee90, "lightgrey": 0xd3d3d3, "lightpink": 0xffb6c1, "lightsalmon": 0xffa07a,
	"lightseagreen": 0x20b2aa, "lightskyblue": 0x87cefa, "lightslategray": 0x778899, "lightslategrey": 0x778899,
	"lightsteelblue": 0xb0c4de, "lightyellow": 0xffffe0, "lime": 0x00ff00, "limegreen": 0x32cd32,
	"linen": 0xfaf0e6, "magenta": 0xff00ff, "maroon": 0x800000, "mediumaquamarine": 0x66cdaa,
	"mediumblue": 0x0000cd, "mediumorchid": 0xba55d3, "mediumpurple": 0x9370db, "mediumseagreen": 0x3cb371,
	"mediumslateblue": 0x7b68ee, "mediumspringgreen": 0x00fa9a, "mediumturquoise": 0x48d1cc, "mediumvioletred": 0xc71585,
	"midnightblue": 0x191970, "mintcream": 0xf5fffa, "mistyrose": 0xffe4e1, "moccasin": 0xffe4b5,
	"navajowhite": 0xffdead, "navy": 0x000080, "oldlace": 0xfdf5e6, "olive": 0x808000,
	"olivedrab": 0x6b8e23, "orange": 0xffa500, "orangered": 0xff4500, "orchid": 0xda70d6,
	"palegoldenrod": 0xeee8aa, "palegreen": 0x98fb98, "paleturquoise": 0xafeeee, "palevioletred": 0xdb7093,
	"papayawhip": 0xffefd5, "peachpuff": 0xffdab9, "peru": 0xcd853f, "pink": 0xffc0cb,
	"plum": 0xdda0dd, "powderblue": 0xb0e0e6, "purple": 0x800080, "rebeccapurple": 0x663399,
	"red": 0xff0000, "rosybrown": 0xbc8f8f, "royalblue": 0x4169e1, "saddlebrown": 0x8b4513,
	"salmon": 0xfa8072, "sandybrown": 0xf4a460, "seagreen": 0x2e8b57, "seashell": 0xfff5ee,
	"sienna": 0xa0522d, "silver": 0xc0c0c0, "skyblue": 0x87ceeb, "slateblue": 0x6a5acd,
	"slategray": 0x708090, "slategrey": 0x708090, "snow": 0xfffafa, "springgreen": 0x00ff7f,
	"steelblue": 0x4682b4, "tan": 0xd2b48c, "teal": 0x008080, "thistle": 0xd8bfd8,
	"tomato": 0xff6347, "turquoise": 0x40e0d0, "violet": 0xee82ee, "wheat": 0xf5deb3,
	"white": 0xffffff, "whitesmoke": 0xf5f5f5, "yellow": 0xffff00, "yellowgreen": 0x9acd32,
}
