package texmath

import (
	"strings"
	"unicode/utf8"
)

// symbol is what a symbol command stands for.
type symbol struct {
	text  string
	class Class
	flags Flags
}

// symbolTable lists the symbol commands, one per line: name, character(s),
// class, and for big operators "lim" (limits in display style) or "int"
// (scripts at the side). Names and characters follow MathJax's TeX input
// (which follows LaTeX, amsmath and amssymb) and the Unicode characters
// that unicode-math assigns.
const symbolTable = `
alpha α ord
beta β ord
gamma γ ord
delta δ ord
epsilon ϵ ord
varepsilon ε ord
zeta ζ ord
eta η ord
theta θ ord
vartheta ϑ ord
iota ι ord
kappa κ ord
varkappa ϰ ord
lambda λ ord
mu μ ord
nu ν ord
xi ξ ord
omicron ο ord
pi π ord
varpi ϖ ord
rho ρ ord
varrho ϱ ord
sigma σ ord
varsigma ς ord
tau τ ord
upsilon υ ord
phi ϕ ord
varphi φ ord
chi χ ord
psi ψ ord
omega ω ord
Gamma Γ ord
Delta Δ ord
Theta Θ ord
Lambda Λ ord
Xi Ξ ord
Pi Π ord
Sigma Σ ord
Upsilon Υ ord
Phi Φ ord
Psi Ψ ord
Omega Ω ord
varGamma Γ ord
varDelta Δ ord
varTheta Θ ord
varLambda Λ ord
varSigma Σ ord
varPhi Φ ord
varPsi Ψ ord
varOmega Ω ord
infty ∞ ord
partial ∂ ord
nabla ∇ ord
ell ℓ ord
hbar ℏ ord
hslash ℏ ord
imath ı ord
jmath ȷ ord
emptyset ∅ ord
varnothing ⌀ ord
forall ∀ ord
exists ∃ ord
nexists ∄ ord
neg ¬ ord
lnot ¬ ord
aleph ℵ ord
beth ℶ ord
Re ℜ ord
Im ℑ ord
wp ℘ ord
prime ′ ord
angle ∠ ord
measuredangle ∡ ord
triangle △ ord
top ⊤ ord
bot ⊥ ord
dots … inner
ldots … inner
cdots ⋯ inner
vdots ⋮ ord
ddots ⋱ inner
checkmark ✓ ord
square □ ord
Box □ ord
blacksquare ■ ord
diamondsuit ♢ ord
heartsuit ♡ ord
clubsuit ♣ ord
spadesuit ♠ ord
flat ♭ ord
natural ♮ ord
sharp ♯ ord
backslash \ ord
surd √ ord
degree ° ord
cdot ⋅ bin
circ ∘ bin
bullet ∙ bin
times × bin
div ÷ bin
pm ± bin
mp ∓ bin
ast ∗ bin
star ⋆ bin
cap ∩ bin
cup ∪ bin
wedge ∧ bin
land ∧ bin
vee ∨ bin
lor ∨ bin
setminus ∖ bin
smallsetminus ∖ bin
oplus ⊕ bin
ominus ⊖ bin
otimes ⊗ bin
oslash ⊘ bin
odot ⊙ bin
dagger † bin
ddagger ‡ bin
amalg ⨿ bin
sqcup ⊔ bin
sqcap ⊓ bin
uplus ⊎ bin
wr ≀ bin
diamond ⋄ bin
bigtriangleup △ bin
bigtriangledown ▽ bin
triangleleft ◃ bin
triangleright ▹ bin
lhd ⊲ bin
rhd ⊳ bin
ltimes ⋉ bin
rtimes ⋊ bin
bigcirc ◯ bin
leq ≤ rel
le ≤ rel
geq ≥ rel
ge ≥ rel
leqq ≦ rel
geqq ≧ rel
leqslant ⩽ rel
geqslant ⩾ rel
neq ≠ rel
ne ≠ rel
equiv ≡ rel
approx ≈ rel
approxeq ≊ rel
sim ∼ rel
simeq ≃ rel
cong ≅ rel
propto ∝ rel
varpropto ∝ rel
ll ≪ rel
gg ≫ rel
lll ⋘ rel
ggg ⋙ rel
in ∈ rel
notin ∉ rel
ni ∋ rel
owns ∋ rel
subset ⊂ rel
supset ⊃ rel
subseteq ⊆ rel
supseteq ⊇ rel
subsetneq ⊊ rel
supsetneq ⊋ rel
sqsubset ⊏ rel
sqsupset ⊐ rel
sqsubseteq ⊑ rel
sqsupseteq ⊒ rel
mid ∣ rel
nmid ∤ rel
parallel ∥ rel
nparallel ∦ rel
perp ⊥ rel
to → rel
rightarrow → rel
leftarrow ← rel
gets ← rel
Rightarrow ⇒ rel
Leftarrow ⇐ rel
Leftrightarrow ⇔ rel
leftrightarrow ↔ rel
iff ⟺ rel
implies ⟹ rel
impliedby ⟸ rel
mapsto ↦ rel
longmapsto ⟼ rel
longrightarrow ⟶ rel
longleftarrow ⟵ rel
longleftrightarrow ⟷ rel
Longrightarrow ⟹ rel
Longleftarrow ⟸ rel
Longleftrightarrow ⟺ rel
uparrow ↑ rel
downarrow ↓ rel
updownarrow ↕ rel
Uparrow ⇑ rel
Downarrow ⇓ rel
Updownarrow ⇕ rel
nearrow ↗ rel
searrow ↘ rel
swarrow ↙ rel
nwarrow ↖ rel
hookrightarrow ↪ rel
hookleftarrow ↩ rel
rightharpoonup ⇀ rel
rightharpoondown ⇁ rel
leftharpoonup ↼ rel
leftharpoondown ↽ rel
rightleftharpoons ⇌ rel
leftrightarrows ⇆ rel
rightleftarrows ⇄ rel
twoheadrightarrow ↠ rel
rightsquigarrow ⇝ rel
leadsto ⇝ rel
models ⊨ rel
vdash ⊢ rel
dashv ⊣ rel
vDash ⊨ rel
prec ≺ rel
succ ≻ rel
preceq ⪯ rel
succeq ⪰ rel
coloneqq ≔ rel
eqqcolon ≕ rel
doteq ≐ rel
triangleq ≜ rel
lesssim ≲ rel
gtrsim ≳ rel
asymp ≍ rel
nless ≮ rel
ngtr ≯ rel
nleq ≰ rel
ngeq ≱ rel
nsim ≁ rel
ncong ≇ rel
nsubseteq ⊈ rel
nsupseteq ⊉ rel
bowtie ⋈ rel
Join ⋈ rel
smile ⌣ rel
frown ⌢ rel
therefore ∴ rel
because ∵ rel
colon : punct
ldotp . punct
cdotp ⋅ punct
sum ∑ op lim
prod ∏ op lim
coprod ∐ op lim
bigcup ⋃ op lim
bigcap ⋂ op lim
bigvee ⋁ op lim
bigwedge ⋀ op lim
bigoplus ⨁ op lim
bigotimes ⨂ op lim
bigodot ⨀ op lim
biguplus ⨄ op lim
bigsqcup ⨆ op lim
int ∫ op int
iint ∬ op int
iiint ∭ op int
oint ∮ op int
oiint ∯ op int
intop ∫ op lim
lbrace { open
rbrace } close
langle ⟨ open
rangle ⟩ close
lceil ⌈ open
rceil ⌉ close
lfloor ⌊ open
rfloor ⌋ close
lvert | open
rvert | close
lVert ‖ open
rVert ‖ close
lbrack [ open
rbrack ] close
vert | ord
Vert ‖ ord
| ‖ ord
{ { open
} } close
# # ord
$ $ ord
% % ord
& & ord
_ _ ord
`

// symbols maps a command name to its symbol.
var symbols = parseSymbolTable(symbolTable)

// parseSymbolTable reads symbolTable.
func parseSymbolTable(table string) map[string]symbol {
	classes := map[string]Class{"ord": Ord, "op": Op, "bin": Bin, "rel": Rel, "open": Open, "close": Close, "punct": Punct, "inner": Inner}
	out := map[string]symbol{}
	for _, line := range strings.Split(strings.TrimSpace(table), "\n") {
		f := strings.Fields(line)
		s := symbol{text: f[1], class: classes[f[2]]}
		if len(f) > 3 {
			s.flags = FLargeOp
			if f[3] == "lim" {
				s.flags |= FLimits
			}
		}
		out[f[0]] = s
	}
	return out
}

// namedOps are the operator names LaTeX defines (set upright), those with
// limits in display style marked true.
var namedOps = map[string]bool{
	"arccos": false, "arcsin": false, "arctan": false, "arg": false, "cos": false, "cosh": false,
	"cot": false, "coth": false, "csc": false, "deg": false, "dim": false, "exp": false, "hom": false,
	"ker": false, "lg": false, "ln": false, "log": false, "sec": false, "sin": false, "sinh": false,
	"tan": false, "tanh": false, "det": true, "gcd": true, "inf": true, "lim": true, "liminf": true,
	"limsup": true, "max": true, "min": true, "Pr": true, "sup": true,
}

// charClasses gives the class of the ASCII characters that are not ord.
var charClasses = map[rune]Class{
	'+': Bin, '-': Bin, '*': Bin, '=': Rel, '<': Rel, '>': Rel, ':': Rel, ',': Punct, ';': Punct,
	'(': Open, '[': Open, ')': Close, ']': Close, '!': Close, '?': Close,
}

// unicodeClasses gives the class of a character typed directly (≤, ×, ∑),
// taken from the symbol table so both spellings agree.
var unicodeClasses = func() map[string]symbol {
	out := map[string]symbol{}
	for _, s := range symbols {
		if r, n := utf8.DecodeRuneInString(s.text); n == len(s.text) && r > 127 {
			if _, dup := out[s.text]; !dup || s.class != Ord {
				out[s.text] = s
			}
		}
	}
	out["−"] = symbol{text: "−", class: Bin}
	return out
}()

// charSymbol returns the symbol of one character in math mode.
func charSymbol(ch string) symbol {
	r, _ := utf8.DecodeRuneInString(ch)
	if c, ok := charClasses[r]; ok {
		if r == '-' {
			return symbol{text: "−", class: c} // TeX's minus is U+2212, not the hyphen
		}
		if r == '*' {
			return symbol{text: "∗", class: c}
		}
		return symbol{text: ch, class: c}
	}
	if s, ok := unicodeClasses[ch]; ok {
		return s
	}
	return symbol{text: ch, class: Ord}
}
