package layout

import (
	"fmt"

	"github.com/hangul-press/publish/fonts"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/truetype"
)

// Font roles: what a face is for. Each role has a regular and a bold face
// and a fallback chain (see fontSet.chain).
const (
	// RoleBody is running text: Nanum Myeongjo, a serif (명조) face.
	RoleBody = "body"
	// RoleHeading is headings, running heads and the TOC: Nanum Gothic.
	RoleHeading = "heading"
	// RoleCode is code and TeX source: Nanum Gothic Coding, monospaced.
	RoleCode = "code"
)

// roles lists the roles in the order their shipped faces are tried as
// fallbacks, and the order their faces appear in Document.Fonts.
var roles = []string{RoleBody, RoleHeading, RoleCode}

// shipped are the faces of the fonts package, regular then bold, by role.
var shipped = map[string][2][]byte{
	RoleBody:    {fonts.MyeongjoRegular, fonts.MyeongjoBold},
	RoleHeading: {fonts.GothicRegular, fonts.GothicBold},
	RoleCode:    {fonts.CodingRegular, fonts.CodingBold},
}

// face is one parsed TrueType file of the document.
type face struct {
	id   FontID
	font *truetype.Font
	// per1000 caches advance widths in thousandths of an em, by rune.
	per1000 map[rune]int
}

// fontKey names a role in one weight.
type fontKey struct {
	role string
	bold bool
}

// fontSet holds every face of the document and, for each role and
// weight, the faces to try in order.
type fontSet struct {
	faces  []*face
	decl   []Face
	chains map[fontKey][]*face
	// pick caches the face chosen for a rune in a chain; nil means none.
	pick map[fontKey]map[rune]*face
}

// newFontSet parses the user's files and the shipped faces and builds the
// chains. A user file that is not a TrueType font the PDF writer can embed
// is reported and skipped; the shipped faces are known good, so failing to
// parse one is an error.
func newFontSet(user map[string][][]byte, pos map[string]diag.Pos, diags *diag.List) (*fontSet, error) {
	fs := &fontSet{chains: map[fontKey][]*face{}, pick: map[fontKey]map[rune]*face{}}
	users := fs.userFaces(user, pos, diags)
	std, err := fs.shippedFaces()
	if err != nil {
		return nil, err
	}
	for _, role := range roles {
		for _, bold := range []bool{false, true} {
			k := fontKey{role, bold}
			chain := append(append([]*face{}, users[k]...), std[k])
			for _, other := range roles {
				if other != role {
					chain = append(chain, std[fontKey{other, bold}])
				}
			}
			fs.chains[k] = chain
		}
	}
	return fs, nil
}

// userFaces parses the user's files: per role, regular then bold; a lone
// file serves both weights.
func (fs *fontSet) userFaces(user map[string][][]byte, pos map[string]diag.Pos, diags *diag.List) map[fontKey][]*face {
	out := map[fontKey][]*face{}
	for _, role := range roles {
		for i, data := range user[role] {
			f, err := truetype.Parse(data)
			if err != nil {
				diags.Errorf(pos[role], "font %d of role %s: %v", i+1, role, err)
				continue
			}
			fc := fs.add(fmt.Sprintf("%s-user%d", role, i+1), data, f)
			bold := i%2 == 1
			out[fontKey{role, bold}] = append(out[fontKey{role, bold}], fc)
			if len(user[role]) == 1 {
				out[fontKey{role, true}] = append(out[fontKey{role, true}], fc)
			}
		}
	}
	return out
}

// shippedFaces parses the faces of the fonts package.
func (fs *fontSet) shippedFaces() (map[fontKey]*face, error) {
	out := map[fontKey]*face{}
	for _, role := range roles {
		for w, data := range shipped[role] {
			f, err := truetype.Parse(data)
			if err != nil {
				return nil, fmt.Errorf("shipped font %s: %w", role, err)
			}
			name := role
			if w == 1 {
				name += "-bold"
			}
			out[fontKey{role, w == 1}] = fs.add(name, data, f)
		}
	}
	return out, nil
}

// add registers a face under a stable name.
func (fs *fontSet) add(name string, data []byte, f *truetype.Font) *face {
	fc := &face{id: FontID(len(fs.faces)), font: f, per1000: map[rune]int{}}
	fs.faces = append(fs.faces, fc)
	fs.decl = append(fs.decl, Face{Name: name, Data: data})
	return fc
}

// faceFor returns the first face of k's chain that has r, or nil.
func (fs *fontSet) faceFor(k fontKey, r rune) *face {
	m := fs.pick[k]
	if m == nil {
		m = map[rune]*face{}
		fs.pick[k] = m
	}
	if fc, ok := m[r]; ok {
		return fc
	}
	var found *face
	for _, fc := range fs.chains[k] {
		if fc.font.HasRune(r) {
			found = fc
			break
		}
	}
	m[r] = found
	return found
}

// advance1000 returns r's advance in thousandths of an em, rounded as the
// PDF writer rounds the widths it writes into /W
// (truetype.Font.AdvanceThousandths), so that the X positions computed here
// match the glyphs a viewer draws. A rune the face lacks gets .notdef's.
func (fc *face) advance1000(r rune) int {
	if w, ok := fc.per1000[r]; ok {
		return w
	}
	g, _ := fc.font.GlyphIndex(r)
	w := fc.font.AdvanceThousandths(g)
	fc.per1000[r] = w
	return w
}
