package source

import (
	"regexp"
	"strconv"
)

// A block whose literal ranges alone ask for more iterations than a
// post's whole budget (maxIterations) is kept as written before it runs,
// and costs nothing: (1..1000000000) is refused at sight. Every other
// loop is counted as it runs (budget.go).

// rangeRE finds a literal range such as (1..10) in a for or tablerow.
var rangeRE = regexp.MustCompile(`\(\s*(-?\d+)\s*\.\.\s*(-?\d+)\s*\)`)

// loopCost multiplies the sizes of the literal ranges of every loop in
// the tokens: an upper bound of the iterations when they nest.
func loopCost(toks []token) int64 {
	cost := int64(1)
	for _, t := range toks {
		if t.kind != tokTag || t.name != "for" && t.name != "tablerow" {
			continue
		}
		for _, m := range rangeRE.FindAllStringSubmatch(t.args, -1) {
			cost *= rangeSize(m[1], m[2])
			if cost > maxIterations {
				return cost
			}
		}
	}
	return cost
}

func rangeSize(from, to string) int64 {
	a, err1 := strconv.ParseInt(from, 10, 64)
	b, err2 := strconv.ParseInt(to, 10, 64)
	if err1 != nil || err2 != nil {
		return maxIterations + 1 // too large to parse is too large to run
	}
	if b < a {
		return 1
	}
	if b-a < 0 || b-a >= maxIterations {
		return maxIterations + 1
	}
	return b - a + 1
}
