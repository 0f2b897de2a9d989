package layout

// faceMeasurer measures runes in one face at one size. It implements
// Measurer for SetParagraph.
type faceMeasurer struct {
	fc   *face
	size Length
}

// Advance returns r's advance: the face's width in thousandths of an em
// (rounded as the PDF's /W array has it) times the size.
func (m faceMeasurer) Advance(r rune) Length {
	return perMille(m.size, m.fc.advance1000(r))
}

// perMille returns size × n / 1000, rounded to the nearest unit.
func perMille(size Length, n int) Length {
	return (size*Length(n)*2 + 1000) / 2000
}

// width measures a string in one face at one size.
func (m faceMeasurer) width(s string) Length {
	var w Length
	for _, r := range s {
		w += m.Advance(r)
	}
	return w
}
