package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// Issue 12 item 15: quotes and symbols as kramdown (Jekyll's converter)
// writes them, Korean included; never inside code, math or raw HTML.
func TestKramdownTypography(t *testing.T) {
	typo, problems := KramdownTypography(map[string]any{})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	p := New(Options{Typography: typo})
	for src, want := range map[string]string{
		`"인용"은 중요하다`:                    "<p>“인용”은 중요하다</p>\n",
		`**"인용"**은 굵게`:                  "<p><strong>“인용”</strong>은 굵게</p>\n",
		`이건 **'따옴표'**다`:                 "<p>이건 <strong>‘따옴표’</strong>다</p>\n",
		"It's a 'test', \"really\".":    "<p>It’s a ‘test’, “really”.</p>\n",
		"in the '80s":                   "<p>in the ’80s</p>\n",
		"2020--2021, 그리고---이것... 끝":     "<p>2020–2021, 그리고—이것… 끝</p>\n",
		"<<인용>>":                        "<p>«인용»</p>\n",
		"`\"code\" -- ...` 그대로":         "<p><code>&quot;code&quot; -- ...</code> 그대로</p>\n",
		"$$\"x\" -- y$$ 수식":             "<p><span class=\"math inline\">\\(&quot;x&quot; -- y\\)</span> 수식</p>\n",
		`<span title="a--b">"x"</span>`: "<p><span title=\"a--b\">“x”</span></p>\n",
		"\"줄 시작":                        "<p>“줄 시작</p>\n",
	} {
		var out bytes.Buffer
		doc := p.Parse([]byte(src))
		if err := p.HTMLRenderer().Render(&out, []byte(src), doc); err != nil {
			t.Fatal(err)
		}
		if out.String() != want {
			t.Errorf("%s\n got %q\nwant %q", src, out.String(), want)
		}
	}
}

func TestKramdownTypographySettings(t *testing.T) {
	if typo, _ := KramdownTypography(map[string]any{"markdown": "CommonMarkGhPages"}); typo != nil {
		t.Error("a site not on kramdown gets kramdown's typography")
	}
	typo, problems := KramdownTypography(map[string]any{"kramdown": map[string]any{
		"smart_quotes":        "apos,apos,quot,quot",
		"typographic_symbols": map[string]any{"hellip": "...", "mdash": "&#8213;", "bogus": "x"},
	}})
	if len(problems) != 1 || !strings.Contains(problems[0], "bogus") {
		t.Errorf("problems %q", problems)
	}
	p := New(Options{Typography: typo})
	var out bytes.Buffer
	src := []byte(`"a" 'b' c... d---e f--g`)
	_ = p.HTMLRenderer().Render(&out, src, p.Parse(src))
	if want := "<p>&quot;a&quot; 'b' c... d―e f–g</p>\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}
