package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// TestEmoji: with Emoji, GitHub's shortcodes become emoji as jemoji makes
// them, anywhere in text (between letters too, as jemoji's pattern has no
// word boundaries) but never in code; unknown names and times stay.
func TestEmoji(t *testing.T) {
	on, off := New(Options{Emoji: true}), New(Options{})
	for src, want := range map[string]string{
		"좋아요 :smile: 그리고 :+1: :-1: :thumbsup:":  "<p>좋아요 😄 그리고 👍 👎 👍</p>\n",
		"**강조 :tada:** [링크 :rocket:](/x)":       "<p><strong>강조 🎉</strong> <a href=\"/x\">링크 🚀</a></p>\n",
		"붙여서:fire:도":                            "<p>붙여서🔥도</p>\n",
		"`:smile:` 코드는 그대로":                     "<p><code>:smile:</code> 코드는 그대로</p>\n",
		"10:30:00, :not_an_emoji:, :: 와 :smile": "<p>10:30:00, :not_an_emoji:, :: 와 :smile</p>\n",
		"https://example.com/:smile:/x":         "<p><a href=\"https://example.com/:smile:/x\">https://example.com/:smile:/x</a></p>\n",
		"```\n:smile:\n```":                     "<pre><code>:smile:\n</code></pre>\n",
	} {
		var out bytes.Buffer
		doc := on.Parse([]byte(src))
		if err := on.HTMLRenderer().Render(&out, []byte(src), doc); err != nil {
			t.Fatal(err)
		}
		if out.String() != want {
			t.Errorf("%s\n got %q\nwant %q", src, out.String(), want)
		}
	}
	var out bytes.Buffer
	src := []byte("그대로 :smile:")
	if err := off.HTMLRenderer().Render(&out, src, off.Parse(src)); err != nil || out.String() != "<p>그대로 :smile:</p>\n" {
		t.Errorf("without Emoji: %q %v", out.String(), err)
	}
}

// emojifySlow is Emojify as jemoji's pattern (a colon, one of the names,
// a colon, leftmost first) reads text: at each colon, the text up to the
// next colon is looked up whole.
func emojifySlow(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == ':' {
			if j := strings.IndexByte(s[i+1:], ':'); j > 0 {
				if e, ok := emojiSet().Get(s[i+1 : i+1+j]); ok && len(e.Unicode) > 0 {
					b.WriteString(string(e.Unicode))
					i += j + 2
					continue
				}
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func TestEmojify(t *testing.T) {
	for in, want := range map[string]string{
		"<p>:tada: 축하</p>":        "<p>🎉 축하</p>",
		":xyz:smile: a:b:c 10:30": ":xyz😄 a🅱️c 10:30",
		"::smile::":               ":😄:",
		"없음":                      "없음",
	} {
		if got := Emojify(in); got != want {
			t.Errorf("Emojify(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzEmojify checks Emojify against the slow reading of jemoji's
// pattern.
func FuzzEmojify(f *testing.F) {
	for _, s := range []string{":smile:", ":x:smile:", "a:b:c", ":+1::-1:", "::", ":" + strings.Repeat("a", 70) + ":", "한:글:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Emojify(s), emojifySlow(s); got != want {
			t.Fatalf("Emojify(%q) = %q, slow reading %q", s, got, want)
		}
	})
}

// TestEmojiHeadingID: a heading's id is made from the shortcode, as
// kramdown made it before jemoji ran, so links to it keep working.
func TestEmojiHeadingID(t *testing.T) {
	src := []byte("## Hello :smile: there\n")
	doc := New(Options{Emoji: true}).Parse(src)
	h := doc.FirstChild()
	if id, _ := Attr(h, "id"); id != "hello-smile-there" {
		t.Errorf("id %q, want hello-smile-there", id)
	}
	if text := string(PlainText(h, src)); text != "Hello 😄 there" {
		t.Errorf("text %q", text)
	}
}
