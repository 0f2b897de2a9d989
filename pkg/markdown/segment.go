package markdown

import "github.com/yuin/goldmark/text"

// sourceOffset converts index i into a line returned by PeekLine into an
// offset in the source. When a tab is only partly used up by a container
// (">\tx"), goldmark's readers put the rest of it in front of the line as
// seg.Padding spaces that are not in the source.
func sourceOffset(seg text.Segment, i int) int {
	return seg.Start + max(i-seg.Padding, 0)
}

// sourceSegment returns the part [i, j) of the peeked line seg, as a
// segment of the source with no padding.
func sourceSegment(seg text.Segment, i, j int) text.Segment {
	return text.NewSegment(sourceOffset(seg, i), sourceOffset(seg, j))
}
