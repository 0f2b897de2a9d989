package layout_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/layout"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/pdf"
)

// fallbackPost is the fixture of issue 14 item 9 and issue 12 items 2–4:
// Latin, Greek and Cyrillic beyond the Nanum fonts, Hanja in Myeongjo
// text, Japanese and Chinese passages, symbols and emoji, backslashes and
// a Won sign, and a character that no shipped face has, twice.
const (
	fallbackBook = "../../testdata/fallback-fonts/book.yaml"
	fallbackPost = "../../testdata/fallback-fonts/2026-11-29-fallback-fonts.md"
	// notInAnyFont is newer (Unicode 11) than Symbola.
	notInAnyFont = '🥺'
)

// TestFallbackFonts lays out the fixture and checks where its characters
// come from, what is reported, and, with poppler's tools, that the PDF
// gives every character back and embeds the fallback faces as subsets.
func TestFallbackFonts(t *testing.T) {
	var diags diag.List
	m, err := manifest.Load(fallbackBook, &diags)
	if err != nil {
		t.Fatal(err)
	}
	b, err := book.Load(m, book.Options{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := layout.Layout(b, layout.Options{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	checkFallbackDiagnostics(t, &diags)
	checkFallbackFaces(t, doc)
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc); err != nil { // an error if any character had no glyph in its face
		t.Fatal(err)
	}
	again, err := layout.Layout(b, layout.Options{}, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	if err := pdf.Write(&buf2, again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("two PDFs of the fixture differ")
	}
	out := filepath.Join(t.TempDir(), "fonts.pdf")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if text := runTool(t, "pdftotext", out, "-"); text != "" {
		checkFallbackText(t, text)
	}
	if list := runTool(t, "pdffonts", out); list != "" {
		checkFallbackEmbedded(t, list)
	}
}

// checkFallbackDiagnostics: the one character in no font is reported once,
// with its count and first place.
func checkFallbackDiagnostics(t *testing.T, diags *diag.List) {
	t.Helper()
	var got []string
	for _, d := range diags.Items() {
		got = append(got, d.String())
	}
	want := "testdata/fallback-fonts/2026-11-29-fallback-fonts.md:28:41: warning: character 🥺 (U+1F97A) is in no font: 2 times, first here; left out of the PDF"
	if len(got) != 1 || !strings.HasSuffix(got[0], want) {
		t.Errorf("diagnostics:\n%s\nwant one ending:\n%s", strings.Join(got, "\n"), want)
	}
}

// checkFallbackFaces: the face of the runs that hold telling characters.
func checkFallbackFaces(t *testing.T, doc *layout.Document) {
	t.Helper()
	faces := map[string]map[string]bool{} // text → names of the faces it was drawn in
	for _, p := range doc.Pages {
		for _, el := range p.Elements {
			if tx, ok := el.(layout.Text); ok {
				if faces[tx.Text] == nil {
					faces[tx.Text] = map[string]bool{}
				}
				faces[tx.Text][doc.Fonts[tx.Font].Name] = true
			}
		}
	}
	for _, tt := range []struct{ text, face string }{
		{"本文", "cjk-serif"}, // Hanja in body text: a serif face (issue 12 item 4)
		{"漢字", "cjk-serif"},
		{"漢字", "heading-bold"}, // in the heading, Nanum Gothic Bold has them
		{"學校", "cjk-serif"},
		{"機械学習関連", "cjk-serif"}, // one face for the whole run
		{"の研究は", "cjk-serif"},
		{"机器学习是人工智能的一个分支", "cjk-serif"},
		{"Lučić", "dejavu-serif"}, // one face for the whole word
		{"Достоевский", "dejavu-serif"},
		{"\\", "dejavu-serif"}, // C:\Users\me in prose: never Nanum's Won sign
		{"🙂", "symbols"},
	} {
		if !faces[tt.text][tt.face] {
			t.Errorf("no run %q in face %s (runs of that text: %v)", tt.text, tt.face, faces[tt.text])
		}
	}
	won := false
	for text, names := range faces {
		if strings.ContainsRune(text, '\\') && (names["body"] || names["heading"]) {
			t.Errorf("a backslash in %q is drawn by a Nanum text face, whose U+005C is a Won sign", text)
		}
		won = won || strings.ContainsRune(text, '₩') && names["body"]
	}
	if !won {
		t.Error("the explicit ₩ is not drawn by the body face")
	}
}

// checkFallbackText: pdftotext gives back every character of the post but
// the one in no font, and the backslashes and Won sign as written.
func checkFallbackText(t *testing.T, text string) {
	t.Helper()
	src, err := os.ReadFile(fallbackPost)
	if err != nil {
		t.Fatal(err)
	}
	body := string(src)
	body = body[strings.Index(body, "\n---\n")+5:]            // after the front matter
	body = strings.ReplaceAll(body, "```text", "")            // the fence's info string is not shown
	body = strings.Map(dropMarkup, body)                      // Markdown's own characters
	body = strings.ReplaceAll(body, string(notInAnyFont), "") // reported, left out
	got := map[rune]bool{}
	for _, r := range text {
		got[r] = true
	}
	var lost []string
	for _, r := range body {
		if !unicode.IsSpace(r) && !got[r] {
			lost = append(lost, string(r))
			got[r] = true
		}
	}
	if len(lost) > 0 {
		t.Errorf("pdftotext lacks %d characters of the post: %s", len(lost), strings.Join(lost, " "))
	}
	flat := strings.Join(strings.Fields(text), "")
	for _, want := range []string{"893µs", "x∈ℝ", "Lučić", "Straße", "élève", "λόγος", "Достоевский",
		"本文의漢字는明朝體로", "「機械学習関連」の研究は", "机器学习是人工智能的一个分支", "✓", "🙂", "👍", "🚀",
		`C:\Users\me를`, `C:\Users\me.`, `C:\Users\me>dir`, "₩12,000"} {
		if !strings.Contains(flat, want) {
			t.Errorf("pdftotext output lacks %q", want)
		}
	}
	if n := strings.Count(text, "₩"); n != 1 {
		t.Errorf("pdftotext gives %d Won signs, want 1 (backslashes must not turn into ₩)", n)
	}
}

// dropMarkup removes the characters that are Markdown syntax in the
// fixture (emphasis, code spans and fences, the heading's #).
func dropMarkup(r rune) rune {
	if strings.ContainsRune("*`#", r) {
		return -1
	}
	return r
}

// checkFallbackEmbedded: pdffonts lists the fallback faces, embedded and
// subset.
func checkFallbackEmbedded(t *testing.T, list string) {
	t.Helper()
	rows := map[string]string{}
	for _, line := range strings.Split(list, "\n") {
		f := strings.Fields(line)
		if len(f) > 0 && strings.Contains(f[0], "+") {
			rows[f[0][strings.Index(f[0], "+")+1:]] = line
		}
	}
	for _, name := range []string{"dejavu-serif", "dejavu-sans", "cjk-serif", "symbols"} {
		row, ok := rows[name]
		if !ok {
			t.Errorf("pdffonts does not list %s:\n%s", name, list)
			continue
		}
		if f := strings.Fields(row); len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
			t.Errorf("%s is not embedded as a subset: %s", name, row)
		}
	}
}
