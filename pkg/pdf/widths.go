package pdf

// minWidthRange is the shortest stretch of equal widths written in the
// /W array's range form "first last width" rather than listed one by one:
// from four on, the range form is the shorter.
const minWidthRange = 4

// appendWidths writes a CID font's /DW and /W entries (ISO 32000-1:2008,
// 9.7.4.3) for glyph widths indexed by CID. The commonest width becomes
// the default, /DW, and /W lists only the CIDs whose width differs: runs
// of consecutive CIDs as "first [w w …]", and stretches of one width as
// "first last w".
func appendWidths(b []byte, widths []int) []byte {
	dw := commonest(widths)
	b = append(b, "/DW "...)
	b = appendInt(b, dw)
	b = append(b, "/W["...)
	for i := 0; i < len(widths); {
		if widths[i] == dw {
			i++
			continue
		}
		j := i
		for j < len(widths) && widths[j] != dw {
			j++
		}
		b = appendWidthRun(b, widths, i, j)
		i = j
	}
	return append(b, ']')
}

// appendWidthRun writes the widths of CIDs first to end-1, none of them
// the default.
func appendWidthRun(b []byte, widths []int, first, end int) []byte {
	list := -1 // start of the pending "first [w …]" group, or -1
	flush := func(upTo int) {
		if list < 0 {
			return
		}
		b = appendInt(b, list)
		b = append(b, '[')
		for k := list; k < upTo; k++ {
			if k > list {
				b = append(b, ' ')
			}
			b = appendInt(b, widths[k])
		}
		b = append(b, ']')
		list = -1
	}
	for k := first; k < end; {
		m := k + 1
		for m < end && widths[m] == widths[k] {
			m++
		}
		if m-k >= minWidthRange {
			flush(k)
			b = appendInt(b, k)
			b = append(b, ' ')
			b = appendInt(b, m-1)
			b = append(b, ' ')
			b = appendInt(b, widths[k])
			b = append(b, ' ')
		} else if list < 0 {
			list = k
		}
		k = m
	}
	flush(end)
	return b
}

// commonest returns the most frequent value, the smaller one on a tie; 0
// for no values.
func commonest(values []int) int {
	count := map[int]int{}
	best, n := 0, 0
	for _, v := range values {
		count[v]++
		if c := count[v]; c > n || c == n && v < best {
			best, n = v, c
		}
	}
	return best
}
