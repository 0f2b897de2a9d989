package layout

import (
	"bytes"
	"flag"
	"fmt"
	"github.com/hangul-press/publish/pkg/markdown"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/hangul-press/publish/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/linebreak")

// em is the abstract font size of the tests.
const em = 10 * pointUnits

// fakeMeasurer sets wide characters (Hangul, Hanja, kana, full-width
// forms) at 1 em, the space at 0.33 em and everything else at 0.5 em: the
// proportions of a Korean body face with its Latin companion.
type fakeMeasurer struct{}

func (fakeMeasurer) Advance(r rune) Length {
	switch {
	case r == ' ':
		return em * 33 / 100
	case markdown.IsWide(r):
		return em
	}
	return em / 2
}

// goldenCase is one file of testdata/linebreak: the paragraph, its options,
// and the lines it sets to.
type goldenCase struct {
	text  string
	width Length
	opt   ParagraphOptions
}

func parseGolden(t testing.TB, ar *txtar.Archive) goldenCase {
	var c goldenCase
	for _, f := range ar.Files {
		switch f.Name {
		case "input":
			c.text = strings.TrimSuffix(string(f.Data), "\n")
		case "options":
			c.width, c.opt = parseOptions(t, string(f.Data))
		}
	}
	return c
}

// parseOptions reads lines such as "width 12", "mode normal", "justify",
// "indent 2" (widths in em).
func parseOptions(t testing.TB, s string) (Length, ParagraphOptions) {
	var width Length
	var opt ParagraphOptions
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		key, val, _ := strings.Cut(strings.TrimSpace(line), " ")
		n, _ := strconv.ParseFloat(val, 64)
		switch key {
		case "width":
			width = Length(n * em)
		case "indent":
			opt.Indent = Length(n * em)
		case "mode":
			if val == "normal" {
				opt.Mode = Normal
			}
		case "justify":
			opt.Justify = true
		default:
			t.Fatalf("unknown option %q", line)
		}
	}
	return width, opt
}

// render prints the lines one per line, marking overfull ones.
func render(text []rune, lines []Line, problems []Problem) string {
	var b strings.Builder
	over := map[int]bool{}
	for _, p := range problems {
		over[p.Line] = true
	}
	for i, ln := range lines {
		b.WriteString(string(text[ln.Start:ln.End]))
		if over[i] {
			b.WriteString("\t<overfull>")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func goldenFiles(t testing.TB) []string {
	files, err := filepath.Glob("testdata/linebreak/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	return files
}

func TestGolden(t *testing.T) {
	for _, file := range goldenFiles(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c := parseGolden(t, ar)
			runs := []Run{{Text: c.text, M: fakeMeasurer{}}}
			widths := constWidth(c.width)
			lines, problems := SetParagraph(runs, widths, c.opt)
			checkParagraph(t, runs, widths, c.opt, lines, problems)
			got := render([]rune(c.text), lines, problems)
			if *update {
				testtool.SetSection(ar, "lines", []byte(got))
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want, _ := testtool.Section(ar, "lines"); got != string(want) {
				t.Errorf("lines differ\ngot:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// seedTexts returns the inputs of the golden files, for fuzz seeds.
func seedTexts(t testing.TB) []string {
	var texts []string
	for _, file := range goldenFiles(t) {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, parseGolden(t, ar).text)
	}
	return texts
}

// checkParagraph asserts the invariants every set paragraph must keep.
func checkParagraph(t testing.TB, runs []Run, widths func(int) Length, opt ParagraphOptions, lines []Line, problems []Problem) {
	t.Helper()
	var text []rune
	for _, r := range runs {
		text = append(text, []rune(r.Text)...)
	}
	checkCoverage(t, text, lines)
	checkWidths(t, text, widths, opt, lines, problems)
	checkBreakRules(t, text, lines, opt)
}

// checkCoverage: every rune that is not a space or a hard break appears in
// exactly one piece, in order, and pieces show the text they claim.
func checkCoverage(t testing.TB, text []rune, lines []Line) {
	t.Helper()
	pos := 0
	for li, ln := range lines {
		for _, pc := range ln.Pieces {
			n := utf8.RuneCountInString(pc.Text)
			if pc.Start < pos || pc.Start+n > len(text) || string(text[pc.Start:pc.Start+n]) != pc.Text {
				t.Fatalf("line %d: piece %q at %d does not match the text after %d", li, pc.Text, pc.Start, pos)
			}
			for _, r := range text[pos:pc.Start] {
				if !isBreakingSpace(r) && r != '\n' {
					t.Fatalf("line %d: rune %q before %d is missing", li, r, pc.Start)
				}
			}
			pos = pc.Start + n
		}
	}
	for _, r := range text[pos:] {
		if !isBreakingSpace(r) && r != '\n' {
			t.Fatalf("rune %q after the last line is missing", r)
		}
	}
}

// checkWidths: pieces go left to right without overlapping; no line is wider
// than its measure unless it was reported and holds no break opportunity;
// justified lines fill the measure.
func checkWidths(t testing.TB, text []rune, widths func(int) Length, opt ParagraphOptions, lines []Line, problems []Problem) {
	t.Helper()
	reported := map[int]bool{}
	for _, p := range problems {
		reported[p.Line] = true
	}
	classes := BreakClasses(text)
	for li, ln := range lines {
		x := Length(0)
		for _, pc := range ln.Pieces {
			if lead, _ := hanging(pc.Text, em); pc.X+lead < x {
				t.Fatalf("line %d: piece %q at %d overlaps the one before (ends %d)", li, pc.Text, pc.X, x)
			}
			x = pc.X + pc.Width
		}
		if ln.Width != widths(li) {
			t.Fatalf("line %d set to %d, measure is %d", li, ln.Width, widths(li))
		}
		if x > ln.Width || ln.Set > ln.Width {
			if !reported[li] {
				t.Fatalf("line %d %q is %d wide, measure %d, not reported", li, string(text[ln.Start:ln.End]), x, ln.Width)
			}
			for i := ln.Start + 1; i < ln.End; i++ {
				c := classes[i]
				if c == BreakSpace || c == BreakCJK || c == BreakURL || (c == BreakSyllable && opt.Mode == Normal) {
					t.Fatalf("overfull line %d %q could break at %d (%v)", li, string(text[ln.Start:ln.End]), i, c)
				}
			}
		} else if reported[li] {
			t.Fatalf("line %d reported overfull but fits", li)
		}
		if opt.Justify && !ln.Hard && !reported[li] && hasSpace(text[ln.Start:ln.End]) && ln.Set != ln.Width {
			t.Fatalf("justified line %d set to %d, measure %d", li, ln.Set, ln.Width)
		}
	}
}

// hasSpace reports a space with width, and so stretch, in text.
func hasSpace(text []rune) bool {
	for _, r := range text {
		if isBreakingSpace(r) && r != zeroWidthSpace {
			return true
		}
	}
	return false
}

// checkBreakRules: no line starts with a character that may not start one
// or ends with one that may not end one (unless a hard break ends it), and
// in KeepAll mode an eojeol is split only when it is longer than the line, or
// (justified) when word spaces alone gave no acceptable solution.
func checkBreakRules(t testing.TB, text []rune, lines []Line, opt ParagraphOptions) {
	t.Helper()
	for li := 1; li < len(lines); li++ {
		prev, ln := lines[li-1], lines[li]
		if prev.Hard || ln.Start == ln.End || prev.Start == prev.End {
			continue
		}
		if neverStartsAt(text, ln.Start) {
			t.Fatalf("line %d starts with %q", li, text[ln.Start])
		}
		if opensAt(text, prev.End-1) {
			t.Fatalf("line %d ends with %q", li-1, text[prev.End-1])
		}
		if prev.End != ln.Start || opt.Mode != KeepAll {
			continue // a break at a space
		}
		if c := BreakClasses(text)[ln.Start]; c == BreakURL || c == BreakCJK {
			continue // a break inside Latin, or between Hanja or kana
		}
		if eojeolWidth(text, ln.Start) <= ln.Width && !(opt.Justify && !spacesSuffice(text, opt, ln.Width)) {
			t.Fatalf("line %d splits an eojeol that fits: %q|%q", li, string(text[prev.Start:prev.End]), string(text[ln.Start:ln.End]))
		}
	}
}

// eojeolWidth measures the space-delimited word around rune i.
func eojeolWidth(text []rune, i int) Length {
	s, e := i, i
	for s > 0 && !isBreakingSpace(text[s-1]) && text[s-1] != '\n' {
		s--
	}
	for e < len(text) && !isBreakingSpace(text[e]) && text[e] != '\n' {
		e++
	}
	var w Length
	for _, r := range text[s:e] {
		w += fakeMeasurer{}.Advance(r)
	}
	return w
}

// spacesSuffice reports whether pass 1 (word spaces) found a solution.
func spacesSuffice(text []rune, opt ParagraphOptions, width Length) bool {
	s := &setter{t: newParaText([]Run{{Text: string(text), M: fakeMeasurer{}}}), classes: BreakClasses(text), widths: constWidth(width), opt: opt}
	s.measureEojeols()
	items, _ := s.build(1)
	_, ok := Break(items, constWidth(width), s.params(1))
	return ok
}

// TestSpaceGlue checks the glue of word spaces: stretch 1/2, shrink 1/3,
// the same after a full stop as anywhere else, and from the run's measurer.
func TestSpaceGlue(t *testing.T) {
	s := &setter{t: newParaText([]Run{{Text: "가. 나 다", M: fakeMeasurer{}}}), opt: ParagraphOptions{Justify: true}}
	s.classes = BreakClasses(s.t.runes)
	s.widths = constWidth(100 * em)
	s.measureEojeols()
	items, _ := s.build(1)
	var glues []Item
	for _, it := range items {
		if it.Kind == GlueItem && it.Stretch < FilStretch {
			glues = append(glues, it)
		}
	}
	sp := fakeMeasurer{}.Advance(' ')
	want := Item{Kind: GlueItem, Width: sp, Stretch: sp / 2, Shrink: sp / 3}
	if len(glues) != 2 || glues[0] != want || glues[1] != want {
		t.Errorf("space glue = %+v, want two of %+v", glues, want)
	}
}

// TestJustifiedPositions sets two lines by hand: "가나 다라 마바" at 5 em
// breaks after "다라", 0.67 em short. The space takes its full stretch
// (em/6), the two syllable gaps their most (1.5 × em/16 each), and the
// space the rest (issue 12 item 5: Korean justification spreads what the
// spaces cannot take between the syllables, a little).
func TestJustifiedPositions(t *testing.T) {
	runs := []Run{{Text: "가나 ", M: fakeMeasurer{}, Style: 1}, {Text: "다라 마바", M: fakeMeasurer{}, Style: 2}}
	lines, problems := SetParagraph(runs, constWidth(5*em), ParagraphOptions{Justify: true})
	if len(problems) != 0 || len(lines) != 2 {
		t.Fatalf("got %d lines, problems %v", len(lines), problems)
	}
	l0 := lines[0]
	gap := Length(letterMaxRatio * float64(em/letterStretchDiv))
	var xs []Length
	var text string
	for _, p := range l0.Pieces {
		xs, text = append(xs, p.X), text+p.Text+"|"
	}
	space := 5*em - 4*em - 2*gap // what is left for the one space
	want := []Length{0, em + gap, 2*em + gap + space, 3*em + 2*gap + space}
	if text != "가|나|다|라|" || fmt.Sprint(xs) != fmt.Sprint(want) {
		t.Fatalf("line 0 pieces %q at %v, want 가|나|다|라| at %v", text, xs, want)
	}
	if l0.Set != 5*em || l0.Hard || l0.LetterRatio != letterMaxRatio || l0.Ratio <= 1 {
		t.Errorf("line 0: set %v, hard %v, ratios %.2f/%.2f; want 5 em, false, spaces past 1 and letters at %v", l0.Set, l0.Hard, l0.Ratio, l0.LetterRatio, letterMaxRatio)
	}
	if l1 := lines[1]; !l1.Hard || l1.Set != 2*em || l1.Ratio != 0 {
		t.Errorf("last line: %+v, want ragged at 2 em", l1)
	}
}

// TestRaggedWordBreaks sets an eojeol longer than a narrow ragged line
// (a table cell): every line end, between syllables as at a space, has the
// ragged right margin, so the lines fill up (가나다|라마바|사) instead of
// breaking anywhere, and each line's syllables stay one piece.
func TestRaggedWordBreaks(t *testing.T) {
	text := "가나다라마바사"
	lines, problems := SetParagraph([]Run{{Text: text, M: fakeMeasurer{}}}, constWidth(36*em/10), ParagraphOptions{})
	if got, want := render([]rune(text), lines, problems), "가나다\n라마바\n사\n"; got != want {
		t.Fatalf("lines %q, want %q", got, want)
	}
	for i, ln := range lines {
		if len(ln.Pieces) != 1 || ln.Pieces[0].X != 0 || ln.Set != ln.Natural {
			t.Errorf("line %d: pieces %+v, set %v, natural %v; want one piece at 0, set at natural width", i, ln.Pieces, ln.Set, ln.Natural)
		}
	}
}

func TestHardBreakAndOverfull(t *testing.T) {
	runs := []Run{{Text: "가 나\n", M: fakeMeasurer{}}, {Text: "ABCDEFGHIJKL 다", M: fakeMeasurer{}}}
	lines, problems := SetParagraph(runs, constWidth(4*em), ParagraphOptions{Justify: true})
	got := render([]rune("가 나\nABCDEFGHIJKL 다"), lines, problems)
	if want := "가 나\nABCDEFGHIJKL\t<overfull>\n다\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(problems) != 1 || problems[0].Run != 1 || problems[0].Byte != 0 || problems[0].Excess != 2*em {
		t.Errorf("problems = %+v", problems)
	}
	if !lines[0].Hard || lines[0].Set != lines[0].Natural {
		t.Errorf("line before a hard break is justified: %+v", lines[0])
	}
}

func TestEmptyParagraphs(t *testing.T) {
	for _, text := range []string{"", "   ", "\u200b"} {
		if lines, _ := SetParagraph([]Run{{Text: text, M: fakeMeasurer{}}}, constWidth(em), ParagraphOptions{}); len(lines) != 0 {
			t.Errorf("%q gave %d lines", text, len(lines))
		}
	}
	if lines, _ := SetParagraph([]Run{{Text: "가 나"}}, constWidth(em), ParagraphOptions{Justify: true}); len(lines) != 1 || lines[0].Natural != 0 {
		t.Errorf("nil measurer: %+v", lines)
	}
	lines, _ := SetParagraph([]Run{{Text: "가\n\n나\n", M: fakeMeasurer{}}}, constWidth(5*em), ParagraphOptions{})
	if len(lines) != 3 || lines[1].Start != lines[1].End || len(lines[1].Pieces) != 0 {
		t.Errorf("blank line between hard breaks: %+v", lines)
	}
}

// randomKorean makes text from a vocabulary of eojeols, numbers, URLs and
// punctuation, with the odd hard break.
func randomKorean(rng *rand.Rand, words int) string {
	vocab := strings.Fields(`대한민국의 헌법은 모든 국민이 인간으로서의 존엄과 가치를 가진다. 12,000원 97.5% 200ms 36.5℃
		“인용”은 (괄호) 《토지》를 그래서…… 음—— https://example.com/a/b_c.html API를 Bias-Variance 重要한 かな
		초미세먼지저감대책특별위원회가 ~ ( ) , . 가 나 다 ABCDEFGHIJKLMNOPQRSTUVWXYZ`)
	var b strings.Builder
	for i := 0; i < words; i++ {
		if i > 0 {
			b.WriteString([]string{" ", " ", " ", " ", "  ", "\n", ""}[rng.IntN(7)])
		}
		b.WriteString(vocab[rng.IntN(len(vocab))])
	}
	return b.String()
}

// TestRandomParagraphs sets thousands of random paragraphs in every mode and
// checks the invariants.
func TestRandomParagraphs(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 3))
	for trial := 0; trial < 3000; trial++ {
		text := randomKorean(rng, 1+rng.IntN(30))
		opt := ParagraphOptions{Mode: Mode(rng.IntN(2)), Justify: rng.IntN(2) == 0}
		width := Length(3+rng.IntN(25)) * em / 2
		cut := rng.IntN(len(text) + 1)
		runs := []Run{{Text: text[:cut], M: fakeMeasurer{}}, {Text: text[cut:], M: fakeMeasurer{}, Style: 1}}
		lines, problems := SetParagraph(runs, constWidth(width), opt)
		t.Run(fmt.Sprint(trial), func(t *testing.T) {
			checkParagraph(t, runs, constWidth(width), opt, lines, problems)
		})
		if t.Failed() {
			t.Fatalf("text %q width %v opt %+v", text, width.Pt(), opt)
		}
	}
}

func FuzzSetParagraph(f *testing.F) {
	for _, s := range seedTexts(f) {
		f.Add(s, uint8(20), uint8(0))
	}
	f.Fuzz(func(t *testing.T, text string, width, flags uint8) {
		opt := ParagraphOptions{Mode: Mode(flags & 1), Justify: flags&2 != 0}
		if flags&4 != 0 {
			opt.Indent = em
		}
		cut := int(flags) % (len(text) + 1)
		runs := []Run{{Text: text[:cut], M: fakeMeasurer{}}, {Text: text[cut:], M: fakeMeasurer{}}}
		widths := constWidth(Length(width) * em / 4)
		lines, problems := SetParagraph(runs, widths, opt)
		if opt.Indent == 0 {
			checkParagraph(t, runs, widths, opt, lines, problems)
		} else {
			checkCoverage(t, append([]rune(text[:cut]), []rune(text[cut:])...), lines)
		}
	})
}

// TestHostileParagraphs: 100 KB without a space, in every mode, at a normal
// and an absurd width. The work of Knuth–Plass is counted, not timed: each
// pass examines at most kpWorkBudget (active node, breakpoint) pairs, plus
// the nodes active when it stops, and the rest of the work (building the
// items, first fit) is linear in the text; the lines still cover it all.
func TestHostileParagraphs(t *testing.T) {
	texts := map[string]string{
		"hangul": strings.Repeat("가나다라마바사", 100_000/21),
		"latin":  strings.Repeat("abcdefghij", 10_000),
		"quotes": strings.Repeat(`"(`, 50_000),
		"spaces": strings.Repeat("가 ", 33_000),
	}
	for name, text := range texts {
		for _, w := range []Length{30 * em, 1000 * em, 100_000 * em} {
			for _, opt := range []ParagraphOptions{{}, {Mode: Normal, Justify: true}} {
				runs := []Run{{Text: text, M: fakeMeasurer{}}}
				s := &setter{t: newParaText(runs), widths: constWidth(w), opt: opt}
				s.classes = BreakClasses(s.t.runes)
				s.measureEojeols()
				// the passes of SetParagraph, counted
				var lines []Line
				for pass := 1; pass <= 2 && lines == nil; pass++ {
					items, srcs := s.build(pass)
					k := newBreaker(items, constWidth(w), s.params(pass))
					breaks, ok := k.run()
					if k.work > kpWorkBudget+len(items) {
						t.Errorf("%s at %v em, %+v, pass %d: %d pairs examined, budget %d", name, w/em, opt, pass, k.work, kpWorkBudget)
					}
					if !ok && pass == 2 {
						breaks, ok = BreakFirstFit(items, constWidth(w), s.params(2)), true
					}
					if ok {
						lines, _ = s.lines(items, srcs, breaks)
					}
				}
				checkCoverage(t, []rune(text), lines)
			}
		}
	}
}

func BenchmarkSetParagraph(b *testing.B) {
	var text bytes.Buffer
	rng := rand.New(rand.NewPCG(1, 2))
	for utf8.RuneCount(text.Bytes()) < 2000 {
		text.WriteString(randomKorean(rng, 1))
		text.WriteByte(' ')
	}
	runs := []Run{{Text: string([]rune(text.String())[:2000]), M: fakeMeasurer{}}}
	for b.Loop() {
		SetParagraph(runs, constWidth(30*em), ParagraphOptions{Justify: true})
	}
}

// Issue 12 item 5: in word-basis justified text, an eojeol that fits a
// line is never split between syllables, however loose that leaves the
// line; only an eojeol longer than the line is.
func TestKeepAllNoMidWordIssue12(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 5))
	for n := 0; n < 1500; n++ {
		text := []rune(randomKorean(rng, 5+rng.IntN(60)))
		width := Length(6+rng.IntN(35)) * em / 2
		runs := []Run{{Text: string(text), M: fakeMeasurer{}}}
		lines, _ := SetParagraph(runs, constWidth(width), ParagraphOptions{Justify: rng.IntN(4) > 0})
		for li, ln := range lines[:max(len(lines)-1, 0)] {
			end := ln.End
			if end <= 0 || end >= len(text) || !isHangulSyllable(text[end-1]) || !isHangulSyllable(text[end]) {
				continue
			}
			start, stop := end, end
			for start > 0 && !isBreakingSpace(text[start-1]) && text[start-1] != '\n' {
				start--
			}
			for stop < len(text) && !isBreakingSpace(text[stop]) && text[stop] != '\n' {
				stop++
			}
			var w Length
			for _, r := range text[start:stop] {
				w += fakeMeasurer{}.Advance(r)
			}
			if w <= width {
				t.Fatalf("line %d of %q at %v em splits %q (%v em), which fits the line", li, string(text), width/em, string(text[start:stop]), w/em)
			}
		}
	}
}

// Issue 12 item 6: a paragraph of one long word is set forward: every line
// but the last holds as much of it as fits, spaced a little to fill the
// measure, and none holds a lone syllable.
func TestLongWordFillsForwardIssue12(t *testing.T) {
	text := strings.Repeat("띄어쓰기없이길게이어진문장", 25)
	for _, width := range []Length{20 * em, 41 * em / 2, 13 * em} {
		lines, problems := SetParagraph([]Run{{Text: text, M: fakeMeasurer{}}}, constWidth(width), ParagraphOptions{Justify: true})
		if len(problems) != 0 {
			t.Fatalf("%v em: problems %v", width/em, problems)
		}
		for li, ln := range lines {
			n := ln.End - ln.Start
			if n < 2 {
				t.Errorf("%v em: line %d holds %d syllable(s)", width/em, li, n)
			}
			if li < len(lines)-1 && (ln.Set != width || Length(n+1)*em <= width) {
				t.Errorf("%v em: line %d holds %d syllables set to %v em: not filled forward", width/em, li, n, float64(ln.Set)/float64(em))
			}
		}
	}
}

// Issue 12 item 7: the blank half of a full-width bracket is trimmed at
// the start and end of a line, next to punctuation and (closing) before a
// space; between letters it stays.
func TestBracketBlanksIssue12(t *testing.T) {
	x := func(text string, width Length, opt ParagraphOptions) map[string]Length {
		lines, _ := SetParagraph([]Run{{Text: text, M: fakeMeasurer{}}}, constWidth(width), opt)
		out := map[string]Length{}
		for li, ln := range lines {
			for _, p := range ln.Pieces {
				out[fmt.Sprintf("%d:%s", li, p.Text)] = p.X
			}
		}
		return out
	}
	half := Length(em / 2)
	// At the start of a paragraph and of a line, the opening bracket's
	// blank hangs left of the line.
	if got := x("「인용」", 20*em, ParagraphOptions{}); got["0:「인용」"] != -half {
		t.Errorf("line start: %v", got)
	}
	got := x("가나 「낫표」를 『겹낫표』, 끝", 30*em, ParagraphOptions{})
	// 「 after a space keeps its blank (the space and the blank, as
	// written); 」를 puts the particle against the bracket's ink, as
	// against a word; 』, puts the comma in the trimmed blank.
	sp := fakeMeasurer{}.Advance(' ')
	if want := 2*em + sp; got["0:「낫표」"] != want || got["0:를"] != want+3*em+half {
		t.Errorf("「 after a space at %v, want %v; 를 at %v, want %v: %v", got["0:「낫표」"], want, got["0:를"], want+3*em+half, got)
	}
	if want := got["0:『겹낫표』"] + 4*em + half; got["0:,"] != want {
		t.Errorf("comma after 』 at %v, want %v (in the bracket's trimmed blank): %v", got["0:,"], want, got)
	}
	// A closing bracket before a space gives up its blank: the space
	// follows the ink.
	got = x("《토지》 도 읽었다", 30*em, ParagraphOptions{})
	if want := 3*em + sp; got["0:도"] != want { // 《 hangs at the line start: ink at 0
		t.Errorf("after 》 and a space, 도 at %v, want %v: %v", got["0:도"], want, got)
	}
	// After a letter the opening blank stays; between a closing and an
	// opening bracket, the closing one's.
	got = x("말『책』「글」", 30*em, ParagraphOptions{})
	if got["0:말『책』「글」"] != 0 {
		t.Errorf("brackets between letters and brackets: %v", got)
	}
}
