package source

import "sort"

// chunk says where one stretch of output came from. A literal chunk was
// copied from the source, so its bytes map one for one; a generated chunk
// (the value of a {{ }}, a tag's output) maps to the start of the Liquid
// that made it.
type chunk struct {
	out     int // offset in the output where the chunk starts
	src     int // offset in the source
	literal bool
}

// builder collects output text together with its offset map.
type builder struct {
	buf    []byte
	chunks []chunk
}

// literal copies src[start:end] to the output. The first piece is not
// copied: the output starts as that slice of src, its capacity cut to its
// length so that the next piece's append copies it into a buffer of its
// own. A post without Liquid (most are) thus shares its file's bytes,
// which nothing writes to, instead of holding them twice.
func (b *builder) literal(src []byte, start, end int) {
	if start >= end {
		return
	}
	b.chunks = append(b.chunks, chunk{out: len(b.buf), src: start, literal: true})
	if len(b.buf) == 0 {
		b.buf = src[start:end:end]
		return
	}
	b.buf = append(b.buf, src[start:end]...)
}

// generated appends text that Liquid made at source offset at.
func (b *builder) generated(text string, at int) {
	if text == "" {
		return
	}
	b.chunks = append(b.chunks, chunk{out: len(b.buf), src: at})
	b.buf = append(b.buf, text...)
}

// append adds everything another builder collected over the same source.
func (b *builder) append(o *builder) {
	for _, c := range o.chunks {
		c.out += len(b.buf)
		b.chunks = append(b.chunks, c)
	}
	b.buf = append(b.buf, o.buf...)
}

// endsLine reports whether the output is empty or ends with a newline.
func (b *builder) endsLine() bool {
	return len(b.buf) == 0 || b.buf[len(b.buf)-1] == '\n'
}

// srcOffset maps an output offset to a source offset; fallback is used
// when nothing was written.
func srcOffset(chunks []chunk, off, fallback int) int {
	i := sort.Search(len(chunks), func(i int) bool { return chunks[i].out > off }) - 1
	if i < 0 {
		return fallback
	}
	c := chunks[i]
	if !c.literal {
		return c.src
	}
	return c.src + off - c.out
}
