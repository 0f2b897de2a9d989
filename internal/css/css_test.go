package css

import (
	"fmt"
	"strings"
	"testing"
)

// describe writes tokens as kind:value, for comparing token streams.
func describe(toks []Token) string {
	var parts []string
	for _, t := range toks {
		s := fmt.Sprint(t.Kind)
		if t.Val != "" || t.Unit != "" {
			s += ":" + t.Val + t.Unit
		}
		if t.Kind == Hash && t.ID {
			s += "(id)"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func TestTokens(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// kinds by number: 1 ident, 2 function, 3 at-keyword, 4 hash, 5 string,
		// 6 bad string, 7 url, 8 bad url, 9 delim, 10 number, 11 percentage,
		// 12 dimension, 13 whitespace, 16 colon, 17 semicolon, 18 comma,
		// 23 {, 24 }
		{"a{b:c}", "1:a 23 1:b 16 1:c 24 0"},
		{`u\72 l(x)`, "7:x 0"}, // an escaped url( is a url
		{"/* c */a/**/b", "1:a 1:b 0"},
		{"#fff #1f2", "4:fff(id) 13 4:1f2 0"},
		{"10px 50% -1.5e3 .5", "12:10px 13 11:50 13 10:-1.5e3 13 10:.5 0"},
		{"'a\\\nb' 'c\nd", "5:ab 13 6 13 1:d 0"}, // an escaped newline continues; a raw one breaks
		{"url( a b )", "8 0"},
		{"\r\n\f", "13 0"},
		{"@media,x;", "3:media 18 1:x 17 0"},
		{`.st\30`, "9:. 1:st0 0"},
	} {
		if got := describe(Tokens(c.in)); got != c.want {
			t.Errorf("Tokens(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestDeclarations(t *testing.T) {
	nodes := NewParser(Tokens("fill: red ; stroke:url(#a) !IMPORTANT; junk; @x y; font: 12px 'A B'")).Components()
	decls, nested := Declarations(nodes)
	var got []string
	for _, d := range decls {
		got = append(got, fmt.Sprintf("%s=%s/%v", d.Name, Text(d.Value), d.Important))
	}
	want := `fill=red/false stroke=url("#a")/true =/false font=12px "A B"/false`
	if strings.Join(got, " ") != want {
		t.Errorf("declarations: %s\nwant         %s", strings.Join(got, " "), want)
	}
	if len(nested) != 1 || nested[0].At != "x" {
		t.Errorf("nested rules: %+v", nested)
	}
}

func TestStylesheet(t *testing.T) {
	rules := Stylesheet("<!-- a, .b > #c { x: y } @media print { p { q: r } } @import 'z'; d { e: f")
	var got []string
	for _, r := range rules {
		s := "@" + r.At + "[" + Text(TrimWhitespace(r.Prelude)) + "]"
		if r.Block != nil {
			s += "{" + Text(TrimWhitespace(r.Block.Kids)) + "}"
		}
		got = append(got, s)
	}
	// a block the input ends in is closed there (CSS Syntax 5.4.7)
	want := `@[a, .b > #c]{x: y} @media[print]{p { q: r }} @import["z"] @[d]{e: f}`
	if strings.Join(got, " ") != want {
		t.Errorf("rules: %s\nwant   %s", strings.Join(got, " "), want)
	}
	if rules := Stylesheet("a { b: c } d"); len(rules) != 1 {
		t.Errorf("a prelude the input ends in makes no rule: %d rules", len(rules))
	}
}

func TestNesting(t *testing.T) {
	deep := strings.Repeat("(", MaxNesting+5) + "x"
	nodes := NewParser(Tokens(deep)).Components()
	n := nodes[0]
	depth := 1
	for len(n.Kids) > 0 {
		n = n.Kids[0]
		depth++
	}
	if !n.TooDeep || depth != MaxNesting+1 {
		t.Errorf("nesting stopped at %d (too deep %v), want %d", depth, n.TooDeep, MaxNesting+1)
	}
}

// FuzzText: whatever the input, Text writes component values that read
// back as the same tokens (white space aside, which Text writes as one
// space), so writing them again changes nothing.
func FuzzText(f *testing.F) {
	for _, s := range []string{"a{b:c}", `u\72 l(x)`, "#1e3 1e3 1\\65 3", "'\\", "a/**/b", "-\\31 x", "@-", "url(a\\)b)",
		"1px-2", "a(b[c{d", ".5e-1em%", "<!--->", "#-", "\x00\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Text(NewParser(Tokens(in)).Components())
		again := Text(NewParser(Tokens(out)).Components())
		if again != out {
			t.Fatalf("not stable:\nin    %q\nout   %q\nagain %q", in, out, again)
		}
	})
}
