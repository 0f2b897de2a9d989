// Package diag holds the positions, severities and sorted lists of the
// messages that publish reports to its users.
//
// It is a leaf package: every other package may import it, and it imports
// nothing of the project's own.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in an input file, as a user sees it: the file name as
// given or relative to the working directory, a 1-based line and a 1-based
// column counted in characters (runes). Line 0 means the whole file;
// column 0 means the whole line.
type Pos struct {
	File string // file name as shown to the user; empty when the message concerns no file (printed as "-")
	Line int    // 1-based line; 0 for the whole file
	Col  int    // 1-based column in runes; 0 for the whole line
}

// String formats the position the way compilers do: file:line:col, leaving
// out the parts that are zero.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line <= 0:
		return p.File
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity says how bad a diagnostic is.
type Severity int

// The severities, from mildest to worst.
const (
	// Note is information a user may want but need not act on.
	Note Severity = iota
	// Warning marks something that the output shows wrongly or leaves out.
	// Warnings accumulate; --strict turns them into a failed build.
	Warning
	// Error marks input that makes a correct output impossible.
	Error
)

// String names the severity as it appears in messages.
func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// Diagnostic is one message about the input.
type Diagnostic struct {
	Pos      Pos      // where the problem is; the zero Pos when it concerns no file
	Severity Severity // how bad it is
	Message  string   // the text after "severity: ", unescaped: it may quote a post's characters, which String escapes
}

// String formats the diagnostic as "file:line:col: severity: message",
// on one line: control characters in the file name or the message (which
// may quote a post) are escaped by [Printable].
func (d Diagnostic) String() string {
	return Printable(fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Message))
}

// List collects diagnostics. The zero value is an empty list ready to use.
// A List is not safe for concurrent use.
type List struct {
	items []Diagnostic
}

// Add appends one diagnostic.
func (l *List) Add(pos Pos, sev Severity, format string, args ...any) {
	l.items = append(l.items, Diagnostic{Pos: pos, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

// Errorf appends an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) { l.Add(pos, Error, format, args...) }

// Warnf appends a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) { l.Add(pos, Warning, format, args...) }

// Notef appends a note at pos.
func (l *List) Notef(pos Pos, format string, args ...any) { l.Add(pos, Note, format, args...) }

// Append adds every diagnostic of other to l.
func (l *List) Append(other *List) {
	if other != nil {
		l.items = append(l.items, other.items...)
	}
}

// Len returns the number of diagnostics.
func (l *List) Len() int { return len(l.items) }

// Count returns how many diagnostics have the given severity.
func (l *List) Count(sev Severity) int {
	n := 0
	for _, d := range l.items {
		if d.Severity == sev {
			n++
		}
	}
	return n
}

// HasErrors reports whether the list holds at least one error.
func (l *List) HasErrors() bool { return l.Count(Error) > 0 }

// Items returns the diagnostics sorted by file, line, column, severity and
// message, with exact duplicates removed. The list itself is sorted too.
func (l *List) Items() []Diagnostic {
	sort.SliceStable(l.items, func(i, j int) bool { return less(l.items[i], l.items[j]) })
	out := l.items[:0]
	for i, d := range l.items {
		if i > 0 && d == l.items[i-1] {
			continue
		}
		out = append(out, d)
	}
	l.items = out
	return append([]Diagnostic(nil), out...)
}

func less(a, b Diagnostic) bool {
	if a.Pos.File != b.Pos.File {
		return a.Pos.File < b.Pos.File
	}
	if a.Pos.Line != b.Pos.Line {
		return a.Pos.Line < b.Pos.Line
	}
	if a.Pos.Col != b.Pos.Col {
		return a.Pos.Col < b.Pos.Col
	}
	if a.Severity != b.Severity {
		return a.Severity > b.Severity
	}
	return a.Message < b.Message
}

// Summary returns a count such as "2 errors, 1 warning", or "no problems".
func (l *List) Summary() string {
	var parts []string
	for _, s := range []Severity{Error, Warning, Note} {
		if n := l.Count(s); n > 0 {
			name := s.String() + "s"
			if n == 1 {
				name = s.String()
			}
			parts = append(parts, fmt.Sprintf("%d %s", n, name))
		}
	}
	if len(parts) == 0 {
		return "no problems"
	}
	return strings.Join(parts, ", ")
}

// Err is a fatal diagnostic carried as a Go error.
type Err struct{ Diagnostic }

// Error implements the error interface.
func (e *Err) Error() string { return e.Diagnostic.String() }

// Errorf returns a fatal diagnostic at pos as a Go error.
func Errorf(pos Pos, format string, args ...any) error {
	return &Err{Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)}}
}
