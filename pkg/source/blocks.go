package source

import "strings"

// blockTags are the Liquid tags that take an end tag. Their tokens are
// grouped from the opening to the end tag and evaluated together.
var blockTags = map[string]bool{
	"if": true, "unless": true, "case": true, "for": true, "tablerow": true,
	"capture": true, "comment": true, "highlight": true,
}

// maxNesting bounds how deep blocks may nest. Real posts nest two or
// three levels; the Liquid library parses recursively, so hostile input
// nested thousands deep is kept as text instead.
const maxNesting = 100

// matchBlocks pairs every block tag with its end tag in one pass. It
// returns, per token index, the index of the matching end tag (-1 when
// none) and whether the block holds blocks nested deeper than maxNesting.
func matchBlocks(toks []token) (match []int, deep []bool) {
	match, deep = make([]int, len(toks)), make([]bool, len(toks))
	var stack []int
	pop := func() {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if deep[top] && len(stack) > 0 {
			deep[stack[len(stack)-1]] = true
		}
	}
	for i, t := range toks {
		match[i] = -1
		if t.kind != tokTag {
			continue
		}
		if blockTags[t.name] {
			stack = append(stack, i)
			if len(stack) > maxNesting {
				deep[stack[len(stack)-maxNesting-1]] = true
			}
			continue
		}
		name, isEnd := strings.CutPrefix(t.name, "end")
		if !isEnd || !blockTags[name] {
			continue
		}
		for k := len(stack) - 1; k >= 0; k-- {
			if toks[stack[k]].name != name {
				continue
			}
			for len(stack) > k+1 {
				pop() // blocks left open inside this one stay unmatched
			}
			match[stack[k]] = i
			pop()
			break
		}
	}
	for len(stack) > 0 {
		pop()
	}
	return match, deep
}
