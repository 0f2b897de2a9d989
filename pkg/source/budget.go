package source

import (
	"fmt"
	"reflect"
	"time"

	"github.com/hangul-press/publish/pkg/diag"
	"github.com/osteele/liquid/values"
)

// The Liquid budget of one post. Real posts loop over a few tags, print a
// few variables and include a snippet or two; hostile ones double a
// captured string thirty times, nest loops, or include a file that
// includes itself. Past any of these the evaluation stops, with one
// warning, and the post's text is kept as written from the piece of
// Liquid that went over (see evaluator.exhausted).
const (
	// maxIterations bounds the iterations of all loops of a post together
	// ({% for %} and {% tablerow %}, over ranges, variables, front matter
	// or split strings, nested or one after another).
	maxIterations = 100_000
	// maxLiquidBytes bounds the text Liquid makes or handles for a post:
	// what {{ }} prints, what every filter takes and gives, the literal
	// text of a loop body on each iteration, highlighted code inside
	// blocks. It bounds the memory of assign and capture, and the time of
	// filters, which is linear in their input.
	maxLiquidBytes = 8 << 20
	// maxIncludes bounds how many times include and include_relative run for a post
	// (its depth is bounded by maxIncludeDepth); maxIncludedBytes bounds
	// the bytes those files have in all.
	maxIncludes      = 256
	maxIncludedBytes = 8 << 20
)

// budget is what is left of a post's Liquid budget.
type budget struct {
	iterations int
	bytes      int64
	includes   int
	included   int64
}

func newBudget() budget {
	return budget{iterations: maxIterations, bytes: maxLiquidBytes, includes: maxIncludes, included: maxIncludedBytes}
}

// overrun records why and where the budget ran out: the construct being
// evaluated (a loop, an object, a tag), perhaps in an included file.
type overrun struct {
	pos      diag.Pos
	what     string
	reported bool
}

// Error makes an overrun the error that stops the Liquid library.
func (o *overrun) Error() string { return o.what }

// exhaust records the first overrun of the post at the tag being
// evaluated and returns it as an error; once spent, every later charge
// fails with the same error, so the piece stops at once.
func (ev *evaluator) exhaust(format string, args ...any) error {
	if ev.spent == nil {
		ev.spent = &overrun{pos: ev.at.tagPos(), what: fmt.Sprintf(format, args...)}
	}
	return ev.spent
}

// charge takes n bytes from the budget.
func (ev *evaluator) charge(n int64) error {
	if ev.spent != nil {
		return ev.spent
	}
	ev.left.bytes -= n
	if ev.left.bytes < 0 {
		return ev.exhaust("more than %d MiB of text made or handled", maxLiquidBytes>>20)
	}
	return nil
}

// iterate takes one loop iteration from the budget.
func (ev *evaluator) iterate() error {
	if ev.spent != nil {
		return ev.spent
	}
	ev.left.iterations--
	if ev.left.iterations < 0 {
		return ev.exhaust("more than %d loop iterations", maxIterations)
	}
	return nil
}

// include takes one inclusion from the budget, before the file is read.
func (ev *evaluator) include() error {
	if ev.spent != nil {
		return ev.spent
	}
	ev.left.includes--
	if ev.left.includes < 0 {
		return ev.exhaust("more than %d inclusions (include and include_relative)", maxIncludes)
	}
	return nil
}

// included takes the n bytes of an included file from the budget.
func (ev *evaluator) included(n int) error {
	if ev.spent != nil {
		return ev.spent
	}
	ev.left.included -= int64(n)
	if ev.left.included < 0 {
		return ev.exhaust("more than %d MiB of included files", maxIncludedBytes>>20)
	}
	return nil
}

// Sizes that sizeOf counts for what is not text: a machine word for
// scalars, an interface value (two words) for each element of a list or
// entry of a map.
const (
	scalarSize  = 8
	elementSize = 16
)

// sizeOf estimates the bytes a Liquid value holds: its text, and an
// element's worth for each item of a list or map. It stops counting once
// the total passes limit, so that measuring costs no more than the budget
// it is checked against. Nested values are walked with a stack, not
// recursion: front matter may nest deeply.
func sizeOf(v any, limit int64) int64 {
	var total int64
	stack := []any{v}
	for len(stack) > 0 && total <= limit {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch v := v.(type) {
		case nil, bool, int, int64, float64, time.Time:
			total += scalarSize
		case string:
			total += int64(len(v))
		case []byte:
			total += int64(len(v))
		case values.Range:
			total += int64(max(v.Len(), 0)) * elementSize
		case []any:
			total += int64(len(v)) * elementSize
			stack = appendCapped(stack, v, limit-total)
		case sortedMap:
			total += sizeMap(v, &stack, limit-total)
		case map[string]any:
			total += sizeMap(v, &stack, limit-total)
		default:
			total += reflectSize(v, &stack, limit-total)
		}
	}
	return total
}

// sizeMap sizes a map's keys and pushes its values, until room is used.
func sizeMap(m map[string]any, stack *[]any, room int64) int64 {
	size := int64(0)
	for k, x := range m {
		if size > room {
			break
		}
		size += elementSize + int64(len(k))
		*stack = append(*stack, x)
	}
	return size
}

// appendCapped pushes the items of a list, no more than room bytes'
// worth of elements: the rest would pass the limit anyway.
func appendCapped(stack, items []any, room int64) []any {
	if n := room/elementSize + 1; int64(len(items)) > n {
		items = items[:max(n, 0)]
	}
	return append(stack, items...)
}

// reflectSize sizes the kinds of values the library makes that sizeOf
// does not name ([]string from split, typed maps and slices).
func reflectSize(v any, stack *[]any, room int64) int64 {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return int64(rv.Len())
	case reflect.Slice, reflect.Array:
		n := rv.Len()
		for i := 0; i < n && int64(i)*elementSize <= room; i++ {
			*stack = append(*stack, rv.Index(i).Interface())
		}
		return int64(n) * elementSize
	case reflect.Map:
		iter := rv.MapRange()
		size := int64(0)
		for iter.Next() && size <= room {
			*stack = append(*stack, iter.Key().Interface(), iter.Value().Interface())
			size += elementSize
		}
		return int64(rv.Len()) * elementSize
	}
	return scalarSize
}
