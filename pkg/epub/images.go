package epub

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"path"
	"regexp"
	"strings"

	"github.com/hangul-press/publish/internal/parallel"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/raster"
	_ "golang.org/x/image/webp" // decode WebP to convert it
)

// coreImages are the image types every EPUB 3 reading system supports
// (EPUB 3.2 core media types; EPUBCheck 4.2 does not know WebP).
var coreImages = map[string]string{"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/svg+xml": ".svg"}

// jpegQuality keeps photos free of visible artefacts at about a tenth of
// their PNG size.
const jpegQuality = 88

// prepareImages packages every asset the book uses, once each, converting
// what reading systems cannot show and scaling down what is too large.
// An asset that cannot be packaged is reported at its first use, and its
// uses show the alt text. Conversions run in parallel; the files are
// added and reported in the order of the assets.
func (p *publication) prepareImages() {
	p.images = map[*book.Asset]string{}
	p.packaged = map[string]bool{}
	taken := map[string]bool{}
	assets := p.book.Assets
	if c := p.book.Cover; c != nil && !contains(assets, c) {
		assets = append(assets, c)
	}
	for _, a := range assets {
		taken[a.Name] = true
	}
	done := make([]converted, len(assets))
	parallel.For(len(assets), func(i int) {
		done[i] = p.convert(assets[i])
	})
	for i, a := range assets {
		data, mediaType, err := done[i].data, done[i].mediaType, done[i].err
		if err != nil {
			p.diags.Warnf(p.firstUse(a), "image %s left out: %v", path.Base(a.Path), err)
			continue
		}
		if r := done[i].removed; len(r) > 0 {
			p.diags.Warnf(p.firstUse(a), "SVG image %s: removed %s", path.Base(a.Path), listOf(r))
		}
		name := packagedName(a.Name, mediaType, i, taken)
		p.images[a], p.packaged[name] = name, true
		props := ""
		if a == p.book.Cover {
			props = "cover-image"
		}
		p.addFile(name, mediaType, data, props)
		p.stats.Images++
	}
}

func contains(as []*book.Asset, a *book.Asset) bool {
	for _, x := range as {
		if x == a {
			return true
		}
	}
	return false
}

// firstUse is where an asset is first used, for messages.
func (p *publication) firstUse(a *book.Asset) diag.Pos {
	for _, c := range p.book.Chapters() {
		for _, ref := range c.Images {
			if ref.Asset == a {
				return ref.Pos
			}
		}
	}
	return diag.Pos{File: a.Path}
}

var safeName = regexp.MustCompile(`^images/[A-Za-z0-9_][A-Za-z0-9._-]{0,100}$`)

// packagedName is the asset's name with the extension of its packaged
// type, or a made-up one when the name is not safe in a zip and a URL.
func packagedName(name, mediaType string, i int, taken map[string]bool) string {
	ext := coreImages[mediaType]
	base := strings.TrimSuffix(name, path.Ext(name))
	if !safeName.MatchString(base+ext) || strings.Contains(base, "..") {
		base = fmt.Sprintf("images/image%03d", i+1)
	}
	if base+ext == name || !taken[base+ext] {
		taken[base+ext] = true
		return base + ext
	}
	for n := 2; ; n++ {
		if c := fmt.Sprintf("%s-%d%s", base, n, ext); !taken[c] {
			taken[c] = true
			return c
		}
	}
}

// converted is an image as packaged: its bytes and type, what the SVG
// sanitiser removed from it, or why it cannot be packaged.
type converted struct {
	data      []byte
	mediaType string
	removed   []string
	err       error
}

// convert returns the bytes and type to package for an asset.
func (p *publication) convert(a *book.Asset) converted {
	if a.MediaType == "image/svg+xml" {
		data, removed, err := sanitizeSVG(a.Data)
		return converted{data: data, mediaType: a.MediaType, removed: removed, err: err}
	}
	_, core := coreImages[a.MediaType]
	if core && max(a.Width, a.Height) <= p.book.Config.EPUB.MaxImagePx {
		return converted{data: a.Data, mediaType: a.MediaType}
	}
	img, _, err := image.Decode(bytes.NewReader(a.Data))
	if err != nil {
		return converted{err: fmt.Errorf("cannot decode %s: %v", a.MediaType, err)}
	}
	img = downscale(img, p.book.Config.EPUB.MaxImagePx)
	mediaType := "image/png"
	if a.MediaType == "image/jpeg" || lossyWebP(a) {
		mediaType = "image/jpeg"
	}
	data, err := encode(img, mediaType)
	return converted{data: data, mediaType: mediaType, err: err}
}

// listOf lists things in a message, at most eight of them.
func listOf(items []string) string {
	const most = 8
	if len(items) > most {
		return strings.Join(items[:most], ", ") + fmt.Sprintf(" and %d more", len(items)-most)
	}
	return strings.Join(items, ", ")
}

// lossyWebP reports whether a WebP file holds a lossy (VP8, photographic)
// image rather than a lossless (VP8L) or extended one.
func lossyWebP(a *book.Asset) bool {
	return a.MediaType == "image/webp" && len(a.Data) >= 16 && string(a.Data[12:16]) == "VP8 "
}

// downscale scales img so that its long side is at most maxPx, averaging
// the source pixels under each new one, which neither aliases nor rings.
func downscale(img image.Image, maxPx int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if max(w, h) <= maxPx {
		return img
	}
	if w >= h {
		w, h = maxPx, max(1, h*maxPx/w)
	} else {
		w, h = max(1, w*maxPx/h), maxPx
	}
	return raster.Downscale(img, w, h)
}

func encode(img image.Image, mediaType string) ([]byte, error) {
	var b bytes.Buffer
	var err error
	if mediaType == "image/jpeg" {
		err = jpeg.Encode(&b, img, &jpeg.Options{Quality: jpegQuality})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img)
	}
	return b.Bytes(), err
}
