package texmath

import (
	"strconv"
	"strings"
)

// hspace handles \hspace{len}, \kern len, \mkern len and \mspace{len}, with
// lengths in em, ex, mu or pt (pt taken at a 10 pt size, as MathJax does
// for a 10 pt body: 1 pt = 1/10 em). The width is kept in mu, rounded.
func (p *parser) hspace(list []*Node, t token) []*Node {
	var text string
	end := t.end
	if u, ok := p.skipSpace(); ok && u.kind == tBegin {
		s, e, ok := p.plainArg(t)
		if !ok {
			return list
		}
		text, end = s, e
	} else {
		text, end = p.readLengthRaw()
	}
	mu, ok := parseLengthMu(strings.TrimSpace(text))
	if !ok {
		p.problem(t.pos, end, "\\"+t.text+": cannot read the length "+strconv.Quote(text))
		return list
	}
	return append(list, &Node{Kind: KSpace, Width: mu, Pos: t.pos, End: end})
}

// readLengthRaw reads an unbraced length such as -3mu or 0.5em.
func (p *parser) readLengthRaw() (string, int) {
	var b strings.Builder
	end := 0
	for b.Len() < 16 {
		u, ok := p.in.rawPeek()
		if !ok || u.kind != tChar {
			break
		}
		c := u.text[0]
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c >= 'a' && c <= 'z') {
			break
		}
		p.in.rawNext()
		b.WriteString(u.text)
		end = u.end
		if l := b.String(); strings.HasSuffix(l, "em") || strings.HasSuffix(l, "ex") || strings.HasSuffix(l, "mu") || strings.HasSuffix(l, "pt") {
			break
		}
	}
	return b.String(), end
}

// parseLengthMu converts a TeX length to mu (1/18 em; 1 ex taken as 0.43 em,
// the x-height of the math font; 1 pt as 0.1 em).
func parseLengthMu(s string) (int, bool) {
	if len(s) < 3 {
		return 0, false
	}
	num, unit := s[:len(s)-2], s[len(s)-2:]
	v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || v > 1000 || v < -1000 {
		return 0, false
	}
	perUnit := map[string]float64{"em": 18, "mu": 1, "pt": 1.8, "ex": 18 * 0.43}[unit]
	if perUnit == 0 {
		return 0, false
	}
	mu := float64(v * perUnit) // the conversion rounds: no fused multiply-add (Go spec)
	if mu < 0 {
		return int(mu - 0.5), true
	}
	return int(mu + 0.5), true
}
