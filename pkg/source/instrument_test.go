package source

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/osteele/liquid"
)

// instrumentCases are templates whose output the counting tags must not
// change: whitespace control next to every construct, loops of every
// kind, captures, comments and raw text inside blocks.
var instrumentCases = []string{
	"{% assign xs = \"a,b,c\" | split: \",\" %}\n{%- for x in xs -%}\n  {{- x -}}\n{%- endfor -%}\n끝",
	"{% for x in (1..5) %}{% if x == 2 %}{% continue %}{% endif %}{% if x == 4 %}{% break %}{% endif %}{{ x }}{% endfor %}",
	"{% for x in (1..3) reversed %}{{ forloop.index }}:{{ x }}{% cycle 'a', 'b' %} {% endfor %}",
	"{% for x in (1..0) %}{{ x }}{% else %}비어 있음{% endfor %}",
	"{% tablerow x in (1..5) cols: 2 %} {{ x }} {% endtablerow %}",
	"{% capture s %}  {{- \"가\" -}}  {%- for i in (1..2) -%} {{ i }} {%- endfor -%}{% endcapture %}[{{ s }}]",
	"{% assign n = 2 %}{% case n %}{% when 1 %}하나{% when 2, 3 %}둘 {{ n }}{% else %}기타{% endcase %}",
	"{% unless false %} a {%- endunless %}|{% if true -%}  b  {%- elsif false %}c{% else %}d{% endif %}",
	"{% if true %}{% comment %}{{ x | nofilter }}{% for %}{% endcomment %}남음{% endif %}",
	"{% if true %}{% raw %}{{ 그대로 }}{% endraw %} x{% endif %}",
	"{% for a in (1..2) %}{% for b in (1..2) %}{% for c in (1..2) %}{{ a }}{{ b }}{{ c }} {% endfor %}{% endfor %}{% endfor %}",
	"{% assign t = \"Hello\" %}{{ t | append: \"!\" | upcase | replace: \"L\", \"l\" | default: \"x\" }} {{ nothing | default: \"기본\" }}",
	"{% if true %}\n  {%- assign a = 1 -%}\n  {{ a | plus: 1 }}\n{% endif %}",
}

// TestInstrumentKeepsOutput renders each case through the evaluator (as
// one piece: the case is wrapped in an if) and with the Liquid library
// alone, and compares: the counting tags must be invisible.
func TestInstrumentKeepsOutput(t *testing.T) {
	eng := liquid.NewEngine()
	for _, tpl := range instrumentCases {
		whole := "{% if true %}" + tpl + "{% endif %}"
		want, err := eng.ParseAndRenderString(whole, nil)
		if err != nil {
			t.Fatalf("library: %q: %v", tpl, err)
		}
		p, diags := read(t, "2020-01-01-x.md", whole)
		if string(p.Body) != want || diags.Len() != 0 {
			t.Errorf("%q:\n got %q\nwant %q\n%v", tpl, p.Body, want, diags.Items())
		}
	}
}

// FuzzInstrument checks the same on any small template that the library
// renders: where both succeed, the outputs agree. Templates that could
// run long without our budget (ranges) are left out.
func FuzzInstrument(f *testing.F) {
	for _, tpl := range instrumentCases {
		f.Add(tpl)
	}
	eng := liquid.NewEngine()
	f.Fuzz(func(t *testing.T, tpl string) {
		if len(tpl) > 300 || !utf8.ValidString(tpl) || strings.ContainsAny(tpl, "\r\ufeff") || strings.Contains(tpl, "..") || strings.Contains(tpl, "publish_") || strings.Contains(tpl, "%1") {
			return
		}
		whole := "{% if true %}" + tpl + "{% endif %}"
		want, err := renderContained(eng, whole)
		if err != nil {
			return
		}
		p, diags := read(t, "2020-01-01-x.md", whole)
		if diags.Len() == 0 && string(p.Body) != want {
			t.Fatalf("%q:\n got %q\nwant %q", tpl, p.Body, want)
		}
	})
}

// renderContained renders with the library alone, turning its panics
// into errors.
func renderContained(eng *liquid.Engine, tpl string) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errPanic
		}
	}()
	return eng.ParseAndRenderString(tpl, nil)
}

var errPanic = errors.New("the library panicked")
