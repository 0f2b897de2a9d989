package layout

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// This file tests objects in paragraphs (inline formulas) on abstract
// widths: a line breaks inside an object only between its parts, never
// between an object and the Hangul, digits or marks written against it,
// and justification never changes an object's widths.

// objectText is the paragraph's text as SetParagraph sees it: an object's
// parts are one objectRune each.
func objectText(runs []Run) []rune {
	var text []rune
	for _, r := range runs {
		if r.Object != nil {
			for range r.Object.Parts {
				text = append(text, objectRune)
			}
			continue
		}
		text = append(text, []rune(r.Text)...)
	}
	return text
}

// partOf locates rune i of objectText(runs): the run of its object and
// the part's index, or -1.
func partOf(runs []Run, i int) (run, part int) {
	pos := 0
	for ri, r := range runs {
		n := len([]rune(r.Text))
		if r.Object != nil {
			n = len(r.Object.Parts)
		}
		if i < pos+n {
			if r.Object == nil {
				return -1, -1
			}
			return ri, i - pos
		}
		pos += n
	}
	return -1, -1
}

// checkObjects asserts what objects must keep in a set paragraph.
func checkObjects(t *testing.T, runs []Run, lines []Line) {
	t.Helper()
	text := objectText(runs)
	checkCoverage(t, text, lines)
	for li, ln := range lines {
		var h, d Length
		prevRun, prevPart := -1, -1
		var prevEnd Length
		for _, pc := range ln.Pieces {
			o := runs[pc.Run].Object
			if o == nil {
				prevRun = -1
				continue
			}
			p := o.Parts[pc.Part]
			if pc.Text != string(objectRune) || pc.Width != p.Width {
				t.Fatalf("line %d: piece %q of part %d is %d wide, the part %d", li, pc.Text, pc.Part, pc.Width, p.Width)
			}
			if run, part := partOf(runs, pc.Start); run != pc.Run || part != pc.Part {
				t.Fatalf("line %d: piece at %d says part %d of run %d, is part %d of run %d", li, pc.Start, pc.Part, pc.Run, part, run)
			}
			if prevRun == pc.Run && prevPart == pc.Part-1 && pc.X-prevEnd != p.Gap {
				t.Fatalf("line %d: gap before part %d is %d, want %d: justification reached inside an object", li, pc.Part, pc.X-prevEnd, p.Gap)
			}
			h, d = max(h, p.Height), max(d, p.Depth)
			prevRun, prevPart, prevEnd = pc.Run, pc.Part, pc.X+pc.Width
		}
		if ln.Height != h || ln.Depth != d {
			t.Fatalf("line %d: height/depth %d/%d, its parts reach %d/%d", li, ln.Height, ln.Depth, h, d)
		}
		if li == 0 || lines[li-1].Hard {
			continue
		}
		checkObjectBreak(t, runs, text, lines[li-1], ln)
	}
}

// checkObjectBreak: a break next to an object is at a space, or between
// two parts of one object where the second allows it.
func checkObjectBreak(t *testing.T, runs []Run, text []rune, prev, ln Line) {
	t.Helper()
	if prev.End == prev.Start || ln.End == ln.Start {
		return
	}
	a, b := prev.End-1, ln.Start
	if text[a] != objectRune && text[b] != objectRune {
		return
	}
	if b > a+1 {
		return // spaces lie between: a word space broke
	}
	ra, pa := partOf(runs, a)
	rb, pb := partOf(runs, b)
	if ra < 0 || ra != rb || pb != pa+1 {
		t.Fatalf("break between %q and %q next to an object, not at a space or between its parts", text[a], text[b])
	}
	if runs[rb].Object.Parts[pb].Penalty >= InfPenalty {
		t.Fatalf("break before part %d, whose penalty forbids it", pb)
	}
}

// randomObjectRuns makes a paragraph of Korean words and objects of one
// to four parts, some written against a particle or a comma, some
// forbidding a break between their parts.
func randomObjectRuns(rng *rand.Rand) []Run {
	words := strings.Fields("수식은 점수 벡터 확률로 바꾼다. 손실 함수를 미분하면 간단하다 그리고 97.5%의")
	after := []string{" ", "를 ", "이 ", ", ", "는", ""}
	var runs []Run
	for i := 0; i < 2+rng.IntN(12); i++ {
		if rng.IntN(3) == 0 {
			o := &Object{}
			for k := 0; k < 1+rng.IntN(4); k++ {
				p := ObjectPart{Width: Length(1+rng.IntN(12)) * em / 2, Height: Length(rng.IntN(30)) * em / 10, Depth: Length(rng.IntN(10)) * em / 10}
				if k > 0 {
					p.Gap = em / 4
					p.Penalty = []int{500, 700, InfPenalty}[rng.IntN(3)]
				}
				o.Parts = append(o.Parts, p)
			}
			runs = append(runs, Run{Object: o, Style: 1})
			runs = append(runs, Run{Text: after[rng.IntN(len(after))] + words[rng.IntN(len(words))] + " ", M: fakeMeasurer{}})
			continue
		}
		runs = append(runs, Run{Text: words[rng.IntN(len(words))] + " ", M: fakeMeasurer{}})
	}
	return runs
}

// TestRandomObjectParagraphs sets random paragraphs with objects in every
// mode and width and checks the invariants.
func TestRandomObjectParagraphs(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 10))
	for trial := 0; trial < 2000; trial++ {
		runs := randomObjectRuns(rng)
		opt := ParagraphOptions{Mode: Mode(rng.IntN(2)), Justify: rng.IntN(2) == 0}
		width := Length(4+rng.IntN(30)) * em / 2
		lines, _ := SetParagraph(runs, constWidth(width), opt)
		t.Run(fmt.Sprint(trial), func(t *testing.T) { checkObjects(t, runs, lines) })
		if t.Failed() {
			t.Fatalf("width %v em, %+v", width/em, opt)
		}
	}
}

// TestObjectBeforeParticle: "$x$를" never breaks before 를, however narrow
// the line, in every mode; the space before the formula is where it goes.
func TestObjectBeforeParticle(t *testing.T) {
	for _, opt := range []ParagraphOptions{{}, {Justify: true}, {Mode: Normal}, {Mode: Normal, Justify: true}} {
		for w := Length(2 * em); w <= 16*em; w += em / 2 {
			runs := []Run{{Text: "벡터 ", M: fakeMeasurer{}}, {Object: &Object{Parts: []ObjectPart{{Width: 2 * em}}}}, {Text: "를 확률로", M: fakeMeasurer{}}}
			lines, _ := SetParagraph(runs, constWidth(w), opt)
			text := objectText(runs)
			for _, ln := range lines {
				if ln.Start < len(text) && text[ln.Start] == '를' {
					t.Errorf("%+v at %v em: a line starts with 를", opt, w/em)
				}
			}
		}
	}
}

// TestObjectBreaksAtParts: a formula wider than what is left of a line
// breaks between its parts where they allow it (after a relation), and
// not where they do not.
func TestObjectBreaksAtParts(t *testing.T) {
	parts := []ObjectPart{{Width: 4 * em}, {Width: 3 * em, Gap: em / 4, Penalty: InfPenalty}, {Width: 5 * em, Gap: em / 4, Penalty: 500}}
	runs := []Run{{Text: "가나다라 ", M: fakeMeasurer{}}, {Object: &Object{Parts: parts}}, {Text: "이다.", M: fakeMeasurer{}}}
	lines, problems := SetParagraph(runs, constWidth(13*em), ParagraphOptions{})
	if len(problems) > 0 || len(lines) != 2 {
		t.Fatalf("lines %+v problems %v", lines, problems)
	}
	last := lines[0].Pieces[len(lines[0].Pieces)-1]
	first := lines[1].Pieces[0]
	if last.Part != 1 || first.Part != 2 {
		t.Errorf("broke after part %d, before part %d; want after 1, before 2", last.Part, first.Part)
	}
	if first.X != 0 {
		t.Errorf("the part after the break starts at %d: the gap should vanish", first.X)
	}
}
