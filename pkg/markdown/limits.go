package markdown

import "bytes"

// Limits on shapes of Markdown that make goldmark's parser slow beyond
// reason (docs/library-notes.md measures them): its reader's LineOffset
// makes containers nested n deep cost n² (20,000 nested ">" take a
// second, a megabyte of them hours), and its block reader's Value makes a
// paragraph of n lines cost n² (40,000 lines of brackets take a second).
// No post a person writes comes near either bound. Past them, the parser
// reads a copy of the source in which the offending line is blank, so the
// tree still points into the original text and every position stays
// right; the line is left out of the book and reported.
const (
	// maxNesting bounds block quotes and list items opened on one line.
	maxNesting = 100
	// maxParagraphLines bounds a run of non-blank lines outside fenced
	// code: every line after that many is blanked, splitting the run.
	maxParagraphLines = 2000
)

// Dropped is a line the parser left out of the book, with why.
type Dropped struct {
	// Start and End are the line's offsets in the source.
	Start, End int
	Reason     string // why, as the start of a warning ("a paragraph of more than 2000 lines; split here")
}

// guard returns the source the parser reads: src itself, or a copy with
// the lines past the limits blanked, and those lines.
func guard(src []byte) ([]byte, []Dropped) {
	var out []byte
	var dropped []Dropped
	blank := func(start, end int, reason string) {
		if out == nil {
			out = bytes.Clone(src)
		}
		for i := start; i < end; i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = ' '
			}
		}
		dropped = append(dropped, Dropped{Start: start, End: end, Reason: reason})
	}
	run, fence := 0, ""
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		if f := fenceOf(line); f != "" && (fence == "" || bytes.HasPrefix(bytes.TrimLeft(line, " "), []byte(fence))) {
			if fence == "" {
				fence = f
			} else {
				fence = ""
			}
		}
		switch {
		case containerDepth(line) > maxNesting:
			blank(start, end, "blocks nested more than 100 deep on one line")
		case len(bytes.TrimSpace(line)) == 0:
			run = 0
		case fence == "":
			if run++; run > maxParagraphLines {
				blank(start, end, "a paragraph of more than 2000 lines; split here")
				run = 0
			}
		}
		start = end + 1
	}
	if out == nil {
		return src, nil
	}
	return out, dropped
}

// fenceOf returns the fence a line opens or closes (``` or ~~~ after at
// most three spaces), or "".
func fenceOf(line []byte) string {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return ""
	}
	for _, f := range []string{"```", "~~~"} {
		if bytes.HasPrefix(t, []byte(f)) {
			return f
		}
	}
	return ""
}

// containerDepth counts the block quote markers and list markers that
// open a line, stopping early past maxNesting.
func containerDepth(line []byte) int {
	depth := 0
	for i := 0; i < len(line) && depth <= maxNesting; {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				depth++
				i = j + 2
				continue
			}
			return depth
		default:
			return depth
		}
	}
	return depth
}
