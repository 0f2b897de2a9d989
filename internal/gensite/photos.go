package gensite

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// The image-heavy mode: large photographs (JPEG), screenshots (PNG) and
// small formula images (GIF), as a blog about machine learning or
// photography holds them. A few photos are shown by many posts, the way
// a blog reuses a header picture.

// photoWidths are the widths of the generated photographs, cycled: what
// phone and camera pictures measure after a blog's upload (3:2 frames).
var photoWidths = []int{2400, 3000, 3600, 4032}

// shotWidths are the widths of the generated screenshots (16:10 frames).
var shotWidths = []int{1280, 1440, 1920}

// sharedPhotos is how many of the photos every post may show again.
const sharedPhotos = 5

// formulas is how many distinct formula GIFs there are.
const formulas = 10

// heavyFiles adds the image-heavy mode's images to files.
func heavyFiles(files map[string][]byte, opt Options) error {
	var jobs []job
	for i := range opt.Photos {
		jobs = append(jobs, job{photoPath(i), photo, i})
	}
	for i := range opt.Screenshots {
		jobs = append(jobs, job{shotPath(i), screenshot, i})
	}
	if opt.Photos > 0 || opt.Screenshots > 0 {
		jobs = append(jobs, formulaJobs()...)
	}
	return makeFiles(files, jobs)
}

// job makes the file at path: make(i).
type job struct {
	path string
	make func(int) ([]byte, error)
	i    int
}

// formulaJobs make the formula GIFs.
func formulaJobs() []job {
	var jobs []job
	for i := range formulas {
		jobs = append(jobs, job{fmt.Sprintf("site/assets/formula/f-%02d.gif", i), formula, i})
	}
	return jobs
}

// makeFiles runs jobs on every processor and adds their files to files:
// a few hundred large JPEGs take a while to encode.
func makeFiles(files map[string][]byte, jobs []job) error {
	out := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := int(next.Add(1) - 1); k < len(jobs); k = int(next.Add(1) - 1) {
				out[k], errs[k] = jobs[k].make(jobs[k].i)
			}
		}()
	}
	wg.Wait()
	for k, j := range jobs {
		if errs[k] != nil {
			return errs[k]
		}
		files[j.path] = out[k]
	}
	return nil
}

func photoPath(i int) string { return fmt.Sprintf("site/assets/photos/photo-%03d.jpg", i) }
func shotPath(i int) string  { return fmt.Sprintf("site/assets/shots/shot-%03d.png", i) }

// heavySection returns the images of section p of post i in the
// image-heavy mode: the post's own photo, a shared photo at half width,
// its screenshot, two screenshots side by side, and a formula.
func heavySection(i, p int, opt Options) string {
	var b strings.Builder
	site := func(path string) string { return "/" + strings.TrimPrefix(path, "site/") }
	if opt.Photos > 0 {
		switch p {
		case 1:
			fmt.Fprintf(&b, "![사진 %d](%s)\n\n", i, site(photoPath(i%opt.Photos)))
		case 9:
			fmt.Fprintf(&b, "![공유 사진](%s){: width=\"50%%\"}\n\n", site(photoPath(i%min(sharedPhotos, opt.Photos))))
		}
	}
	if opt.Screenshots > 0 {
		switch p {
		case 5:
			fmt.Fprintf(&b, "<img src=\"%s\" alt=\"화면 %d\" width=\"80%%\">\n\n", site(shotPath(i%opt.Screenshots)), i)
		case 7:
			fmt.Fprintf(&b, "<p><img src=\"%s\" alt=\"전\" width=\"48%%\"> <img src=\"%s\" alt=\"후\" width=\"48%%\"></p>\n\n",
				site(shotPath((i+1)%opt.Screenshots)), site(shotPath((i+2)%opt.Screenshots)))
		}
	}
	if p == 3 && (opt.Photos > 0 || opt.Screenshots > 0) {
		fmt.Fprintf(&b, "손실 함수는 다음과 같다.\n\n![수식](/assets/formula/f-%02d.gif)\n\n", i%formulas)
	}
	return b.String()
}

// photo makes photograph i: smooth light over a few large shapes, with
// fine grain, which JPEG compresses about as much as a real photo
// (1–3 MB at quality 85 for these sizes).
func photo(i int) ([]byte, error) {
	w := photoWidths[i%len(photoWidths)]
	return Photo(i, w, w*2/3)
}

// Photo makes a photograph of w×h pixels, different for each i, as a
// JPEG at quality 85.
func Photo(i, w, h int) ([]byte, error) {
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	rng := rand.New(rand.NewPCG(uint64(i), 0x70686f746f))
	// A coarse grid of random levels, interpolated, gives the shapes.
	const gx, gy = 9, 7
	var grid [gy][gx][3]float64
	for y := range gy {
		for x := range gx {
			grid[y][x] = [3]float64{40 + 180*rng.Float64(), 128 + 60*(rng.Float64()-0.5), 128 + 60*(rng.Float64()-0.5)}
		}
	}
	at := func(x, y, c int) float64 {
		fx, fy := float64(x)*(gx-1)/float64(w), float64(y)*(gy-1)/float64(h)
		x0, y0 := int(fx), int(fy)
		x1, y1 := min(x0+1, gx-1), min(y0+1, gy-1)
		tx, ty := fx-float64(x0), fy-float64(y0)
		top := grid[y0][x0][c]*(1-tx) + grid[y0][x1][c]*tx
		bottom := grid[y1][x0][c]*(1-tx) + grid[y1][x1][c]*tx
		return top*(1-ty) + bottom*ty
	}
	noise := uint32(i)*2654435761 + 1
	for y := range h {
		for x := range w {
			noise ^= noise << 13
			noise ^= noise >> 17
			noise ^= noise << 5
			v := at(x, y, 0) + float64(noise%23) - 11
			img.Y[y*img.YStride+x] = uint8(max(0, min(255, v)))
		}
	}
	for y := range (h + 1) / 2 {
		for x := range (w + 1) / 2 {
			o := y*img.CStride + x
			img.Cb[o] = uint8(at(2*x, 2*y, 1))
			img.Cr[o] = uint8(at(2*x, 2*y, 2))
		}
	}
	var buf bytes.Buffer
	err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85})
	return buf.Bytes(), err
}

// screenshot makes screenshot i: a window with a title bar, a side panel,
// lines of "text" (dark dashes) in the flat colours that PNG keeps small,
// and a picture in the window (100–300 KB in all).
func screenshot(i int) ([]byte, error) {
	w := shotWidths[i%len(shotWidths)]
	h := w * 10 / 16
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fill := func(r image.Rectangle, c color.RGBA) {
		r = r.Intersect(img.Rect)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			row := img.Pix[y*img.Stride+4*r.Min.X : y*img.Stride+4*r.Max.X]
			for x := 0; x < len(row); x += 4 {
				row[x], row[x+1], row[x+2], row[x+3] = c.R, c.G, c.B, 255
			}
		}
	}
	fill(img.Rect, color.RGBA{250, 250, 250, 255})
	fill(image.Rect(0, 0, w, 36), color.RGBA{uint8(40 + i*7), 60, uint8(90 + i*3), 255})
	fill(image.Rect(0, 36, w/5, h), color.RGBA{235, 237, 240, 255})
	rng := rand.New(rand.NewPCG(uint64(i), 0x73686f74))
	// A picture inside the window (a plot, a photo being edited): the
	// part that makes real screenshots a few hundred kilobytes.
	pic := image.Rect(w/2, h/3, w-40, h-40)
	for y := pic.Min.Y; y < pic.Max.Y; y++ {
		for x := pic.Min.X; x < pic.Max.X; x++ {
			o := y*img.Stride + 4*x
			n := uint8(rng.IntN(24))
			img.Pix[o], img.Pix[o+1], img.Pix[o+2], img.Pix[o+3] = uint8(x/5)+n, uint8(y/4)+n, 160+n, 255
		}
	}
	for y := 60; y+14 < h; y += 22 {
		x := w/5 + 24
		for x < w/2-24 {
			word := 12 + rng.IntN(70)
			fill(image.Rect(x, y, min(x+word, w/2-24), y+12), color.RGBA{50, 50, 60, 255})
			x += word + 8
		}
	}
	var buf bytes.Buffer
	err := png.Encode(&buf, img)
	return buf.Bytes(), err
}

// formula makes formula image i: 236×48, two colours, as a blog's
// rendered TeX comes.
func formula(i int) ([]byte, error) {
	img := image.NewPaletted(image.Rect(0, 0, 236, 48), color.Palette{color.White, color.Black})
	for x := 8; x < 228; x++ {
		for y := 16; y < 32; y++ {
			if (x/6+y/4+i)%3 == 0 {
				img.SetColorIndex(x, y, 1)
			}
		}
	}
	var buf bytes.Buffer
	err := gif.Encode(&buf, img, nil)
	return buf.Bytes(), err
}
