package epub

import (
	"bytes"
	"github.com/hangul-press/publish/pkg/manifest"
	"image"
	"image/jpeg"
	"os"
	"testing"

	"github.com/hangul-press/publish/pkg/book"
)

// The two WebP files are from golang.org/x/image's testdata (BSD licence).
func TestConvert(t *testing.T) {
	jpg := func(w, h int) []byte {
		var b bytes.Buffer
		_ = jpeg.Encode(&b, image.NewRGBA(image.Rect(0, 0, w, h)), nil)
		return b.Bytes()
	}
	// the shared fixtures of the repository's testdata/images
	shared := func(name string) []byte {
		data, err := os.ReadFile("../../testdata/images/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	tests := []struct {
		name      string
		asset     *book.Asset
		wantType  string
		wantW     int
		unchanged bool
	}{
		{"small png kept", asset(t, makePNG(40, 20)), "image/png", 40, true},
		{"wide png scaled", asset(t, makePNG(2500, 100)), "image/png", 2000, false},
		{"tall jpeg stays jpeg", asset(t, jpg(50, 3000)), "image/jpeg", 33, false},
		{"lossless webp to png", asset(t, shared("bars.lossless.webp")), "image/png", 0, false},
		{"lossy webp to jpeg", asset(t, shared("sunset.lossy.webp")), "image/jpeg", 0, false},
	}
	p := &publication{book: &book.Book{Config: manifest.Default()}}
	for _, tt := range tests {
		data, _ := tt.asset.Bytes()
		c := p.convert(tt.asset, data)
		data, mediaType, err := c.data, c.mediaType, c.err
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if mediaType != tt.wantType {
			t.Errorf("%s: type %s, want %s", tt.name, mediaType, tt.wantType)
		}
		if orig, _ := tt.asset.Bytes(); tt.unchanged != bytes.Equal(data, orig) {
			t.Errorf("%s: unchanged = %v, want %v", tt.name, !tt.unchanged, tt.unchanged)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || "image/"+format != mediaType {
			t.Errorf("%s: output is %s (%v), labelled %s", tt.name, format, err, mediaType)
		}
		if tt.wantW != 0 && cfg.Width != tt.wantW {
			t.Errorf("%s: width %d, want %d", tt.name, cfg.Width, tt.wantW)
		}
		if max(cfg.Width, cfg.Height) > 2000 {
			t.Errorf("%s: %d×%d exceeds 2000", tt.name, cfg.Width, cfg.Height)
		}
	}
}

// asset makes an asset of data in memory.
func asset(t *testing.T, data []byte) *book.Asset {
	t.Helper()
	a, err := book.NewAsset("images/x", data, manifest.DefaultMaxImagePixels)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestPackagedName(t *testing.T) {
	taken := map[string]bool{"images/a.png": true, "images/a.gif": true}
	tests := []struct{ name, mediaType, want string }{
		{"images/a.png", "image/png", "images/a.png"},
		{"images/a.gif", "image/png", "images/a-2.png"},
		{"images/x.webp", "image/jpeg", "images/x.jpg"},
		{"images/../etc/passwd.png", "image/png", "images/image004.png"},
		{"images/한글.png", "image/png", "images/image005.png"},
	}
	for i, tt := range tests {
		if got := packagedName(tt.name, tt.mediaType, i, taken); got != tt.want {
			t.Errorf("packagedName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
