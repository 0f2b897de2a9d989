package pdf

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hangul-press/publish/internal/testtool"
	"github.com/hangul-press/publish/pkg/layout"
)

// smallFile writes a one-page PDF with the object writer alone, objects in
// an order other than their numbers: catalog and page tree reserved first,
// written last.
func smallFile(t *testing.T) []byte {
	t.Helper()
	var out bytes.Buffer
	w := newFileWriter(&out)
	catalog, tree, page := w.reserve(), w.reserve(), w.reserve()
	content := w.reserve()
	w.stream(content, nil, []byte("0 0 1 rg 10 10 100 50 re f"))
	b := []byte("<</Type/Page/Parent ")
	b = appendRef(b, tree)
	b = append(b, "/MediaBox[0 0 200 100]/Contents "...)
	w.object(page, append(appendRef(b, content), ">>"...))
	info := writeInfo(w, testDoc(t).Info)
	writePageTree(w, tree, []int{page})
	writeCatalog(w, catalog, "ko", catalogRefs{pages: tree})
	if err := w.finish(catalog, info); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestXrefOffsets reads the cross-reference table back: every entry is 20
// bytes and points at "n 0 obj" for its own n.
func TestXrefOffsets(t *testing.T) {
	out := smallFile(t)
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no startxref at the end:\n%q", out[max(0, len(out)-100):])
	}
	at, _ := strconv.Atoi(string(m[1]))
	head := regexp.MustCompile(`^xref\n0 (\d+)\n`).FindSubmatch(out[at:])
	if head == nil {
		t.Fatalf("startxref %d does not point at an xref table", at)
	}
	n, _ := strconv.Atoi(string(head[1]))
	entries := out[at+len(head[0]):]
	if !bytes.HasPrefix(entries, []byte("0000000000 65535 f\r\n")) {
		t.Errorf("first entry %q is not the free-list head", entries[:20])
	}
	for i := 1; i < n; i++ {
		e := entries[20*i : 20*i+20]
		if !regexp.MustCompile(`^\d{10} 00000 n\r\n$`).Match(e) {
			t.Fatalf("entry %d %q is not 20 bytes of offset, generation, n, EOL", i, e)
		}
		off, _ := strconv.Atoi(string(e[:10]))
		if want := strconv.Itoa(i) + " 0 obj\n"; !bytes.HasPrefix(out[off:], []byte(want)) {
			t.Errorf("entry %d points at %q", i, out[off:off+len(want)])
		}
	}
	if !bytes.Contains(out, []byte("trailer\n<</Size "+strconv.Itoa(n)+"/Root 1 0 R/Info ")) {
		t.Error("trailer lacks /Size, /Root or /Info")
	}
}

// TestQPDFSeesWrongOffsets: qpdf --check passes the writer's file and
// complains when one offset is moved by a byte, so the tool tests run on
// the writer's output check the table.
func TestQPDFSeesWrongOffsets(t *testing.T) {
	qpdf := testtool.Path(t, "qpdf")
	dir := t.TempDir()
	good := smallFile(t)
	at := bytes.LastIndex(good, []byte(" 00000 n\r\n")) - 10 // the last entry's offset
	off, _ := strconv.Atoi(string(good[at : at+10]))
	bad := bytes.Clone(good)
	copy(bad[at:], []byte(strconv.FormatInt(int64(off+1)+1e10, 10))[1:])
	for name, data := range map[string][]byte{"good": good, "bad": bad} {
		path := filepath.Join(dir, name+".pdf")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(qpdf, "--check", path).CombinedOutput()
		clean := err == nil && strings.Contains(string(out), "No syntax or stream encoding errors")
		if clean != (name == "good") {
			t.Errorf("%s file: qpdf --check clean = %v:\n%s", name, clean, out)
		}
	}
}

func TestReservedButNotWritten(t *testing.T) {
	w := newFileWriter(io.Discard)
	a, b := w.reserve(), w.reserve()
	w.object(a, []byte("<<>>"))
	if err := w.finish(a, b); err == nil || !strings.Contains(err.Error(), "object 2 reserved but not written") {
		t.Errorf("finish: %v", err)
	}
}

// TestIDFollowsContent: the trailer /ID is the same for the same objects
// and differs when any byte of them does.
func TestIDFollowsContent(t *testing.T) {
	id := func(body string) string {
		var buf bytes.Buffer
		w := newFileWriter(&buf)
		n := w.reserve()
		w.object(n, []byte(body))
		if err := w.finish(n, n); err != nil {
			t.Fatal(err)
		}
		out := buf.Bytes()
		m := regexp.MustCompile(`/ID \[<([0-9a-f]{32})><([0-9a-f]{32})>\]`).FindSubmatch(out)
		if m == nil || !bytes.Equal(m[1], m[2]) {
			t.Fatalf("no /ID of two equal 16-byte strings in %q", out)
		}
		return string(m[1])
	}
	if id("<</A 1>>") != id("<</A 1>>") {
		t.Error("same objects, other /ID")
	}
	if id("<</A 1>>") == id("<</A 2>>") {
		t.Error("other objects, same /ID")
	}
}

func TestAppendNum(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		prec int
		want string
	}{
		{0, 3, "0"}, {1, 3, "1"}, {-1.5, 3, "-1.5"}, {0.1 + 0.2, 3, "0.3"}, {419.5275590551, 3, "419.528"},
		{-0.0001, 3, "0"}, {-0.0006, 3, "-0.001"}, {1234567.25, 2, "1234567.25"}, {2.5, 0, "2"}, {100, 3, "100"},
	} {
		if got := string(appendNum(nil, tc.v, tc.prec)); got != tc.want {
			t.Errorf("appendNum(%v, %d) = %q, want %q", tc.v, tc.prec, got, tc.want)
		}
	}
}

func TestAppendName(t *testing.T) {
	for in, want := range map[string]string{
		"F0": "/F0", "ABCDEF+body-bold": "/ABCDEF+body-bold", "a b": "/a#20b", "a/b(c)#": "/a#2Fb#28c#29#23", "가": "/#EA#B0#80",
	} {
		if got := string(appendName(nil, in)); got != want {
			t.Errorf("appendName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAppendStrings(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{string(appendLiteral(nil, []byte("a(b)c\\d\re\n"))), "(a\\(b\\)c\\\\d\\re\n)"},
		{string(appendLiteral(nil, []byte{0, 0x28, 0xFF})), "(\x00\\(\xFF)"},
		{string(appendTextString(nil, "Hello, PDF")), "(Hello, PDF)"},
		{string(appendTextString(nil, "한")), "<feffd55c>"},
		{string(appendTextString(nil, "a\tb")), "<feff006100090062>"},
		{string(appendTextString(nil, "𝔸")), "<feffd835dd38>"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// TestASCIIURI: non-ASCII bytes, spaces and controls are percent-encoded,
// everything else, escapes included, is kept.
func TestASCIIURI(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.com/a(b)": "https://example.com/a(b)",
		"https://ko.example/한글 문서": "https://ko.example/%ED%95%9C%EA%B8%80%20%EB%AC%B8%EC%84%9C",
		"https://x.example/%20a":   "https://x.example/%20a",
	} {
		if got := asciiURI(in); got != want {
			t.Errorf("asciiURI(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAppendLength: the integer formatting of lengths agrees with
// formatting the length in points as a float, on random lengths, except at
// exact ties, which strconv rounds to even and appendLength away from zero.
func TestAppendLength(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	for range 100000 {
		l := layout.Length(rng.Int64N(2e9) - 1e9)
		if int64(l)*1000%65536 == 32768 || int64(l)*1000%65536 == -32768 {
			continue
		}
		if got, want := string(appendLength(nil, l)), string(appendNum(nil, l.Pt(), 3)); got != want {
			t.Fatalf("appendLength(%d) = %q, want %q", l, got, want)
		}
	}
	for l, want := range map[layout.Length]string{0: "0", layout.Pt(1): "1", layout.Pt(-2.5): "-2.5", layout.Mm(148): "419.528", 32: "0", -33: "-0.001", 878120960: "13399.063"} {
		if got := string(appendLength(nil, l)); got != want {
			t.Errorf("appendLength(%d) = %q, want %q", l, got, want)
		}
	}
}
