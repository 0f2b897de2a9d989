package source

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// MathConfig is what a Jekyll site's MathJax (or KaTeX auto-render)
// configuration says about the math of its posts. Blogs load MathJax from
// a template of their own (_includes/*.html, _layouts/*.html) or through
// their theme (the TeXt theme's mathjax: true), and configure it there:
// whether single dollars delimit inline math, which macros exist, whether
// equations are numbered, and on which posts MathJax runs at all.
type MathConfig struct {
	// Found names the file (or _config.yml key) the configuration was
	// found in; "" when the site has none.
	Found string
	// InlineDollar is true when $…$ is inline math: the configuration's
	// inlineMath lists ['$','$'], KaTeX's delimiters list $ for inline
	// math, or the theme is TeXt, whose MathJax reads single dollars.
	InlineDollar bool
	// Macros are the configuration's macros, sorted by name.
	Macros []MathMacro
	// Numbered is true when equations are numbered automatically
	// (MathJax 3 tags: 'ams', MathJax 2 autoNumber: "AMS").
	Numbered bool
	// Gate is the Liquid condition under which a template loads MathJax
	// ({% if page.use_math %}), "" when it loads it on every page.
	Gate string
}

// MathMacro is a macro of a MathJax configuration: \name stands for Body,
// with Args arguments #1…#Args.
type MathMacro struct {
	Name, Body string // the name without its backslash, and the TeX it stands for (JavaScript escapes resolved)
	Args       int    // the number of arguments; 0 for none
}

// Patterns of MathJax 2 and 3 and KaTeX configurations, as blogs write
// them in JavaScript.
var (
	mathScriptRE   = regexp.MustCompile(`(?i)mathjax|katex`)
	inlineDollarRE = regexp.MustCompile(`inlineMath\s*:\s*\[[^\]]*\[\s*['"]\$['"]\s*,\s*['"]\$['"]\s*\]`)
	katexDollarRE  = regexp.MustCompile(`left\s*:\s*['"]\$['"]\s*,\s*right\s*:\s*['"]\$['"]\s*,\s*display\s*:\s*false`)
	numberedRE     = regexp.MustCompile(`(?i)(tags\s*:\s*['"](ams|all)['"])|(autoNumber\s*:\s*['"](ams|all)['"])`)
	macrosRE       = regexp.MustCompile(`(?i)macros\s*:\s*\{`)
	macroEntryRE   = regexp.MustCompile(`^\s*([A-Za-z]+)\s*:\s*`)
	liquidTagRE    = regexp.MustCompile(`\{%-?\s*(if|unless|endif|endunless|include)\b([^%]*)-?%\}`)
)

// DetectMath reads a site's MathJax configuration from its templates
// (site-relative path → content: the caller passes _includes/ and
// _layouts/ files) and its _config.yml. A template that configures MathJax
// wins over one that only loads it; among several, the first by path.
func DetectMath(templates map[string][]byte, config map[string]any) MathConfig {
	names := make([]string, 0, len(templates))
	for n := range templates {
		names = append(names, n)
	}
	sort.Strings(names)
	var best MathConfig
	for _, n := range names {
		text := string(templates[n])
		at := mathScriptRE.FindStringIndex(text)
		if at == nil {
			continue
		}
		c := MathConfig{Found: n, Gate: gateAt(text, at[0])}
		if c.Gate == "" {
			c.Gate = includeGate(templates, names, n)
		}
		c.InlineDollar = inlineDollarRE.MatchString(text) || katexDollarRE.MatchString(text)
		c.Numbered = numberedRE.MatchString(text)
		c.Macros = readMacros(text)
		if best.Found == "" || !best.configures() && c.configures() {
			best = c
		}
	}
	if theme, ok := themeMath(config); ok && best.Found == "" {
		best = theme
	}
	return best
}

// configures reports whether a template sets any option, as opposed to
// only loading the script.
func (c MathConfig) configures() bool {
	return c.InlineDollar || c.Numbered || len(c.Macros) > 0
}

// UsesTheme reports whether the site is built with a theme, named by a
// part of its gem or repository name (usesTheme).
func (s *Site) UsesTheme(part string) bool { return s != nil && usesTheme(s.Config, part) }

// usesTheme reports whether _config.yml's theme or remote_theme names a
// theme, by a part of its gem or repository name ("text-theme",
// "jekyll-theme-chirpy", "minimal-mistakes"): the one test of which theme
// a site is built with.
func usesTheme(config map[string]any, part string) bool {
	for _, k := range []string{"theme", "remote_theme"} {
		if strings.Contains(strings.ToLower(frontString(config[k])), part) {
			return true
		}
	}
	return false
}

// chirpy reports a site built with the Chirpy theme: as a gem or remote
// theme, or as a copy of the theme's repository (the way many use it),
// which names no theme but keeps Chirpy's theme_mode setting.
func chirpy(config map[string]any) bool {
	_, mode := config["theme_mode"]
	return usesTheme(config, "jekyll-theme-chirpy") || mode
}

// Chirpy reports whether the site is built with the Chirpy theme (chirpy).
func (s *Site) Chirpy() bool { return s != nil && chirpy(s.Config) }

// themeMath is the MathJax configuration of the themes that keep it in
// their gem, not in the site: the TeXt theme (kitian616) loads MathJax on
// pages with mathjax: true and reads $…$ as math; Chirpy (cotes2020)
// loads it on posts with math: true, reads $…$ as math and numbers
// equations (its assets/js/data/mathjax.js: tags 'ams').
func themeMath(config map[string]any) (MathConfig, bool) {
	switch {
	case usesTheme(config, "text-theme"):
		return MathConfig{Found: "_config.yml (TeXt theme)", InlineDollar: true, Gate: "site.mathjax or page.mathjax"}, true
	case chirpy(config):
		return MathConfig{Found: "_config.yml (Chirpy theme)", InlineDollar: true, Numbered: true, Gate: "page.math"}, true
	}
	return MathConfig{}, false
}

// gateAt returns the conditions of the {% if %} / {% unless %} blocks open
// at offset at of a template, joined with "and"; "" when none is.
func gateAt(text string, at int) string {
	var stack []string
	for _, m := range liquidTagRE.FindAllStringSubmatchIndex(text, -1) {
		if m[0] > at {
			break
		}
		tag, cond := text[m[2]:m[3]], strings.TrimSpace(text[m[4]:m[5]])
		switch tag {
		case "if":
			stack = append(stack, cond)
		case "unless":
			stack = append(stack, "not "+cond)
		case "endif", "endunless":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	return strings.Join(stack, " and ")
}

// includeGate finds the condition under which another template includes
// the one named name ({% if page.use_math %}{% include mathjax.html %}).
func includeGate(templates map[string][]byte, names []string, name string) string {
	base := name[strings.LastIndexByte(name, '/')+1:]
	for _, n := range names {
		text := string(templates[n])
		for _, m := range liquidTagRE.FindAllStringSubmatchIndex(text, -1) {
			if text[m[2]:m[3]] != "include" {
				continue
			}
			if f := strings.Fields(text[m[4]:m[5]]); len(f) > 0 && strings.Trim(f[0], `"'`) == base {
				if g := gateAt(text, m[0]); g != "" {
					return g
				}
			}
		}
	}
	return ""
}

// readMacros reads the Macros (MathJax 2) or macros (MathJax 3) object of
// a configuration: name: "body" and name: ["body", n], strings in
// JavaScript's escapes.
func readMacros(text string) []MathMacro {
	loc := macrosRE.FindStringIndex(text)
	if loc == nil {
		return nil
	}
	rest := text[loc[1]:]
	var out []MathMacro
	for guard := 0; guard < maxMacros; guard++ {
		m := macroEntryRE.FindStringSubmatch(rest)
		if m == nil {
			break
		}
		rest = rest[len(m[0]):]
		mac := MathMacro{Name: m[1]}
		switch {
		case strings.HasPrefix(rest, "["):
			body, n := jsString(rest[1:])
			if n < 0 {
				return out
			}
			rest = strings.TrimLeft(rest[1+n:], " \t\r\n")
			mac.Body = body
			if strings.HasPrefix(rest, ",") {
				num := strings.TrimLeft(rest[1:], " \t\r\n")
				end := strings.IndexFunc(num, func(r rune) bool { return r < '0' || r > '9' })
				if end > 0 {
					mac.Args, _ = strconv.Atoi(num[:end])
				}
			}
			if end := strings.IndexByte(rest, ']'); end >= 0 {
				rest = rest[end+1:]
			}
		default:
			body, n := jsString(rest)
			if n < 0 {
				return out
			}
			mac.Body, rest = body, rest[n:]
		}
		out = append(out, mac)
		rest = strings.TrimLeft(rest, " \t\r\n,")
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// maxMacros bounds how many macros one configuration may define.
const maxMacros = 1000

// jsString reads a JavaScript string literal at the start of s (after
// white space) and returns its value and the bytes it took; -1 when s
// does not start with one.
func jsString(s string) (string, int) {
	trimmed := strings.TrimLeft(s, " \t\r\n")
	skip := len(s) - len(trimmed)
	if trimmed == "" || (trimmed[0] != '"' && trimmed[0] != '\'') {
		return "", -1
	}
	quote := trimmed[0]
	var b strings.Builder
	for i := 1; i < len(trimmed); i++ {
		c := trimmed[i]
		switch {
		case c == quote:
			return b.String(), skip + i + 1
		case c == '\\' && i+1 < len(trimmed):
			i++
			b.WriteByte(trimmed[i])
		default:
			b.WriteByte(c)
		}
	}
	return "", -1
}

// On reports whether MathJax runs on a post with front matter front, by
// the configuration's Gate. The gate is read as Liquid reads it, for the
// conditions blogs write: page.x and site.x, alone or compared with ==
// and != to true, false or a string, joined by "and" and "or" (Liquid
// reads them right to left, without precedence); anything else counts as
// true, so that an unusual gate never hides math.
func (c MathConfig) On(front, config map[string]any) bool {
	if c.Found == "" {
		return false
	}
	if strings.TrimSpace(c.Gate) == "" {
		return true
	}
	return evalGate(strings.Fields(c.Gate), front, config)
}

// evalGate evaluates "a or b and c" right to left, as Liquid does.
func evalGate(words []string, front, config map[string]any) bool {
	for i := len(words) - 1; i >= 0; i-- {
		if words[i] == "or" || words[i] == "and" {
			right := evalGate(words[i+1:], front, config)
			left := evalGate(words[:i], front, config)
			if words[i] == "or" {
				return left || right
			}
			return left && right
		}
	}
	return evalAtom(words, front, config)
}

// evalAtom evaluates "page.x", "not page.x" or "page.x == value".
func evalAtom(words []string, front, config map[string]any) bool {
	if len(words) > 0 && words[0] == "not" {
		return !evalAtom(words[1:], front, config)
	}
	if len(words) == 0 {
		return true
	}
	v, ok := gateValue(words[0], front, config)
	if !ok {
		return true
	}
	if len(words) == 3 && (words[1] == "==" || words[1] == "!=") {
		want := strings.Trim(words[2], `"'`)
		eq := frontString(v) == want || (want == "true" && v == true) || (want == "false" && v == false)
		return eq == (words[1] == "==")
	}
	return truthy(v)
}

// gateValue looks up page.x or site.x.
func gateValue(name string, front, config map[string]any) (any, bool) {
	switch {
	case strings.HasPrefix(name, "page."):
		return front[strings.TrimPrefix(name, "page.")], true
	case strings.HasPrefix(name, "site."):
		return config[strings.TrimPrefix(name, "site.")], true
	}
	return nil, false
}

// truthy is Liquid's truth: everything but nil and false.
func truthy(v any) bool {
	return v != nil && v != false
}
