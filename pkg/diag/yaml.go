package diag

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

// yamlLine matches a yaml.v3 syntax error, which names a line but no column.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// YAMLSyntax splits a go.yaml.in/yaml/v3 syntax error message into a
// 1-based line and the message text; ok is false when the message names
// no line. src is the YAML text the message is about.
//
// For an unclosed flow list or mapping ("did not find expected ',' or
// ']'"), yaml.v3 v3.0.6 names a line up to one before the bracket (the line
// of the mapping that holds it), so the line is moved to the first line
// from there on that leaves a bracket of that kind open: the one a user
// must fix.
func YAMLSyntax(msg string, src []byte) (line int, text string, ok bool) {
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return 0, strings.TrimPrefix(msg, "yaml: "), false
	}
	line, _ = strconv.Atoi(m[1])
	text = m[2]
	for open, close := range map[byte]byte{'[': ']', '{': '}'} {
		if strings.HasPrefix(text, "did not find expected ',' or '"+string(close)+"'") {
			line = unclosedFrom(src, line, open, close)
		}
	}
	return line, text, true
}

// unclosedFrom returns the first line at or after from (1-based) on which
// more open than close brackets stand, or from when there is none.
func unclosedFrom(src []byte, from int, open, close byte) int {
	lines := bytes.Split(src, []byte("\n"))
	for i := from - 1; i >= 0 && i < len(lines); i++ {
		if bytes.Count(lines[i], []byte{open}) > bytes.Count(lines[i], []byte{close}) {
			return i + 1
		}
	}
	return from
}
