package epub

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestDeepNesting: raw HTML or Markdown nested deeper than the limit is
// flattened with one warning at the post's line, and no text is lost
// (issue 11 item 8: x/net/html's limit of 512 open elements used to empty
// the whole chapter without a word).
func TestDeepNesting(t *testing.T) {
	deepList := func(levels int) string {
		var b strings.Builder
		for i := range levels {
			fmt.Fprintf(&b, "%s- 항목%d\n", strings.Repeat("  ", i), i)
		}
		return b.String()
	}
	var fonts strings.Builder
	for i := range 600 {
		fmt.Fprintf(&fonts, "<font color=\"red\">빨강%d\n\n", i)
	}
	tests := []struct {
		name, md  string
		texts     []string
		warnLine  int // 0: no warning
		wantDepth int // at most
	}{
		{"510 unclosed spans", "첫 줄\n\n" + strings.Repeat("<span>", 510) + "깊은<br>글\n\n끝 문단\n",
			[]string{"첫 줄", "깊은<br/>글", "끝 문단"}, 3, maxDepth + 2},
		{"600 paragraphs each with an unclosed font", fonts.String(),
			[]string{"빨강0", "빨강321", "빨강599"}, 0, 4},
		{"a 260-deep list and one bold", deepList(260) + "\n<b>굵게</b> 끝\n",
			[]string{"항목0", "항목150", "항목259", "굵게"}, 101, maxDepth + requiredSlack + 2},
		{"600 nested divs in an HTML block", strings.Repeat("<div>", 600) + "안쪽\n",
			[]string{"안쪽"}, 1, maxDepth + 2},
		// Block quotes 400 deep on one line never reach the writer: the
		// Markdown parser's limits leave such a line out, with a warning
		// from book.Load (pkg/markdown/limits.go).
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, diags := renderMarkdown(t, tt.md)
			for _, s := range tt.texts {
				if !strings.Contains(out, s) {
					t.Errorf("text %q lost", s)
				}
			}
			if d := depth(t, out); d > tt.wantDepth {
				t.Errorf("nested %d deep, want at most %d", d, tt.wantDepth)
			}
			want := ""
			if tt.warnLine > 0 {
				want = fmt.Sprintf("post.md:%d:", tt.warnLine)
			}
			switch {
			case want == "" && diags != "":
				t.Errorf("unexpected messages:\n%s", diags)
			case want != "" && (!strings.HasPrefix(diags, want) || !strings.Contains(diags, "flattened") || strings.Count(diags, "\n") != 1):
				t.Errorf("want one warning at %s, got:\n%s", want, diags)
			}
		})
	}
}

// depth is how deep the elements of an XHTML fragment nest.
func depth(t *testing.T, frag string) int {
	d := xml.NewDecoder(strings.NewReader("<body>" + frag + "</body>"))
	n, most := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return most - 1
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch tok.(type) {
		case xml.StartElement:
			n++
			most = max(most, n)
		case xml.EndElement:
			n--
		}
	}
}
