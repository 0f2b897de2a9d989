package svg

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// hostileCase is a file made to cost much, and the limit it must meet
// ("" when it must draw, within the limits, without error).
type hostileCase struct {
	name  string
	data  []byte
	limit string
}

// hostile makes the hostile files: deep nesting, a use bomb, a million
// path commands, huge numbers and NaN, many elements, a long file, a
// style sheet that backtracks, a text of many characters.
func hostile() []hostileCase {
	head := `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">`
	var cases []hostileCase
	add := func(name, limit, body string) {
		cases = append(cases, hostileCase{name, []byte(head + body + "</svg>"), limit})
	}
	add("deep nesting", "levels of nesting", strings.Repeat("<g>", 300)+"<rect width='1' height='1'/>"+strings.Repeat("</g>", 300))
	// ten levels of ten uses each: 10^10 rectangles if drawn
	var bomb strings.Builder
	bomb.WriteString(`<defs><rect id="l0" width="1" height="1"/>`)
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&bomb, `<g id="l%d">`, i)
		for range 10 {
			fmt.Fprintf(&bomb, `<use href="#l%d"/>`, i-1)
		}
		bomb.WriteString(`</g>`)
	}
	bomb.WriteString(`</defs><use href="#l10"/>`)
	add("use bomb", "elements drawn (with the copies <use> makes)", bomb.String())
	add("a million path commands", "path segments", `<path d="M0 0`+strings.Repeat(" L1 1", 1_000_000)+`"/>`)
	add("huge numbers and NaN", "", `<rect width="1e308" height="NaN"/><rect x="-1e300" width="5" height="5"/>`+
		`<path d="M0 0 L1e300 1e300 L NaN 5 Inf 3"/><circle r="Infinity"/><g transform="scale(1e9) scale(1e9) scale(1e9)"><rect width="1" height="1"/></g>`+
		`<g transform="scale(1e-9) scale(1e-9)"><rect width="1" height="1"/></g><rect width="5" height="5" stroke-width="1e308" stroke="red"/>`)
	add("many elements", "elements", strings.Repeat("<g/>", 100_001))
	add("a long file", "bytes", "<desc>"+strings.Repeat("x", 17<<20)+"</desc>")
	var sheet strings.Builder
	sheet.WriteString("<style>")
	// every rect matches the last compound, no element the first: each
	// match tries every way of choosing eight of 200 ancestors
	sheet.WriteString("q g g g g g g g g rect { fill: red }\n")
	sheet.WriteString("</style>" + strings.Repeat("<g>", 200) + strings.Repeat("<rect class='y' width='1' height='1'/>", 100) + strings.Repeat("</g>", 200))
	add("backtracking style sheet", "steps of style matching", sheet.String())
	add("a long text", "characters of text", "<text>"+strings.Repeat("가", 100_001)+"</text>")
	return cases
}

// TestHostile checks that each hostile file stops at its limit with a
// LimitError naming it, or draws within the limits with nothing out of
// range.
func TestHostile(t *testing.T) {
	for _, h := range hostile() {
		t.Run(h.name, func(t *testing.T) {
			d, err := Parse(h.data, Options{})
			if h.limit == "" {
				if err != nil {
					t.Fatal(err)
				}
				checkDrawing(t, d, DefaultLimits)
				return
			}
			var le *LimitError
			if !errors.As(err, &le) || le.What != h.limit {
				t.Fatalf("got %v, want the limit of %s", err, h.limit)
			}
		})
	}
}
