package diag

import (
	"regexp"
	"strconv"
	"strings"
)

// yamlLine matches a yaml.v3 syntax error, which names a line but no column.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// YAMLSyntax splits a go.yaml.in/yaml/v3 syntax error message into its
// 1-based line and the message text. ok is false when the message names no
// line. yaml.v3 numbers a few messages (an unclosed flow list or mapping, a
// missing key or '-') with the 0-based line of the construct it was
// parsing, as checked with v3.0.6; those are corrected here so that the
// manifest and front-matter readers report the same lines.
func YAMLSyntax(msg string) (line int, text string, ok bool) {
	m := yamlLine.FindStringSubmatch(msg)
	if m == nil {
		return 0, strings.TrimPrefix(msg, "yaml: "), false
	}
	line, _ = strconv.Atoi(m[1])
	for _, p := range []string{"did not find expected ',' or", "did not find expected key", "did not find expected '-'"} {
		if strings.HasPrefix(m[2], p) {
			line++
		}
	}
	return line, m[2], true
}
