package texmath

import (
	"fmt"
	"strings"
)

// Dump writes the tree of f as indented text, one node per line with its
// source offsets: the form the golden tests compare.
func Dump(f *Formula) string {
	var b strings.Builder
	dumpNode(&b, f.Root, 0)
	for i, eq := range f.Equations {
		if eq.Tag == nil && !eq.Numbered && eq.Label == "" {
			continue
		}
		fmt.Fprintf(&b, "equation %d numbered=%v label=%q", i, eq.Numbered, eq.Label)
		if eq.Tag != nil {
			fmt.Fprintf(&b, " tag=%q star=%v", eq.Tag.Text, eq.Tag.Flags&FStar != 0)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

var kindNames = [...]string{"row", "ident", "number", "op", "text", "space", "scripts", "frac", "root", "fenced", "accent", "table", "tablerow", "style", "phantom", "ref"}
var classNames = [...]string{"ord", "op", "bin", "rel", "open", "close", "punct", "inner"}
var variantNames = [...]string{"", "normal", "italic", "bold", "bold-italic", "double-struck", "script", "fraktur", "sans-serif", "monospace"}
var flagNames = [...]string{"largeop", "limits", "nolimits", "forcelimits", "named", "stretchy", "middle", "prime", "wide", "binom", "star"}

// String returns the class name, as TeX's documentation spells it.
func (c Class) String() string { return classNames[c] }

// dumpNode writes one node and its children.
func dumpNode(b *strings.Builder, n *Node, depth int) {
	b.WriteString(strings.Repeat("  ", depth))
	if n == nil {
		b.WriteString("-\n")
		return
	}
	fmt.Fprintf(b, "%s %d:%d", kindNames[n.Kind], n.Pos, n.End)
	if n.Text != "" {
		fmt.Fprintf(b, " %q", n.Text)
	}
	switch n.Kind {
	case KOp:
		fmt.Fprintf(b, " %s", n.Class)
	case KRow:
		if n.Class != Ord {
			fmt.Fprintf(b, " %s", n.Class)
		}
	case KSpace:
		fmt.Fprintf(b, " %dmu", n.Width)
	case KFenced:
		fmt.Fprintf(b, " %q %q", n.Open, n.Close)
	case KTable:
		fmt.Fprintf(b, " cols=%q", n.Columns)
	case KTableRow:
		if n.Eq >= 0 {
			fmt.Fprintf(b, " eq=%d", n.Eq)
		}
	case KStyle:
		fmt.Fprintf(b, " style=%d", n.Style)
	}
	if n.Variant != VarDefault {
		fmt.Fprintf(b, " %s", variantNames[n.Variant])
	}
	if n.Size > 0 {
		fmt.Fprintf(b, " size=%d", n.Size)
	}
	for i, name := range flagNames {
		if n.Flags&(1<<i) != 0 {
			b.WriteString(" " + name)
		}
	}
	if n.Kind == KAccent && n.under {
		b.WriteString(" under")
	}
	b.WriteByte('\n')
	for _, k := range n.Kids {
		dumpNode(b, k, depth+1)
	}
}
