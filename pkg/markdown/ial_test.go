package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// TestParseAttrList checks the attribute list grammar item by item.
func TestParseAttrList(t *testing.T) {
	tests := []struct {
		in   string
		want string // fmt of id, classes, pairs, refs; "" when invalid
	}{
		{`.a #b c="d"`, `b [a] [c=d] []`},
		{`.a .b`, ` [a b] [] []`},
		{`toc`, ` [] [] [toc]`},
		{`k='x y' j="a\"b"`, ` [] [k=x y j=a"b] []`},
		{`#첫째 .둘째`, `첫째 [둘째] [] []`},
		{`  `, ` [] [] []`},
		{`k=unquoted`, ``},
		{`k="open`, ``},
		{`#`, ``},
		{`.`, ``},
		{`=x`, ``},
	}
	for _, tt := range tests {
		a, ok := parseAttrList([]byte(tt.in))
		got := ""
		if ok {
			got = formatAttrList(a)
		}
		if got != tt.want {
			t.Errorf("parseAttrList(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// formatAttrList prints an attrList compactly for comparison.
func formatAttrList(a attrList) string {
	var pairs []string
	for _, p := range a.pairs {
		pairs = append(pairs, string(p.key)+"="+string(p.value))
	}
	var classes, refs []string
	for _, c := range a.classes {
		classes = append(classes, string(c))
	}
	for _, r := range a.refs {
		refs = append(refs, string(r))
	}
	return fmt.Sprintf("%s %v %v %v", a.id, classes, pairs, refs)
}

// TestParseIALLine checks which whole lines are kramdown "{:" lines.
func TestParseIALLine(t *testing.T) {
	tests := []struct {
		in   string
		kind ialKind
		ok   bool
	}{
		{"{: .a}\n", ialAttrs, true},
		{"{:.a}", ialAttrs, true},
		{"{:toc}  \n", ialAttrs, true},
		{"{:ref: .a #b}\n", ialDefinition, true},
		{`{::options parse_block_html="true" /}`, ialExtension, true},
		{"{::comment}", ialComment, true},
		{"{::comment /}", ialExtension, true},
		{"{:/comment}", ialExtension, true},
		{"{:/}", ialExtension, true},
		{"{:}", 0, false},
		{"{: }", 0, false},
		{"{: .a} tail", 0, false},
		{"{: .a", 0, false},
		{"{.a}", 0, false},
		{"{{ liquid }}", 0, false},
	}
	for _, tt := range tests {
		n := parseIALLine([]byte(tt.in))
		if (n != nil) != tt.ok || (n != nil && n.kind != tt.kind) {
			t.Errorf("parseIALLine(%q) = %+v, want kind %d ok %v", tt.in, n, tt.kind, tt.ok)
		}
	}
}

// FuzzIALLine feeds arbitrary lines to the attribute-list parsers: no panic,
// and whatever is accepted has the shape "{:…}".
func FuzzIALLine(f *testing.F) {
	for _, s := range []string{"{: .a #b c=\"d\"}", "{:toc}", "{:ref: .x}", "{::options a=\"1\" /}", "{::comment}", "{:/}", `{: k='a\'b' j="\}"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n := parseIALLine([]byte(s)); n != nil {
			trimmed := strings.TrimRight(s, " \t\r\n\v\f")
			if !strings.HasPrefix(trimmed, "{:") || !strings.HasSuffix(trimmed, "}") {
				t.Errorf("accepted %q", s)
			}
		}
		if a, ok := parseAttrList([]byte(s)); ok {
			for _, c := range a.classes {
				if len(c) == 0 {
					t.Errorf("%q: empty class", s)
				}
			}
		}
	})
}
