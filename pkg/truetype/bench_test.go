package truetype

import "testing"

func BenchmarkParse(b *testing.B) {
	for _, sf := range shipped {
		b.Run(sf.name, func(b *testing.B) {
			b.SetBytes(int64(len(sf.data)))
			for b.Loop() {
				if _, err := Parse(sf.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAdvance measures the per-character call the layout engine makes.
func BenchmarkAdvance(b *testing.B) {
	f, err := Parse(shipped[0].data)
	if err != nil {
		b.Fatal(err)
	}
	text := []rune(sampleText)
	sum := 0
	for i := 0; b.Loop(); i++ {
		sum += f.Advance(text[i%len(text)])
	}
	if sum == 0 {
		b.Fatal("no advances")
	}
}

// BenchmarkSubset1500 subsets to 1,500 distinct Hangul syllables, about
// what a long Korean book uses.
func BenchmarkSubset1500(b *testing.B) {
	f, err := Parse(shipped[0].data)
	if err != nil {
		b.Fatal(err)
	}
	var runes []rune
	for r := rune(0xAC00); len(runes) < 1500; r += 7 {
		runes = append(runes, r)
	}
	var size int
	for b.Loop() {
		sub, err := f.Subset(runes, "Bench")
		if err != nil {
			b.Fatal(err)
		}
		size = len(sub)
	}
	b.ReportMetric(float64(size), "bytes")
}
