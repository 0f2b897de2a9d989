package markdown

import (
	"testing"
	"unicode/utf8"
)

// TestBreakIsSpace checks the segment break rules on character pairs.
func TestBreakIsSpace(t *testing.T) {
	tests := []struct {
		before, after rune
		want          bool
	}{
		{'프', '던', true},  // Hangul on both sides
		{'本', '語', false}, // Han on both sides
		{'。', '語', false}, // fullwidth punctuation is wide
		{'다', '語', true},  // one side Hangul
		{'.', '다', true},  // narrow punctuation keeps the space
		{'a', 'b', true},
		{'本', 'a', true},
		{'\u200b', 'a', false},
		{'ア', 'ｱ', false}, // halfwidth katakana is EAW H
		{utf8.RuneError, '本', true},
	}
	for _, tt := range tests {
		if got := breakIsSpace(tt.before, tt.after); got != tt.want {
			t.Errorf("breakIsSpace(%q, %q) = %v, want %v", tt.before, tt.after, got, tt.want)
		}
	}
}
