package book

import (
	"bytes"
	"strings"
	"testing"
)

func TestDecodeDataURL(t *testing.T) {
	for raw, want := range map[string]string{
		"data:image/png;base64,aGVsbG8=":              "hello",
		"data:image/png;base64,aGVs\n bG8":            "hello", // white space and no padding
		"data:;base64,aGk=":                           "hi",
		"data:image/svg+xml;utf8,%3Csvg%3E":           "<svg>",
		"data:image/svg+xml;charset=utf-8,%3Csvg/%3E": "<svg/>",
		"data:text/html,x":                            "error",
		"data:image/png;base64":                       "error",
		"data:image/png;base64,!!!":                   "error",
		"data:image/png,%zz":                          "error",
	} {
		got, err := decodeDataURL(raw)
		if (err != nil) != (want == "error") || err == nil && string(got) != want {
			t.Errorf("decodeDataURL(%q) = %q, %v; want %q", raw, got, err, want)
		}
	}
	huge := "data:image/png;base64," + strings.Repeat("A", maxDataImage/3*4+8)
	if _, err := decodeDataURL(huge); err == nil {
		t.Error("a data: URL past the limit decoded")
	}
}

// FuzzDataURL: any data: URL decodes to at most maxDataImage bytes or
// fails with a message; what decodes as base64 encodes back the same.
func FuzzDataURL(f *testing.F) {
	for _, s := range []string{"data:image/png;base64,aGVsbG8=", "data:,", "data:image/svg+xml,%3C", "data:;base64,====", "data:image/gif;base64,R0lGODlh"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if !strings.HasPrefix(raw, "data:") {
			raw = "data:" + raw
		}
		data, err := decodeDataURL(raw)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error without a message")
			}
			return
		}
		if len(data) > maxDataImage {
			t.Fatalf("%d bytes decoded", len(data))
		}
		if bytes.Contains([]byte(raw), []byte(";base64,")) && len(data) > 0 && len(data)*4/3 > len(raw)+3 {
			t.Fatalf("%d bytes from %d characters", len(data), len(raw))
		}
	})
}
