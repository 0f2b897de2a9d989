package texmath

import "github.com/hangul-press/publish/pkg/truetype"

// constants are the MATH constants used by the layout, in font units.
type constants = truetype.MathConstants
