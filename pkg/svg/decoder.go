package svg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// Decoder reads the XML tokens of an SVG file under the rules every
// reader of SVG here shares: encoding/xml in strict mode, which knows XML's
// five entities and no others (an entity a DTD declares is an error, so
// nothing it names is used, and no DTD is ever fetched), and a root
// element that must be <svg>, in SVG's namespace or in none. Its errors
// are worded once for both writers, so that `publish check`, which runs
// both, reports a broken file once.
type Decoder struct {
	d    *xml.Decoder
	root bool
	noNS bool
}

// NewDecoder starts reading data.
func NewDecoder(data []byte) *Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	return &Decoder{d: d}
}

// Token returns the next token (as encoding/xml's Token: names resolved
// to namespaces, end tags matched), or io.EOF after the last. The token's
// bytes are valid until the next call.
func (d *Decoder) Token() (xml.Token, error) {
	tok, err := d.d.Token()
	if errors.Is(err, io.EOF) {
		if !d.root {
			return nil, errors.New("the file holds no <svg> element")
		}
		return nil, io.EOF
	}
	if err != nil {
		return nil, fmt.Errorf("SVG is not well-formed XML: %v", err)
	}
	if se, ok := tok.(xml.StartElement); ok && !d.root {
		if se.Name.Local != "svg" || se.Name.Space != NS && se.Name.Space != "" {
			return nil, fmt.Errorf("the root element is <%s>, not <svg>", se.Name.Local)
		}
		d.root, d.noNS = true, se.Name.Space == ""
	}
	return tok, nil
}

// NoNamespace reports whether the root <svg> has no namespace: such a
// file is read as SVG, its unqualified elements as SVG's.
func (d *Decoder) NoNamespace() bool { return d.noNS }

// InSVG reports whether an element name is SVG's: in its namespace, or
// unqualified in a file whose root has none.
func (d *Decoder) InSVG(n xml.Name) bool {
	return n.Space == NS || n.Space == "" && d.noNS
}
