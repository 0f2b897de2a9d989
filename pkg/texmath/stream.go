package texmath

// Budgets for one formula, so that a hostile formula (a recursive macro,
// a megabyte of braces) ends with a problem instead of hanging or
// exhausting memory. Real formulas from the blogs this tool reads stay far
// below them: the longest of 4,000 display formulas was under 3 KB.
const (
	// MaxInput is the longest TeX source Parse accepts, in bytes.
	MaxInput = 32 << 10
	// MaxExpansions is the most macro expansions in one formula.
	MaxExpansions = 4096
	// MaxTokens is the most tokens macro expansion may produce in one
	// formula.
	MaxTokens = 1 << 16
	// MaxDepth is the deepest nesting of groups and constructs.
	MaxDepth = 128
)

// frame is a list of tokens being read: the source, or a macro's
// expansion.
type frame struct {
	toks []token
	i    int
}

// stream hands out the tokens of a formula with user macros expanded.
type stream struct {
	frames     []frame
	macros     *Macros
	expansions int
	produced   int
	dead       bool // a budget ran out: the rest of the input is dropped
	lastEnd    int  // end offset of the last token taken
	p          *parser
}

// rawNext returns the next token without expanding it.
func (s *stream) rawNext() (token, bool) {
	for len(s.frames) > 0 && !s.dead {
		top := &s.frames[len(s.frames)-1]
		if top.i < len(top.toks) {
			t := top.toks[top.i]
			top.i++
			s.lastEnd = t.end
			return t, true
		}
		s.frames = s.frames[:len(s.frames)-1]
	}
	return token{}, false
}

// rawPeek returns the next token without taking or expanding it.
func (s *stream) rawPeek() (token, bool) {
	for i := len(s.frames) - 1; i >= 0 && !s.dead; i-- {
		if f := s.frames[i]; f.i < len(f.toks) {
			return f.toks[f.i], true
		}
	}
	return token{}, false
}

// push puts tokens back in front of the stream.
func (s *stream) push(toks []token) {
	for len(s.frames) > 0 {
		top := s.frames[len(s.frames)-1]
		if top.i < len(top.toks) {
			break
		}
		s.frames = s.frames[:len(s.frames)-1] // drop finished frames: keeps recursion flat
	}
	if len(toks) > 0 {
		s.frames = append(s.frames, frame{toks: toks})
	}
}

// peek returns the next token after expanding any macros at the head of
// the stream.
func (s *stream) peek() (token, bool) {
	for {
		t, ok := s.rawPeek()
		if !ok || t.kind != tCmd {
			return t, ok
		}
		m := s.macros.defs[t.text]
		if m == nil {
			return t, true
		}
		s.rawNext()
		s.expand(t, m)
	}
}

// next returns the next token, expanded.
func (s *stream) next() (token, bool) {
	t, ok := s.peek()
	if ok {
		s.rawNext()
	}
	return t, ok
}

// expand replaces a macro call by its body with the arguments substituted.
// The body's tokens take the call's position, so that problems inside an
// expansion point at the call.
func (s *stream) expand(call token, m *macro) {
	s.expansions++
	if s.expansions > MaxExpansions {
		s.p.problem(call.pos, call.end, "too many macro expansions (is \\"+call.text+" recursive?)")
		s.dead = true
		return
	}
	args := make([][]token, m.nargs)
	for i := range m.nargs {
		if i == 0 && m.hasOp {
			if opt, ok := s.readOptionalRaw(); ok {
				args[0] = opt
			} else {
				args[0] = nil // the default comes from the definition: placed below
			}
			continue
		}
		arg, ok := s.readArgRaw()
		if !ok {
			s.p.problem(call.pos, call.end, "\\"+call.text+" needs "+itoa(m.nargs)+" arguments")
			return
		}
		args[i] = arg
	}
	// The body's tokens span the whole call, arguments included, so that
	// a group opened in the body and closed in an argument (or the other
	// way round) still has its start before its end.
	end := max(call.end, s.lastEnd)
	out := make([]token, 0, len(m.body))
	for _, t := range m.body {
		if t.kind == tParam {
			i := t.text[0] - '1'
			if i == 0 && m.hasOp && args[0] == nil {
				for _, d := range m.opt {
					d.pos, d.end = call.pos, end
					out = append(out, d)
				}
				continue
			}
			out = append(out, args[i]...)
			continue
		}
		t.pos, t.end = call.pos, end
		out = append(out, t)
	}
	s.produced += len(out)
	if s.produced > MaxTokens {
		s.p.problem(call.pos, call.end, "macro expansion too large (is \\"+call.text+" recursive?)")
		s.dead = true
		return
	}
	s.push(out)
}

// readArgRaw reads one undelimited macro argument without expanding it: a
// braced group (without its braces) or a single token.
func (s *stream) readArgRaw() ([]token, bool) {
	t, ok := s.skipSpaceRaw()
	if !ok || t.kind == tEnd {
		return nil, false
	}
	s.rawNext()
	if t.kind != tBegin {
		return []token{t}, true
	}
	return s.readBalancedRaw(t)
}

// readBalancedRaw reads up to the } that closes open, without expanding.
func (s *stream) readBalancedRaw(open token) ([]token, bool) {
	var out []token
	depth := 0
	for {
		t, ok := s.rawNext()
		if !ok {
			s.p.problem(open.pos, open.end, "unclosed {")
			return out, false
		}
		switch t.kind {
		case tBegin:
			depth++
		case tEnd:
			if depth == 0 {
				return out, true
			}
			depth--
		}
		out = append(out, t)
	}
}

// readOptionalRaw reads a [bracketed] argument if one follows.
func (s *stream) readOptionalRaw() ([]token, bool) {
	t, ok := s.skipSpaceRaw()
	if !ok || t.kind != tChar || t.text != "[" {
		return nil, false
	}
	s.rawNext()
	var out []token
	depth := 0
	for {
		t, ok := s.rawNext()
		if !ok {
			return out, true
		}
		switch {
		case t.kind == tBegin:
			depth++
		case t.kind == tEnd:
			depth--
		case depth == 0 && t.kind == tChar && t.text == "]":
			return out, true
		}
		out = append(out, t)
	}
}

// skipSpaceRaw drops space tokens and peeks at the next one.
func (s *stream) skipSpaceRaw() (token, bool) {
	for {
		t, ok := s.rawPeek()
		if !ok || t.kind != tSpace {
			return t, ok
		}
		s.rawNext()
	}
}

// itoa formats a small non-negative integer.
func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
