package truetype

// MathConstants are the MATH table's global constants (OpenType spec,
// "MathConstants table"), in font units except the two percentages and
// RadicalDegreeBottomRaisePercent. The field comments give the use; the
// spec's table has the details.
type MathConstants struct {
	ScriptPercentScaleDown       int // size of scripts, percent of the base size
	ScriptScriptPercentScaleDown int // size of second-level scripts, percent
	DelimitedSubFormulaMinHeight int // least height for a delimited formula to use a larger delimiter
	DisplayOperatorMinHeight     int // least height of a large operator in display style

	MathLeading                              int
	AxisHeight                               int // height of the math axis (fraction rules, centred delimiters)
	AccentBaseHeight                         int // bases up to this height need no accent raise
	FlattenedAccentBaseHeight                int
	SubscriptShiftDown                       int
	SubscriptTopMax                          int
	SubscriptBaselineDropMin                 int
	SuperscriptShiftUp                       int
	SuperscriptShiftUpCramped                int
	SuperscriptBottomMin                     int
	SuperscriptBaselineDropMax               int
	SubSuperscriptGapMin                     int
	SuperscriptBottomMaxWithSubscript        int
	SpaceAfterScript                         int
	UpperLimitGapMin                         int
	UpperLimitBaselineRiseMin                int
	LowerLimitGapMin                         int
	LowerLimitBaselineDropMin                int
	StackTopShiftUp                          int
	StackTopDisplayStyleShiftUp              int
	StackBottomShiftDown                     int
	StackBottomDisplayStyleShiftDown         int
	StackGapMin                              int
	StackDisplayStyleGapMin                  int
	StretchStackTopShiftUp                   int
	StretchStackBottomShiftDown              int
	StretchStackGapAboveMin                  int
	StretchStackGapBelowMin                  int
	FractionNumeratorShiftUp                 int
	FractionNumeratorDisplayStyleShiftUp     int
	FractionDenominatorShiftDown             int
	FractionDenominatorDisplayStyleShiftDown int
	FractionNumeratorGapMin                  int
	FractionNumDisplayStyleGapMin            int
	FractionRuleThickness                    int
	FractionDenominatorGapMin                int
	FractionDenomDisplayStyleGapMin          int
	SkewedFractionHorizontalGap              int
	SkewedFractionVerticalGap                int
	OverbarVerticalGap                       int
	OverbarRuleThickness                     int
	OverbarExtraAscender                     int
	UnderbarVerticalGap                      int
	UnderbarRuleThickness                    int
	UnderbarExtraDescender                   int
	RadicalVerticalGap                       int
	RadicalDisplayStyleVerticalGap           int
	RadicalRuleThickness                     int
	RadicalExtraAscender                     int
	RadicalKernBeforeDegree                  int
	RadicalKernAfterDegree                   int
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
