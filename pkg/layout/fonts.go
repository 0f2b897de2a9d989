package layout

import (
	"fmt"
	"sync"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/hangul-press/publish/pkg/truetype"
)

// Font roles: what a face is for (manifest.FontRole). Each role has a
// regular and a bold face and a fallback chain (see newFontSet).
const (
	// RoleBody is running text: Nanum Myeongjo, a serif (명조) face.
	RoleBody = manifest.RoleBody
	// RoleHeading is headings, running heads and the TOC: Nanum Gothic.
	RoleHeading = manifest.RoleHeading
	// RoleCode is code and TeX source: Nanum Gothic Coding, monospaced.
	RoleCode = manifest.RoleCode
)

// roleFamily is the shipped family of each role.
var roleFamily = map[manifest.FontRole]*fonts.Family{
	RoleBody:    fonts.Myeongjo,
	RoleHeading: fonts.Gothic,
	RoleCode:    fonts.Coding,
}

// face is one parsed TrueType file of the document.
type face struct {
	id   FontID
	font *truetype.Font
	// refuse is the shipped face's rule for characters its cmap has but
	// draws wrongly (fonts.Face.Refuses: a backslash drawn as ₩, letters
	// drawn full width); nil for the user's faces.
	refuse func(r rune, width int) bool
	// per1000 caches advance widths in thousandths of an em, by rune.
	per1000 *runeTable
}

// draws reports whether the face has a right glyph for r.
func (fc *face) draws(r rune) bool {
	return fc.font.HasRune(r) && (fc.refuse == nil || !fc.refuse(r, fc.advance1000(r)))
}

// fontKey names a role in one weight.
type fontKey struct {
	role manifest.FontRole
	bold bool
}

// fontSet holds every face of the document and, for each role and
// weight, the faces to try in order.
type fontSet struct {
	faces  []*face
	decl   []Face
	chains map[fontKey][]*face
	// pick caches the face chosen for a rune in each chain: the face's
	// index plus one, 0 for none. The map is made whole by newFontSet and
	// only read after, so that chapters set in parallel can share it.
	pick map[fontKey]*runeTable
	// shipped are the faces of the fonts package, by face: the math
	// layout draws its glyphs from the math family's face.
	shipped map[fonts.Face]*face
}

// newFontSet takes the user's faces (read and checked by book.Load) and
// the shipped ones, and builds the chains: per role and weight, the user's
// faces for the role, then fonts.FaceChain of the role's shipped family
// (its own face, the same style's fallbacks, the other styles, symbols).
// The role faces are declared first, in the order they always had, so
// that their FontIDs do not depend on the fallbacks.
func newFontSet(user map[manifest.FontRole][]*book.FontFile) (*fontSet, error) {
	fs := &fontSet{chains: map[fontKey][]*face{}, pick: map[fontKey]*runeTable{}}
	users := fs.userFaces(user)
	std, err := fs.shippedFaces()
	if err != nil {
		return nil, err
	}
	fs.shipped = std
	for _, role := range manifest.FontRoles {
		for _, bold := range []bool{false, true} {
			k := fontKey{role, bold}
			chain := append([]*face{}, users[k]...)
			for _, f := range fonts.FaceChain(roleFamily[role], bold) {
				chain = append(chain, std[f])
			}
			fs.chains[k] = chain
			fs.pick[k] = &runeTable{}
		}
	}
	return fs, nil
}

// userFaces registers the user's files: per role, regular then bold; a
// lone file serves both weights.
func (fs *fontSet) userFaces(user map[manifest.FontRole][]*book.FontFile) map[fontKey][]*face {
	out := map[fontKey][]*face{}
	for _, role := range manifest.FontRoles {
		for i, ff := range user[role] {
			fc := fs.add(fmt.Sprintf("%s-user%d", role, i+1), ff.Data, ff.Font, nil)
			bold := i%2 == 1
			out[fontKey{role, bold}] = append(out[fontKey{role, bold}], fc)
			if len(user[role]) == 1 {
				out[fontKey{role, true}] = append(out[fontKey{role, true}], fc)
			}
		}
	}
	return out
}

// shippedFaces registers the faces of the fonts package: the role faces
// under their role names (body, body-bold, …), then every other face under
// its family's key (dejavu-serif, cjk-serif, …).
func (fs *fontSet) shippedFaces() (map[fonts.Face]*face, error) {
	parsed, err := parsedShipped()
	if err != nil {
		return nil, err
	}
	out := map[fonts.Face]*face{}
	for _, role := range manifest.FontRoles {
		for _, bold := range []bool{false, true} {
			f := fonts.Face{Family: roleFamily[role], Bold: bold}
			name := string(role)
			if bold {
				name += "-bold"
			}
			out[f] = fs.add(name, f.Data(), parsed[f], f.Refuses)
		}
	}
	for _, f := range fonts.Faces() {
		if out[f] == nil {
			name := f.Family.Key
			if f.Bold {
				name += "-bold"
			}
			out[f] = fs.add(name, f.Data(), parsed[f], f.Refuses)
		}
	}
	return out, nil
}

// parsedShipped parses the shipped faces once per process: a
// truetype.Font never changes after Parse and is safe for concurrent use.
// The faces are known good, so failing to parse one is an error.
var parsedShipped = sync.OnceValues(func() (map[fonts.Face]*truetype.Font, error) {
	out := map[fonts.Face]*truetype.Font{}
	for _, f := range fonts.Faces() {
		font, err := truetype.Parse(f.Data())
		if err != nil {
			return nil, fmt.Errorf("shipped font %s: %w", f.Family.Name, err)
		}
		out[f] = font
	}
	return out, nil
})

// add registers a face under a stable name.
func (fs *fontSet) add(name string, data []byte, f *truetype.Font, refuse func(rune, int) bool) *face {
	fc := &face{id: FontID(len(fs.faces)), font: f, refuse: refuse, per1000: &runeTable{}}
	fs.faces = append(fs.faces, fc)
	fs.decl = append(fs.decl, Face{Name: name, Data: data})
	return fc
}

// faceFor returns the first face of k's chain that draws r, or nil.
func (fs *fontSet) faceFor(k fontKey, r rune) *face {
	m := fs.pick[k]
	if i, ok := m.get(r); ok {
		if i == 0 {
			return nil
		}
		return fs.faces[i-1]
	}
	var found *face
	for _, fc := range fs.chains[k] {
		if fc.draws(r) {
			found = fc
			break
		}
	}
	if found == nil {
		m.put(r, 0)
	} else {
		m.put(r, int(found.id)+1)
	}
	return found
}

// clusterFace returns the one face that draws every rune of a cluster (a
// word of letters, or a run of ideographs and kana; see clusterLen): the
// face each rune would take alone when they agree, else the first face of
// the chain that draws them all. It returns nil when no face draws them
// all; each rune then takes its own face. So "Lučić" in body text is set
// wholly in DejaVu Serif rather than "Lu", "i" in Myeongjo and "č", "ć" in
// DejaVu, and 「機械学習」 wholly in one face rather than in two.
func (fs *fontSet) clusterFace(k fontKey, word string) *face {
	var first *face
	agree := true
	for i, r := range word {
		fc := fs.faceFor(k, r)
		if i == 0 {
			first = fc
		} else if fc != first {
			agree = false
		}
	}
	if agree {
		return first
	}
	for _, fc := range fs.chains[k] {
		if drawsAll(fc, word) {
			return fc
		}
	}
	return nil
}

func drawsAll(fc *face, word string) bool {
	for _, r := range word {
		if !fc.draws(r) {
			return false
		}
	}
	return true
}

// advance1000 returns r's advance in thousandths of an em, rounded as the
// PDF writer rounds the widths it writes (truetype.Font.AdvanceThousandths
// is the one home of that rounding), so that the X positions computed here
// match the glyphs a viewer draws.
func (fc *face) advance1000(r rune) int {
	if w, ok := fc.per1000.get(r); ok {
		return w
	}
	g, _ := fc.font.GlyphIndex(r)
	w := fc.font.AdvanceThousandths(g)
	fc.per1000.put(r, w)
	return w
}
