package texmath

import (
	"fmt"
	"sort"
	"strings"
)

// Macros holds user-defined TeX macros: from \newcommand, \renewcommand,
// \def and \DeclareMathOperator in formulas, and from a site's MathJax
// configuration (Define). Parse adds the definitions a formula makes, so
// that the later formulas of a post see them. A Macros is not safe for
// concurrent use; give each post (or each goroutine) its own, or Clone a
// site-wide one.
type Macros struct {
	defs map[string]*macro
}

// macro is one definition: a body of tokens with #1…#9 parameters.
type macro struct {
	nargs int
	opt   []token // default of an optional first argument, or nil
	hasOp bool    // the first argument is optional ([…])
	body  []token
}

// NewMacros returns an empty set of macros.
func NewMacros() *Macros { return &Macros{defs: map[string]*macro{}} }

// Clone returns an independent copy, for a post that starts from the
// site-wide macros.
func (m *Macros) Clone() *Macros {
	c := NewMacros()
	if m != nil {
		for k, v := range m.defs {
			c.defs[k] = v // definitions are never changed in place
		}
	}
	return c
}

// Define adds a macro the way MathJax's configuration gives one: name
// without the backslash, body in TeX, and the number of arguments (0–9).
// It returns an error for a bad name or argument count, or a body that
// does not lex.
func (m *Macros) Define(name, body string, nargs int) error {
	if name == "" || !isAllLetters(name) {
		return fmt.Errorf("macro name %q: only letters may follow the backslash", name)
	}
	if nargs < 0 || nargs > 9 {
		return fmt.Errorf("macro \\%s: %d arguments; TeX allows 0 to 9", name, nargs)
	}
	var bad string
	toks := lex(body, func(_, _ int, msg string) { bad = msg })
	if bad != "" {
		return fmt.Errorf("macro \\%s: %s", name, bad)
	}
	if len(body) > MaxInput {
		return fmt.Errorf("macro \\%s: body longer than %d bytes", name, MaxInput)
	}
	for _, t := range toks {
		if t.kind == tParam && int(t.text[0]-'0') > nargs {
			return fmt.Errorf("macro \\%s: #%s in a body of %d arguments", name, t.text, nargs)
		}
	}
	m.defs[name] = &macro{nargs: nargs, body: toks}
	return nil
}

// Names returns the defined macro names, sorted.
func (m *Macros) Names() []string {
	out := make([]string, 0, len(m.defs))
	for k := range m.defs {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// isAllLetters reports whether s is made of ASCII letters only.
func isAllLetters(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r > 127 || !isLetter(byte(r)) }) < 0
}
