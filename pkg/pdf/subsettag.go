package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
)

// fpdf names an embedded UTF-8 font "utf8" followed by its family key, in
// three places: /BaseFont of the Type0 font and of its CIDFontType2
// descendant, and /FontName of the font descriptor. A subset must be named
// with a tag of six upper-case letters and a plus sign before the
// PostScript name (PDF 32000-1:2008, 9.6.4 "Font Subsets"), which fpdf
// never writes and has no option for. tagSubsets writes the tagged name
// over fpdf's in the finished file.
//
// The replacement has exactly the length of the original, so the byte
// offsets in the cross-reference table stay right. That is why a family key
// is three characters longer than the name part: "utf8" + key (4 + 3 + n
// bytes) becomes "ABCDEF+" + name (7 + n bytes). The font dictionaries are
// not in compressed streams (fpdf writes no object streams), so they can be
// found as text.

// fpdfFontPrefix is what fpdf puts before the family key in a UTF-8 font's
// name.
const fpdfFontPrefix = "utf8"

// tagLen is the length of a subset tag, without the plus sign.
const tagLen = 6

// tagSubsets returns pdf with every used face's font name replaced by its
// tagged subset name. Each name must occur exactly where fpdf writes it;
// any other count means the file is not laid out as expected, and is an
// error rather than a silently wrong rename.
func tagSubsets(pdf []byte, plan *fontPlan) ([]byte, error) {
	for i := range plan.faces {
		pf := &plan.faces[i]
		if !pf.used() {
			continue
		}
		old := fpdfFontPrefix + pf.key
		tagged := subsetTag(pf) + "+" + pf.name
		if len(old) != len(tagged) {
			return nil, fmt.Errorf("font %q: internal error: subset name %q does not fit over %q", pf.name, tagged, old)
		}
		var err error
		for _, field := range []struct {
			key   string
			count int
		}{{"/BaseFont /", 2}, {"/FontName /", 1}} {
			pdf, err = replaceExactly(pdf, field.key+old+"\n", field.key+tagged+"\n", field.count)
			if err != nil {
				return nil, fmt.Errorf("font %q: %w", pf.name, err)
			}
		}
	}
	return pdf, nil
}

// replaceExactly replaces old by new in b, which must hold old exactly n
// times. new and old have the same length, so b is changed in place.
func replaceExactly(b []byte, old, new string, n int) ([]byte, error) {
	if c := bytes.Count(b, []byte(old)); c != n {
		return nil, fmt.Errorf("found %q %d times in fpdf's output, expected %d", old, c, n)
	}
	for rest := b; ; {
		i := bytes.Index(rest, []byte(old))
		if i < 0 {
			return b, nil
		}
		copy(rest[i:], new)
		rest = rest[i+len(old):]
	}
}

// subsetTag derives a face's subset tag from its name and the runes it
// draws, which together determine the glyphs in the subset: the same
// document always gets the same tag, and two different subsets of one font
// in a file almost certainly get different ones. Each letter is one of 26,
// taken from a SHA-256 digest.
func subsetTag(pf *plannedFace) string {
	h := sha256.New()
	h.Write([]byte(pf.name))
	var buf [4]byte
	for _, r := range pf.sortedRunes() {
		binary.BigEndian.PutUint32(buf[:], uint32(r))
		h.Write(buf[:])
	}
	sum := h.Sum(nil)
	tag := make([]byte, tagLen)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}
