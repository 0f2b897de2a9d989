package epub

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/hangul-press/publish/pkg/svg"
)

const svgHead = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`

func TestSanitizeSVG(t *testing.T) {
	tests := []struct {
		name, in string
		keep     []string // in the output
		lose     []string // not in the output
		removed  string   // in the list of what was removed; "" for nothing
	}{
		{"clean drawing", svgHead + `<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>` +
			`<rect width="10" height="10" fill="url(#g)" style="stroke: red"/><use xlink:href="#g"/><text x="1">가 &amp; b</text></svg>`,
			[]string{`fill="url(#g)"`, `style="stroke: red"`, `xlink:href="#g"`, "가 &amp; b"}, nil, ""},
		{"editor metadata goes without a word", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" inkscape:version="1.0"><sodipodi:namedview/><metadata><x/></metadata><path d="M0 0"/></svg>`,
			[]string{`<path d="M0 0"></path>`}, []string{"inkscape", "sodipodi", "metadata"}, ""},
		{"script and handlers", svgHead + `<script>alert(1)</script><rect onclick="x()" width="1"/></svg>`,
			[]string{`<rect width="1">`}, []string{"script", "alert", "onclick"}, "<script>"},
		// issue 11 item 9
		{"style that imports", svgHead + `<style>@import url(https://evil.example/x.css); rect { fill: blue }</style></svg>`,
			[]string{"fill: blue"}, []string{"import", "evil"}, "@import"},
		{"remote paint", svgHead + `<rect fill="url(https://evil.example/p#x)" filter="url(http://e/f.svg#f)" width="1"/></svg>`,
			[]string{`width="1"`}, []string{"evil", "f.svg"}, "fill=url(https://evil.example/p#x)"},
		{"set rewriting an href", svgHead + `<a href="#x"><set attributeName="href" to="javascript:alert(1)"/><text>t</text></a></svg>`,
			[]string{"<text>t</text>"}, []string{"set", "javascript", "<a"}, "<set>"},
		{"handler", svgHead + `<handler type="text/ecmascript">alert(1)</handler></svg>`, nil, []string{"handler", "alert"}, "<handler>"},
		{"foreign object", svgHead + `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`,
			nil, []string{"foreignObject", "div"}, "<foreignObject>"},
		{"remote image", svgHead + `<image xlink:href="https://evil.example/a.png" width="1"/><image href="data:image/png;base64,AAAA"/></svg>`,
			[]string{`href="data:image/png;base64,AAAA"`}, []string{"evil"}, "xlink:href=https://evil.example/a.png"},
		{"link out", svgHead + `<a href="https://evil.example/"><text>t</text></a><use href="other.svg#a"/></svg>`,
			[]string{"<text>t</text>"}, []string{"evil", "other.svg"}, "href=other.svg#a"},
		{"DTD with a parameter entity", `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY % x SYSTEM "file:///etc/passwd"> %x;]>` + svgHead + `<rect/></svg>`,
			[]string{"<rect></rect>"}, []string{"DOCTYPE", "passwd"}, "a DTD"},
		{"stylesheet instruction", `<?xml-stylesheet href="https://evil.example/s.css"?>` + svgHead + `<rect/></svg>`,
			nil, []string{"evil", "xml-stylesheet"}, "<?xml-stylesheet?>"},
		{"standard DOCTYPE goes quietly", `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + svgHead + `<rect/></svg>`,
			[]string{"<rect></rect>"}, []string{"DOCTYPE"}, ""},
		{"image-set in style", svgHead + `<rect style="fill: red; background: image-set('https://x/a.png' 1x)"/></svg>`,
			[]string{`style="fill: red"`}, []string{"image-set"}, "image-set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, removed, err := sanitizeSVG([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range tt.keep {
				if !bytes.Contains(out, []byte(k)) {
					t.Errorf("lost %q:\n%s", k, out)
				}
			}
			for _, l := range tt.lose {
				if bytes.Contains(out, []byte(l)) {
					t.Errorf("kept %q:\n%s", l, out)
				}
			}
			list := strings.Join(removed, "\n")
			if tt.removed == "" && list != "" || !strings.Contains(list, tt.removed) {
				t.Errorf("removed:\n%s\nwant a mention of %q", list, tt.removed)
			}
		})
	}
}

func TestSanitizeSVGRefuses(t *testing.T) {
	for _, in := range []string{
		`<svg><unclosed></svg>`,
		`<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&xxe;</text></svg>`,
		`<html xmlns="http://www.w3.org/1999/xhtml"/>`,
		``,
	} {
		if _, _, err := sanitizeSVG([]byte(in)); err == nil {
			t.Errorf("accepted %s", in)
		}
	}
}

// FuzzSVG: whatever an SVG image holds, what is kept is an SVG image of
// allowed elements and attributes referring to nothing outside it, and
// sanitising it again changes nothing and removes nothing.
func FuzzSVG(f *testing.F) {
	f.Add(svgHead + `<g id="a"><rect fill="url(#g)" style="stroke:red"/></g><use xlink:href="#a"/></svg>`)
	f.Add(`<svg xmlns="http://www.w3.org/2000/svg"><style><![CDATA[rect{fill:url(https://x)}]]></style><text>a&lt;b</text></svg>`)
	f.Add(`<svg><script>x</script><a href="https://x">t</a><image href="data:image/png;base64,AA"/></svg>`)
	f.Fuzz(func(t *testing.T, in string) {
		out, _, err := sanitizeSVG([]byte(in))
		if err != nil {
			return
		}
		again, removed, err := sanitizeSVG(out)
		if err != nil || !bytes.Equal(again, out) || len(removed) != 0 {
			t.Fatalf("not idempotent (%v, removed %v):\nin    %q\nout   %q\nagain %q", err, removed, in, out, again)
		}
		checkSVGOut(t, in, out)
	})
}

func checkSVGOut(t *testing.T, in string, out []byte) {
	d := xml.NewDecoder(bytes.NewReader(out))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("output not well-formed: %v\nin  %q\nout %q", err, in, out)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if _, pi := tok.(xml.ProcInst); pi && tok.(xml.ProcInst).Target != "xml" {
				t.Fatalf("processing instruction kept\nin  %q\nout %q", in, out)
			}
			continue
		}
		if se.Name.Space != svg.NS || !svg.StaticElement(se.Name.Local) {
			t.Fatalf("element %v kept\nin  %q\nout %q", se.Name, in, out)
		}
		for _, a := range se.Attr {
			v := strings.ToLower(a.Value)
			if (a.Name.Local == "href" && !svg.LocalRef(a.Value) && !dataImage(a.Value)) ||
				strings.HasPrefix(strings.ToLower(a.Name.Local), "on") ||
				strings.Contains(v, "url(") && !strings.Contains(v, "url(#") && !strings.Contains(v, `url("#`) {
				t.Fatalf("attribute %v=%q kept\nin  %q\nout %q", a.Name, a.Value, in, out)
			}
		}
	}
}
