package truetype

// MathConstants are the MATH table's global constants (OpenType spec,
// "MathConstants table"), in font units except the two percentages and
// RadicalDegreeBottomRaisePercent. The field names are the spec's; the
// field comments give the use, and the spec's table has the details.
// "Ink" is the glyphs' drawn outlines. The baseline drops of scripts
// ("boxed" base) apply to a base that is not a single glyph, or is an
// extended shape.
type MathConstants struct {
	ScriptPercentScaleDown       int // size of scripts, percent of the base size
	ScriptScriptPercentScaleDown int // size of second-level scripts, percent
	DelimitedSubFormulaMinHeight int // least height for a delimited formula to use a larger delimiter
	DisplayOperatorMinHeight     int // least height of a large operator in display style

	MathLeading                              int // space to leave between lines that hold formulas
	AxisHeight                               int // height of the math axis (fraction rules, centred delimiters)
	AccentBaseHeight                         int // bases up to this height need no accent raise
	FlattenedAccentBaseHeight                int // bases up to this height need no flattened accent
	SubscriptShiftDown                       int // usual drop of a subscript's baseline, positive down
	SubscriptTopMax                          int // highest a subscript's ink top may reach before it is moved down
	SubscriptBaselineDropMin                 int // least drop of a subscript's baseline below a boxed base's ink bottom
	SuperscriptShiftUp                       int // usual rise of a superscript's baseline
	SuperscriptShiftUpCramped                int // the same in cramped style
	SuperscriptBottomMin                     int // lowest a superscript's ink bottom may sit before it is moved up
	SuperscriptBaselineDropMax               int // greatest drop of a superscript's baseline below a boxed base's ink top
	SubSuperscriptGapMin                     int // least ink gap between a superscript and the subscript under it
	SuperscriptBottomMaxWithSubscript        int // highest a superscript is raised to widen that gap before the subscript moves down
	SpaceAfterScript                         int // space added after a subscript or superscript
	UpperLimitGapMin                         int // least ink gap between an upper limit and its operator
	UpperLimitBaselineRiseMin                int // least rise of an upper limit's baseline above the operator's ink top
	LowerLimitGapMin                         int // least ink gap between the operator and its lower limit
	LowerLimitBaselineDropMin                int // least drop of a lower limit's baseline below the operator's ink bottom
	StackTopShiftUp                          int // usual rise of a stack's top (\binom, fractions without a rule)
	StackTopDisplayStyleShiftUp              int // the same in display style
	StackBottomShiftDown                     int // usual drop of a stack's bottom, positive down
	StackBottomDisplayStyleShiftDown         int // the same in display style
	StackGapMin                              int // least ink gap between a stack's top and bottom
	StackDisplayStyleGapMin                  int // the same in display style
	StretchStackTopShiftUp                   int // usual rise of what sits over a stretched element (an over-brace's label)
	StretchStackBottomShiftDown              int // usual drop of what sits under a stretched element, positive down
	StretchStackGapAboveMin                  int // least gap between a stretched element and what sits over it
	StretchStackGapBelowMin                  int // least gap between a stretched element and what sits under it
	FractionNumeratorShiftUp                 int // usual rise of a numerator's baseline
	FractionNumeratorDisplayStyleShiftUp     int // the same in display style
	FractionDenominatorShiftDown             int // usual drop of a denominator's baseline, positive down
	FractionDenominatorDisplayStyleShiftDown int // the same in display style
	FractionNumeratorGapMin                  int // least gap between a numerator's ink and the rule
	FractionNumDisplayStyleGapMin            int // the same in display style
	FractionRuleThickness                    int // thickness of a fraction's rule
	FractionDenominatorGapMin                int // least gap between the rule and a denominator's ink
	FractionDenomDisplayStyleGapMin          int // the same in display style
	SkewedFractionHorizontalGap              int // horizontal gap between the parts of a skewed (slashed) fraction
	SkewedFractionVerticalGap                int // vertical ink gap between the parts of a skewed fraction
	OverbarVerticalGap                       int // gap between a base's ink top and an overbar
	OverbarRuleThickness                     int // thickness of an overbar
	OverbarExtraAscender                     int // space kept above an overbar
	UnderbarVerticalGap                      int // gap between a base's ink bottom and an underbar
	UnderbarRuleThickness                    int // thickness of an underbar
	UnderbarExtraDescender                   int // space kept below an underbar
	RadicalVerticalGap                       int // gap between the radicand's ink top and the radical's rule
	RadicalDisplayStyleVerticalGap           int // the same in display style
	RadicalRuleThickness                     int // thickness of the radical's rule
	RadicalExtraAscender                     int // space kept above the radical's rule
	RadicalKernBeforeDegree                  int // space before a root's degree (the 3 of a cube root)
	RadicalKernAfterDegree                   int // kern after the degree, usually negative
	RadicalDegreeBottomRaisePercent          int // percent of the radical's height
}

// mathConstantsSize is the size of the MathConstants table: four 16-bit
// fields, 51 MathValueRecords of 4 bytes, one 16-bit field.
const mathConstantsSize = 4*2 + 51*4 + 2

// constants reads the MathConstants table at off into c, in the table's
// field order.
func (r *mathReader) constants(off int, c *MathConstants) {
	if off < 0 {
		r.fail(errNoConstants)
		return
	}
	r.u16(off + mathConstantsSize - 2) // one bounds check for the whole table
	head := []*int{&c.ScriptPercentScaleDown, &c.ScriptScriptPercentScaleDown,
		&c.DelimitedSubFormulaMinHeight, &c.DisplayOperatorMinHeight}
	for i, p := range head {
		*p = r.s16(off + 2*i)
	}
	records := []*int{
		&c.MathLeading, &c.AxisHeight, &c.AccentBaseHeight, &c.FlattenedAccentBaseHeight,
		&c.SubscriptShiftDown, &c.SubscriptTopMax, &c.SubscriptBaselineDropMin,
		&c.SuperscriptShiftUp, &c.SuperscriptShiftUpCramped, &c.SuperscriptBottomMin,
		&c.SuperscriptBaselineDropMax, &c.SubSuperscriptGapMin, &c.SuperscriptBottomMaxWithSubscript,
		&c.SpaceAfterScript, &c.UpperLimitGapMin, &c.UpperLimitBaselineRiseMin,
		&c.LowerLimitGapMin, &c.LowerLimitBaselineDropMin, &c.StackTopShiftUp,
		&c.StackTopDisplayStyleShiftUp, &c.StackBottomShiftDown, &c.StackBottomDisplayStyleShiftDown,
		&c.StackGapMin, &c.StackDisplayStyleGapMin, &c.StretchStackTopShiftUp,
		&c.StretchStackBottomShiftDown, &c.StretchStackGapAboveMin, &c.StretchStackGapBelowMin,
		&c.FractionNumeratorShiftUp, &c.FractionNumeratorDisplayStyleShiftUp,
		&c.FractionDenominatorShiftDown, &c.FractionDenominatorDisplayStyleShiftDown,
		&c.FractionNumeratorGapMin, &c.FractionNumDisplayStyleGapMin, &c.FractionRuleThickness,
		&c.FractionDenominatorGapMin, &c.FractionDenomDisplayStyleGapMin,
		&c.SkewedFractionHorizontalGap, &c.SkewedFractionVerticalGap,
		&c.OverbarVerticalGap, &c.OverbarRuleThickness, &c.OverbarExtraAscender,
		&c.UnderbarVerticalGap, &c.UnderbarRuleThickness, &c.UnderbarExtraDescender,
		&c.RadicalVerticalGap, &c.RadicalDisplayStyleVerticalGap, &c.RadicalRuleThickness,
		&c.RadicalExtraAscender, &c.RadicalKernBeforeDegree, &c.RadicalKernAfterDegree,
	}
	for i, p := range records {
		*p = r.value(off + 8 + 4*i)
	}
	c.RadicalDegreeBottomRaisePercent = r.s16(off + 8 + 4*len(records))
}
