package markdown

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// kramdown writes a table as lines that start with a pipe; the separator
// line under a header row is optional ("| a | b |" lines alone make a
// table of body rows, kramdown's syntax documentation, "Tables"). GFM
// needs the separator, so goldmark leaves such lines a paragraph of pipe
// text. pipeTableTransformer runs after GFM's table transformer and turns
// a paragraph whose every line is a table row into a table without a
// header row. Cells are split at pipes not escaped with a backslash, as
// GFM splits them; a cell's text is parsed as inline Markdown. Lines
// that look like separators (|---|:--:|) are dropped, since without a
// header row above them they separate nothing.
type pipeTableTransformer struct{}

// pipeTablePriority runs the transformer after GFM's table transformer
// (200), which takes paragraphs that have a separator line.
const pipeTablePriority = 300

// maxPipeColumns bounds the columns of such a table: a line of ten
// thousand pipes is not a table anyone reads, and each cell is a node.
const maxPipeColumns = 64

// pipeSeparator matches a separator line: |---|:--:|--:|.
var pipeSeparator = regexp.MustCompile(`^\|?(\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?\s*$`)

// Transform implements parser.ParagraphTransformer.
func (pipeTableTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := node.Lines()
	if lines.Len() == 0 || node.Parent() == nil {
		return
	}
	var rows [][]text.Segment
	split := false
	for i := range lines.Len() {
		seg := lines.At(i)
		line := seg.Value(src)
		trimmed := bytes.TrimLeft(line, " ")
		if len(line)-len(trimmed) > 3 || len(trimmed) == 0 || trimmed[0] != '|' {
			return
		}
		if pipeSeparator.Match(bytes.TrimRight(trimmed, "\r\n")) {
			continue
		}
		cells := pipeCells(src, seg)
		if len(cells) > maxPipeColumns {
			return
		}
		split = split || len(cells) > 1 || hasClosingPipe(trimmed)
		rows = append(rows, cells)
	}
	if len(rows) == 0 || !split {
		return
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	table := east.NewTable()
	table.Alignments = make([]east.Alignment, cols)
	for i := range table.Alignments {
		table.Alignments[i] = east.AlignNone
	}
	table.SetPos(node.Pos())
	for _, cells := range rows {
		row := east.NewTableRow(table.Alignments)
		for c := range cols {
			cell := east.NewTableCell()
			if c < len(cells) {
				cell.Lines().Append(cells[c])
			}
			row.AppendChild(row, cell)
		}
		table.AppendChild(table, row)
	}
	node.Parent().ReplaceChild(node.Parent(), node, table)
}

// hasClosingPipe reports whether a row line that starts with a pipe has
// another one after it: "| a |" is a row; "| a" alone is one only beside
// rows that have cells.
func hasClosingPipe(line []byte) bool {
	return bytes.IndexByte(bytes.TrimRight(line, " \t\r\n")[1:], '|') >= 0
}

// pipeCells splits a row line into the segments of its cells, trimmed of
// spaces: between the leading pipe, the unescaped pipes and the closing
// pipe, which may be left out.
func pipeCells(src []byte, seg text.Segment) []text.Segment {
	seg = seg.TrimLeftSpace(src)
	seg = seg.TrimRightSpace(src)
	line := seg.Value(src)
	start, stop := 1, len(line) // after the leading pipe
	if stop > start && line[stop-1] == '|' && (stop < 2 || line[stop-2] != '\\') {
		stop--
	}
	var cells []text.Segment
	from := start
	for i := start; i <= stop; i++ {
		if i < stop && (line[i] != '|' || line[i-1] == '\\') {
			continue
		}
		cell := text.NewSegment(seg.Start+from, seg.Start+i)
		cell = cell.TrimLeftSpace(src)
		cells = append(cells, cell.TrimRightSpace(src))
		from = i + 1
	}
	return cells
}
