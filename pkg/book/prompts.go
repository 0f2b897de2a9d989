package book

import (
	"fmt"
	"strings"
)

// Prompt is how a quotation marked as one of the Chirpy theme's prompts
// ({: .prompt-tip } under it) is drawn: its rule's colour and the tint
// behind it, softened from the theme's own.
type Prompt struct {
	Rule, Tint [3]uint8
}

// Prompts are the prompt classes and their colours, the one home both
// writers read: the EPUB's stylesheet colours such quotations, the PDF
// their rule.
var Prompts = map[string]Prompt{
	"prompt-tip":     {Rule: [3]uint8{0x5c, 0xb8, 0x5c}, Tint: [3]uint8{0xf3, 0xfa, 0xf3}},
	"prompt-info":    {Rule: [3]uint8{0x5b, 0xc0, 0xde}, Tint: [3]uint8{0xf1, 0xf9, 0xfc}},
	"prompt-warning": {Rule: [3]uint8{0xf0, 0xad, 0x4e}, Tint: [3]uint8{0xfd, 0xf8, 0xf0}},
	"prompt-danger":  {Rule: [3]uint8{0xd9, 0x53, 0x4f}, Tint: [3]uint8{0xfc, 0xf2, 0xf2}},
}

// PromptOf returns the prompt a class attribute names, if any.
func PromptOf(class string) (Prompt, bool) {
	for _, c := range strings.Fields(class) {
		if p, ok := Prompts[c]; ok {
			return p, true
		}
	}
	return Prompt{}, false
}

// PromptCSS writes the stylesheet rules of the prompts, in a fixed order.
func PromptCSS() string {
	var b strings.Builder
	for _, name := range []string{"prompt-tip", "prompt-info", "prompt-warning", "prompt-danger"} {
		p := Prompts[name]
		fmt.Fprintf(&b, "blockquote.%s { border-left-color: #%02x%02x%02x; background-color: #%02x%02x%02x; }\n",
			name, p.Rule[0], p.Rule[1], p.Rule[2], p.Tint[0], p.Tint[1], p.Tint[2])
	}
	return b.String()
}
