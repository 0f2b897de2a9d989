package source

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hangul-press/publish/pkg/diag"
)

// bombCap is the memory a post may allocate in all (every allocation
// counted, not only the peak) while its Liquid runs out of budget. The
// budget allows 8 MiB of text; the copies that strings, buffers and lists
// make stay well under this. Without a budget these posts allocate
// gigabytes or run for hours.
const bombCap = 192 << 20

// readBounded reads a post and fails when reading it allocates more than
// bombCap bytes.
func readBounded(t *testing.T, src string, files MemFiles) (*Post, []diag.Diagnostic) {
	t.Helper()
	var diags diag.List
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p, err := Read("_posts/2020-01-01-bomb.md", []byte(src), nil, Options{Files: files, Dir: "/s/_posts"}, &diags)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > bombCap {
		t.Errorf("reading allocated %d MiB, more than the cap of %d MiB", n>>20, bombCap>>20)
	}
	return p, diags.Items()
}

// checkOverrun checks that a post stopped at the piece that starts at
// line:col: one warning there that names the budget (and the construct
// inside, when given), the text before evaluated as want says, and the
// text from the piece on kept as written.
func checkOverrun(t *testing.T, p *Post, items []diag.Diagnostic, src, before string, line, col int, budget, inner string) {
	t.Helper()
	var found []diag.Diagnostic
	for _, d := range items {
		if strings.Contains(d.Message, "in this post") {
			found = append(found, d)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one budget warning, got %v", items)
	}
	d := found[0]
	if d.Pos.Line != line || d.Pos.Col != col || d.Severity != diag.Warning ||
		!strings.Contains(d.Message, budget) || !strings.HasSuffix(d.Message, "the rest of the post is kept as written") {
		t.Errorf("warning %v, want one at %d:%d about %q", d, line, col, budget)
	}
	if inner != "" && !strings.Contains(d.Message, "(at "+inner+")") {
		t.Errorf("warning %v does not name %s", d, inner)
	}
	rest := src[lineColOffset(src, line, col):]
	if string(p.Body) != before+rest {
		t.Errorf("body %.200q…, want %.80q then the rest as written", p.Body, before)
	}
}

// lineColOffset is the byte offset of line:col (col in characters).
func lineColOffset(src string, line, col int) int {
	off := 0
	for range line - 1 {
		off += strings.IndexByte(src[off:], '\n') + 1
	}
	for range col - 1 {
		_, n := utf8.DecodeRuneInString(src[off:])
		off += n
	}
	return off
}

// TestIssue11Item1LiquidBudget is issue 11 item 1: Liquid that would
// grow without end or loop for hours stops at a budget, with a warning at
// the piece where it ran out, the text before it evaluated, the text from
// there on kept as written, and memory under a cap.
func TestIssue11Item1LiquidBudget(t *testing.T) {
	const loops10 = "{% for a in xs %}{% for b in xs %}{% for c in xs %}{% for d in xs %}{% for e in xs %}{% for f in xs %}.{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}"
	tests := []struct {
		name, src, before string
		line, col         int
		budget, inner     string
	}{{
		name:   "capture doubling",
		src:    "앞 {{ page.slug }}\n{% assign s = \"ab\" %}\n" + strings.Repeat("{% capture s %}{{ s }}{{ s }}{% endcapture %}\n", 34) + "뒤 {{ s | size }}\n",
		before: "앞 bomb\n\n" + strings.Repeat("\n", 21),
		line:   24, col: 1, budget: "MiB of text", inner: "_posts/2020-01-01-bomb.md:24:16",
	}, {
		name:   "assign doubling",
		src:    "{% assign s = \"가\" %}\n" + strings.Repeat("{% assign s = s | append: s %}\n", 40) + "뒤\n",
		before: strings.Repeat("\n", 20),
		line:   21, col: 1, budget: "MiB of text",
	}, {
		name:   "inspect doubling",
		src:    "{% assign s = '\"' %}" + strings.Repeat("{% assign s = s | inspect %}", 40),
		before: "",
		line:   1, col: 20 + 28*19 + 1, budget: "MiB of text",
	}, {
		name:   "replace squaring",
		src:    "{% assign s = \"" + strings.Repeat("a", 64) + "\" %}" + strings.Repeat("{% assign s = s | replace: 'a', s %}", 5),
		before: "",
		line:   1, col: 84 + 36, budget: "MiB of text", // 64² bytes are made, 4096² are not
	}, {
		name:   "range into a list",
		src:    "앞 {{ (1..3) | join: ',' }} {{ (1..1000000000) | join: ',' }} 뒤",
		before: "앞 1,2,3 ",
		line:   1, col: 28, budget: "MiB of text",
	}, {
		name:   "strftime padding",
		src:    "{{ page.date | date: '%Y' }} {{ page.date | date: '" + strings.Repeat("%999999d", 20) + "' }}",
		before: "2020 ",
		line:   1, col: 30, budget: "MiB of text",
	}, {
		name:   "range over a variable",
		src:    "{% assign n = 1000000000 %}{% for i in (1..n) %}x{% endfor %}",
		before: "",
		line:   1, col: 28, budget: "100000 loop iterations",
	}, {
		name:   "front matter list, nested",
		src:    "---\nxs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n---\n{% assign xs = page.xs %}" + loops10,
		before: "",
		// 1 + 9 × 11111 iterations, then the tenth b runs out
		line: 4, col: 26, budget: "100000 loop iterations", inner: "_posts/2020-01-01-bomb.md:4:43",
	}, {
		name:   "split list, nested",
		src:    "{% assign xs = \"a,b,c,d,e,f,g,h,i,j\" | split: \",\" %}\n" + loops10,
		before: "\n",
		line:   2, col: 1, budget: "100000 loop iterations", inner: "_posts/2020-01-01-bomb.md:2:18",
	}, {
		name:   "many loops in a row",
		src:    strings.Repeat("{% for i in (1..999) %}x{% endfor %}\n", 200),
		before: strings.Repeat(strings.Repeat("x", 999)+"\n", 100),
		line:   101, col: 1, budget: "100000 loop iterations",
	}, {
		name:   "comparisons in a loop",
		src:    "{% capture s %}" + strings.Repeat("가나다라", 1<<16) + "{% endcapture %}{% for i in (1..10000) %}{% if s contains \"없음\" %}!{% endif %}{% endfor %}",
		before: "",
		line:   1, col: 15 + 1<<18 + 16 + 1, budget: "MiB of text",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, items := readBounded(t, tt.src, nil)
			checkOverrun(t, p, items, tt.src, tt.before, tt.line, tt.col, tt.budget, tt.inner)
		})
	}
}

// TestIssue11Item2IncludeFanOut is issue 11 item 2: include_relative
// nests at most 8 deep, but a file that includes itself six times, or a
// 32 KB file included three times by itself, would still make millions
// of inclusions; the number of inclusions and their bytes are counted.
func TestIssue11Item2IncludeFanOut(t *testing.T) {
	self := strings.Repeat("{% include_relative a.md %}\n", 6)
	self += strings.Repeat("가", (200-len(self))/3)
	fan := strings.Repeat("{% include_relative b.md %}", 3) + strings.Repeat("나", 32<<10/3)
	post := "앞 {{ page.slug }}\n{% include_relative a.md %}\n뒤 {{ page.slug }}\n"
	for name, files := range map[string]MemFiles{
		"self, six times": {"/s/_posts/a.md": []byte(self)},
		"32 KB, three times": {"/s/_posts/a.md": []byte(strings.Repeat("{% include_relative b.md %}", 3)),
			"/s/_posts/b.md": []byte(fan)},
	} {
		t.Run(name, func(t *testing.T) {
			p, items := readBounded(t, post, files)
			checkOverrun(t, p, items, post, "앞 bomb\n", 2, 1, fmt.Sprintf("more than %d inclusions (include and include_relative)", maxIncludes), "")
		})
	}
	// Fewer, larger files run out of bytes first.
	big := MemFiles{"/s/_posts/a.md": []byte(strings.Repeat("{% include_relative b.md %}", 3)),
		"/s/_posts/b.md": []byte(strings.Repeat("다", 3<<20/3))}
	p, items := readBounded(t, post, big)
	checkOverrun(t, p, items, post, "앞 bomb\n", 2, 1, "MiB of included files", "_posts/a.md:1:55")
}
