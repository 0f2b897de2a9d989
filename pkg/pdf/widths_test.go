package pdf

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// readWidths is a slow reference reader of /DW and /W: it expands every
// form into a width per CID, up to n CIDs.
func readWidths(t *testing.T, s string, n int) []int {
	t.Helper()
	m := regexp.MustCompile(`^/DW (\d+)/W\[(.*)\]$`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("not /DW … /W[…]: %q", s)
	}
	dw, _ := strconv.Atoi(m[1])
	out := make([]int, n)
	for i := range out {
		out[i] = dw
	}
	toks := regexp.MustCompile(`\d+|\[|\]`).FindAllString(m[2], -1)
	num := func(i int) int {
		v, err := strconv.Atoi(toks[i])
		if err != nil {
			t.Fatalf("token %d %q is not a number in %q", i, toks[i], s)
		}
		return v
	}
	for i := 0; i < len(toks); {
		first := num(i)
		if toks[i+1] == "[" {
			j := i + 2
			for ; toks[j] != "]"; j++ {
				out[first+j-i-2] = num(j)
			}
			i = j + 1
			continue
		}
		last, w := num(i+1), num(i+2)
		if last-first+1 < minWidthRange {
			t.Errorf("range %d–%d shorter than %d in %q", first, last, minWidthRange, s)
		}
		for c := first; c <= last; c++ {
			out[c] = w
		}
		i += 3
	}
	return out
}

// TestWidthsAgainstReference writes random width tables (long equal runs,
// a dominant width, scattered odd ones) and reads them back.
func TestWidthsAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for trial := range 300 {
		n := rng.IntN(300) + 1
		widths := make([]int, n)
		for i := range widths {
			switch {
			case i > 0 && rng.IntN(3) == 0:
				widths[i] = widths[i-1]
			case rng.IntN(2) == 0:
				widths[i] = 1000
			default:
				widths[i] = rng.IntN(1200)
			}
		}
		s := string(appendWidths(nil, widths))
		got := readWidths(t, s, n)
		for i := range widths {
			if got[i] != widths[i] {
				t.Fatalf("trial %d: CID %d width %d, want %d\n%s", trial, i, got[i], widths[i], s)
			}
		}
		if dw := commonest(widths); strings.Contains(s, " "+strconv.Itoa(dw)+"]") && !strings.HasPrefix(s, "/DW "+strconv.Itoa(dw)) {
			t.Fatalf("trial %d: the default is not the commonest width", trial)
		}
	}
}

func TestWidthsForms(t *testing.T) {
	for _, tc := range []struct {
		widths []int
		want   string
	}{
		{[]int{500, 1000, 1000, 1000}, "/DW 1000/W[0[500]]"},
		{[]int{0, 1000, 600, 600, 600, 600, 1000, 250, 1000, 1000, 1000}, "/DW 1000/W[0[0]2 5 600 7[250]]"},
		{[]int{1000}, "/DW 1000/W[]"},
		{nil, "/DW 0/W[]"},
	} {
		if got := string(appendWidths(nil, tc.widths)); got != tc.want {
			t.Errorf("appendWidths(%v) = %q, want %q", tc.widths, got, tc.want)
		}
	}
}
