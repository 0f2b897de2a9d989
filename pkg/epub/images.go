package epub

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"path"
	"regexp"
	"strings"
	"sync"

	"github.com/hangul-press/publish/internal/parallel"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/raster"
)

// coreImages are the image types every EPUB 3 reading system supports
// (EPUB 3.2 core media types; EPUBCheck 4.2 does not know WebP).
var coreImages = map[string]string{"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/svg+xml": ".svg"}

// jpegQuality keeps photos free of visible artefacts at about a tenth of
// their PNG size.
const jpegQuality = 88

// writeImages converts and packages every image the book uses, once per
// distinct content (two files with the same bytes become one file of the
// EPUB), before the chapters are rendered, so that a chapter knows which
// images are in the EPUB and shows the alt text of the others. Images are
// streamed: read, checked by decoding, converted when reading systems
// cannot show them or they are too large, compressed and written to the
// zip one at a time, in the order of the assets, while the next ones are
// prepared in parallel within the memory budget. An image that needs no
// conversion is written as it was read. An image that cannot be used is
// reported at each reference to it, and those references show the alt
// text.
func (p *publication) writeImages(z *zip.Writer) error {
	p.images = map[*book.Asset]string{}
	p.packaged = map[string]bool{}
	groups := p.imageGroups()
	taken := map[string]bool{}
	for _, g := range groups {
		for _, a := range g {
			taken[a.Name] = true
		}
	}
	refs := p.imageRefs()
	budget := p.opt.ImageBudget
	if budget == nil {
		budget = raster.SharedBudget()
	}
	var err error
	parallel.Ordered(len(groups), func(i int) func() {
		return budget.Acquire(p.imageCost(groups[i][0]))
	}, func(i int) packedImage {
		return p.prepareImage(groups[i][0])
	}, func(i int, im packedImage) {
		if err == nil {
			err = p.addImage(z, groups[i], im, i, taken, refs)
		}
	})
	return err
}

// imageGroups returns the assets the EPUB holds (the cover too), grouped
// by content, in the order of their first asset.
func (p *publication) imageGroups() [][]*book.Asset {
	assets := p.book.Assets
	if c := p.book.Cover; c != nil && !contains(assets, c) {
		assets = append(assets, c)
	}
	var groups [][]*book.Asset
	index := map[[sha256.Size]byte]int{}
	for _, a := range assets {
		if i, ok := index[a.Sum]; ok && a.Size == groups[i][0].Size && a.MediaType == groups[i][0].MediaType {
			groups[i] = append(groups[i], a)
			continue
		}
		index[a.Sum] = len(groups)
		groups = append(groups, []*book.Asset{a})
	}
	return groups
}

// imageRefs lists the references to each asset, in reading order.
func (p *publication) imageRefs() map[*book.Asset][]*book.ImageRef {
	refs := map[*book.Asset][]*book.ImageRef{}
	for _, c := range p.book.Chapters() {
		for _, ref := range c.Images {
			if ref.Asset != nil {
				refs[ref.Asset] = append(refs[ref.Asset], ref)
			}
		}
	}
	return refs
}

// imageCost is the memory preparing an asset takes at its peak: the file
// read, the decoded image, the scaled copy and the encoded and compressed
// results.
func (p *publication) imageCost(a *book.Asset) int64 {
	if a.MediaType == "image/svg+xml" {
		return 4 * a.Size
	}
	cost := 2*a.Size + a.DecodeBytes
	if maxPx := p.book.Config.EPUB.MaxImagePx; max(a.Width, a.Height) > maxPx {
		w, h := fitLongSide(a.Width, a.Height, maxPx)
		cost += 5 * int64(w) * int64(h) // RGBA, and its encoding
	}
	return cost
}

// packedImage is an image ready for the zip, or why it cannot be.
type packedImage struct {
	converted
	packed packedEntry
}

// prepareImage reads, checks, converts and compresses one image. It runs
// on a worker goroutine.
func (p *publication) prepareImage(a *book.Asset) packedImage {
	if err := a.Problem(); err != nil {
		return packedImage{converted: converted{err: err}}
	}
	data, err := a.Bytes()
	if err != nil {
		return packedImage{converted: converted{err: err}}
	}
	c := p.convert(a, data)
	if c.err != nil {
		return packedImage{converted: c}
	}
	f := deflaters.Get().(*deflater)
	defer deflaters.Put(f)
	return packedImage{converted: c, packed: f.packBody(c.data, true)}
}

// deflaters are the compressors of image entries, reused across them.
var deflaters = sync.Pool{New: func() any { return newDeflater() }}

// addImage records a prepared image under its packaged name and writes it
// to the zip, or reports at every reference why it cannot be used. group
// holds the assets of one content.
func (p *publication) addImage(z *zip.Writer, group []*book.Asset, im packedImage, i int, taken map[string]bool, refs map[*book.Asset][]*book.ImageRef) error {
	a := group[0]
	if im.err != nil {
		p.reportImage(group, im.err, refs)
		return nil
	}
	if len(im.removed) > 0 {
		p.diags.Warnf(p.firstUse(a), "SVG image %s: removed %s", path.Base(a.Path), listOf(im.removed))
	}
	name := packagedName(a.Name, im.mediaType, i, taken)
	props := ""
	for _, x := range group {
		p.images[x] = name
		if x == p.book.Cover {
			props = "cover-image"
		}
	}
	p.packaged[name] = true
	p.addFile(name, im.mediaType, nil, props)
	p.files[len(p.files)-1].written = true
	p.stats.Images++
	im.packed.header, im.packed.err = withName(im.packed.header, packageDir+name)
	return im.packed.write(z)
}

// reportImage warns at every reference to an image that cannot be used;
// an image without references (the cover) is reported at its file.
func (p *publication) reportImage(group []*book.Asset, err error, refs map[*book.Asset][]*book.ImageRef) {
	warned := false
	for _, a := range group {
		if a.MediaType != "image/svg+xml" {
			a.SetProblem(err)
		}
		for _, ref := range refs[a] {
			ref.WarnUnusable(p.diags, err)
			warned = true
		}
	}
	if !warned {
		p.diags.Warnf(p.firstUse(group[0]), "image %s left out: %v", path.Base(group[0].Path), err)
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

// convert returns the bytes and type to package for an asset whose file
// holds data. Every bitmap is checked as decoding would check it; one that
// reading systems show and that is small enough is packaged as it was
// read, the rest are decoded and converted.
func (p *publication) convert(a *book.Asset, data []byte) converted {
	if a.MediaType == "image/svg+xml" {
		data, removed, err := sanitizeSVG(data)
		return converted{data: data, mediaType: a.MediaType, removed: removed, err: err}
	}
	_, core := coreImages[a.MediaType]
	if core && max(a.Width, a.Height) <= p.book.Config.EPUB.MaxImagePx {
		// Packaged as it was read: checked (raster.Check gives Decode's
		// verdict, mostly without decoding), not converted.
		if _, err := raster.Check(data, p.book.Config.MaxImagePixels); err != nil {
			return converted{err: err}
		}
		return converted{data: data, mediaType: a.MediaType}
	}
	img, _, err := raster.Decode(data, p.book.Config.MaxImagePixels)
	if err != nil {
		return converted{err: err}
	}
	img = downscale(img, p.book.Config.EPUB.MaxImagePx)
	mediaType := "image/png"
	if a.MediaType == "image/jpeg" || lossyWebP(data) {
		mediaType = "image/jpeg"
	}
	out, err := encode(img, mediaType)
	return converted{data: out, mediaType: mediaType, err: err}
}

// listOf lists things in a message, at most eight of them.
func listOf(items []string) string {
	const most = 8
	if len(items) > most {
		return strings.Join(items[:most], ", ") + fmt.Sprintf(" and %d more", len(items)-most)
	}
	return strings.Join(items, ", ")
}

// lossyWebP reports whether data is a WebP file that holds a lossy (VP8,
// photographic) image rather than a lossless (VP8L) or extended one.
func lossyWebP(data []byte) bool {
	return len(data) >= 16 && string(data[0:4]) == "RIFF" && string(data[8:12]) == "WEBP" && string(data[12:16]) == "VP8 "
}

// downscale scales img so that its long side is at most maxPx, averaging
// the source pixels under each new one, which neither aliases nor rings.
func downscale(img image.Image, maxPx int) image.Image {
	b := img.Bounds()
	if max(b.Dx(), b.Dy()) <= maxPx {
		return img
	}
	w, h := fitLongSide(b.Dx(), b.Dy(), maxPx)
	return raster.Downscale(img, w, h)
}

// fitLongSide returns w×h scaled so that its long side is maxPx.
func fitLongSide(w, h, maxPx int) (int, int) {
	if w >= h {
		return maxPx, max(1, h*maxPx/w)
	}
	return max(1, w*maxPx/h), maxPx
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
