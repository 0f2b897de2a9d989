package source

import (
	"bytes"
	"regexp"
	"strings"
)

// tokKind is the kind of one Liquid token.
type tokKind int

const (
	tokText   tokKind = iota // plain text
	tokObject                // {{ … }}
	tokTag                   // {% … %}
	tokRaw                   // {% raw %}…{% endraw %}, or to the end when unclosed
	tokBad                   // a {{ or {% that is never closed
)

// token is one piece of the body, with byte offsets into the source.
type token struct {
	kind         tokKind
	start, end   int
	inner        [2]int // raw: the verbatim text between the tags
	name, args   string // tags: the tag name and the rest
	trimL, trimR bool   // {%- and -%}: Liquid's whitespace control
	closed       bool   // raw: whether {% endraw %} was found
}

// endRawRE finds the tag that ends a raw block.
var endRawRE = regexp.MustCompile(`\{%-?\s*endraw\s*-?%\}`)

// tokenizer splits source text into Liquid tokens. It remembers when a
// closing "}}" or "%}" no longer occurs, so that hostile input (a line of
// ten thousand "{{") costs linear time.
type tokenizer struct {
	src             []byte
	end             int
	noObjEnd, noTag bool
	toks            []token
}

// tokenize splits src[from:to] into tokens.
func tokenize(src []byte, from, to int) []token {
	t := &tokenizer{src: src, end: to}
	text := from
	for i := from; i+1 < to; {
		j := bytes.IndexByte(src[i:to-1], '{')
		if j < 0 {
			break
		}
		i += j
		if c := src[i+1]; c != '{' && c != '%' {
			i++
			continue
		}
		t.add(token{kind: tokText, start: text, end: i})
		i = t.open(i)
		text = i
	}
	t.add(token{kind: tokText, start: text, end: to})
	return t.toks
}

func (t *tokenizer) add(tok token) {
	if tok.kind != tokText || tok.start < tok.end {
		t.toks = append(t.toks, tok)
	}
}

// open reads the token that starts at i with "{{" or "{%"; it returns
// the offset after it.
func (t *tokenizer) open(i int) int {
	if t.src[i+1] == '{' {
		return t.object(i)
	}
	return t.tag(i)
}

func (t *tokenizer) object(i int) int {
	k := -1
	if !t.noObjEnd {
		k = bytes.Index(t.src[i+2:t.end], []byte("}}"))
	}
	if k < 0 {
		t.noObjEnd = true
		if i+2 < t.end && t.src[i+2] == '%' {
			// "{{%": the Liquid library reads a tag from the second brace
			t.add(token{kind: tokBad, start: i, end: i + 1, name: "{{"})
			return i + 1
		}
		t.add(token{kind: tokBad, start: i, end: i + 2, name: "{{"})
		return i + 2
	}
	end := i + 2 + k + 2
	body := string(t.src[i+2 : end-2])
	t.add(token{kind: tokObject, start: i, end: end,
		trimL: strings.HasPrefix(body, "-"), trimR: strings.HasSuffix(body, "-")})
	return end
}

func (t *tokenizer) tag(i int) int {
	k := -1
	if !t.noTag {
		k = bytes.Index(t.src[i+2:t.end], []byte("%}"))
	}
	if k < 0 {
		t.noTag = true
		t.add(token{kind: tokBad, start: i, end: i + 2, name: "{%"})
		return i + 2
	}
	end := i + 2 + k + 2
	tok := parseTag(string(t.src[i+2:end-2]), i, end)
	if tok.name == "raw" {
		return t.raw(tok)
	}
	t.add(tok)
	return end
}

// parseTag splits the inside of {% … %} into name and arguments.
func parseTag(body string, start, end int) token {
	tok := token{kind: tokTag, start: start, end: end}
	if strings.HasPrefix(body, "-") {
		tok.trimL, body = true, body[1:]
	}
	if strings.HasSuffix(body, "-") {
		tok.trimR, body = true, body[:len(body)-1]
	}
	body = strings.TrimSpace(body)
	tok.name, tok.args, _ = strings.Cut(body, " ")
	if i := strings.IndexAny(tok.name, "\t\n\r"); i >= 0 {
		tok.name, tok.args = body[:i], body[i+1:]
	}
	tok.args = strings.TrimSpace(tok.args)
	return tok
}

// raw finds the end of a raw block. Unclosed, the rest of the text is
// kept verbatim: that is what its author wanted protected.
func (t *tokenizer) raw(open token) int {
	open.kind, open.inner[0] = tokRaw, open.end
	loc := endRawRE.FindIndex(t.src[open.end:t.end])
	if loc == nil {
		open.inner[1], open.end = t.end, t.end
		t.add(open)
		return t.end
	}
	open.closed = true
	open.inner[1] = open.end + loc[0]
	open.end += loc[1]
	open.trimR = bytes.HasSuffix(t.src[open.inner[1]:open.end], []byte("-%}"))
	t.add(open)
	return open.end
}
