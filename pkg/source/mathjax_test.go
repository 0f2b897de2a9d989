package source

import (
	"reflect"
	"testing"
)

// Configurations as Korean blogs write them (made up for the test, in the
// shapes of the TeXt, Minimal Mistakes and hand-made setups).
func TestDetectMath(t *testing.T) {
	mathjax3 := `{% if page.use_math %}
<script>
window.MathJax = {
  tex: {
    inlineMath: [['$', '$'], ['\\(', '\\)']],
    tags: 'ams',
    macros: {
      RR: "\\mathbb{R}",
      norm: ["\\left\\lVert #1 \\right\\rVert", 1],
    }
  }
};
</script>
<script src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js"></script>
{% endif %}`
	mathjax2 := `<script type="text/x-mathjax-config">
MathJax.Hub.Config({ tex2jax: { inlineMath: [['$','$']] }, TeX: { equationNumbers: { autoNumber: "AMS" } } });
</script>
<script src="https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/MathJax.js"></script>`
	katex := `<script defer src="katex/auto-render.min.js" onload="renderMathInElement(document.body, {delimiters: [{left: '$$', right: '$$', display: true}, {left: '$', right: '$', display: false}]});"></script>`
	plain := `<script src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml.js"></script>`
	tests := []struct {
		name      string
		templates map[string][]byte
		config    map[string]any
		want      MathConfig
	}{
		{"mathjax 3 gated", map[string][]byte{"_includes/head.html": []byte(mathjax3)}, nil,
			MathConfig{Found: "_includes/head.html", InlineDollar: true, Numbered: true, Gate: "page.use_math",
				Macros: []MathMacro{{Name: "RR", Body: `\mathbb{R}`}, {Name: "norm", Body: `\left\lVert #1 \right\rVert`, Args: 1}}}},
		{"mathjax 2 included under a condition", map[string][]byte{
			"_includes/mathjax.html": []byte(mathjax2),
			"_layouts/post.html":     []byte("<body>{% if site.math or page.math %}{% include mathjax.html %}{% endif %}</body>"),
		}, nil, MathConfig{Found: "_includes/mathjax.html", InlineDollar: true, Numbered: true, Gate: "site.math or page.math"}},
		{"katex", map[string][]byte{"_includes/katex.html": []byte(katex)}, nil,
			MathConfig{Found: "_includes/katex.html", InlineDollar: true}},
		{"mathjax defaults: no single dollars", map[string][]byte{"_layouts/default.html": []byte(plain)}, nil,
			MathConfig{Found: "_layouts/default.html"}},
		{"TeXt theme", nil, map[string]any{"remote_theme": "kitian616/jekyll-TeXt-theme"},
			MathConfig{Found: "_config.yml (TeXt theme)", InlineDollar: true, Gate: "site.mathjax or page.mathjax"}},
		{"Chirpy theme", nil, map[string]any{"theme": "jekyll-theme-chirpy"},
			MathConfig{Found: "_config.yml (Chirpy theme)", InlineDollar: true, Numbered: true, Gate: "page.math"}},
		{"Chirpy's repository copied (no theme, its theme_mode)", nil, map[string]any{"theme_mode": nil},
			MathConfig{Found: "_config.yml (Chirpy theme)", InlineDollar: true, Numbered: true, Gate: "page.math"}},
		{"Chirpy theme, the site's own MathJax wins", map[string][]byte{"_includes/katex.html": []byte(katex)},
			map[string]any{"remote_theme": "cotes2020/jekyll-theme-chirpy"},
			MathConfig{Found: "_includes/katex.html", InlineDollar: true}},
		{"none", map[string][]byte{"_layouts/default.html": []byte("<p>no math here</p>")}, nil, MathConfig{}},
	}
	for _, tc := range tests {
		if got := DetectMath(tc.templates, tc.config); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", tc.name, got, tc.want)
		}
	}
}

func TestMathGate(t *testing.T) {
	for _, tc := range []struct {
		gate   string
		front  map[string]any
		config map[string]any
		want   bool
	}{
		{"", nil, nil, true},
		{"page.use_math", map[string]any{"use_math": true}, nil, true},
		{"page.use_math", nil, nil, false},
		{"page.use_math", map[string]any{"use_math": false}, nil, false},
		{"site.math or page.math", nil, map[string]any{"math": true}, true},
		{"site.math or page.math", map[string]any{"math": true}, nil, true},
		{"site.math and page.math", map[string]any{"math": true}, nil, false},
		{"page.mathjax == true", map[string]any{"mathjax": true}, nil, true},
		{"page.mathjax != false", nil, nil, true},
		{"not page.nomath", map[string]any{"nomath": true}, nil, false},
		{"jekyll.environment == 'production'", nil, nil, true}, // unknown: not a reason to hide math
	} {
		c := MathConfig{Found: "x", Gate: tc.gate}
		if got := c.On(tc.front, tc.config); got != tc.want {
			t.Errorf("gate %q front %v site %v: %v, want %v", tc.gate, tc.front, tc.config, got, tc.want)
		}
	}
	if (MathConfig{}).On(nil, nil) {
		t.Error("no configuration, but math on")
	}
}

func FuzzReadMacros(f *testing.F) {
	f.Add(`macros: { a: "\\x", b: ["#1", 1], c: 'y' }`)
	f.Add(`Macros: { a: [`)
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range readMacros(s) {
			if m.Name == "" || m.Args < 0 {
				t.Fatalf("%+v", m)
			}
		}
	})
}
