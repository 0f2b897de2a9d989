package texmath

import "testing"

// Plain gives a formula as one line of text for tables of contents and
// bookmarks: Unicode scripts where every character has one, TeX's unary
// minus, spaces around relations and after named and big operators.
func TestPlain(t *testing.T) {
	for _, c := range []struct{ tex, want string }{
		{`\nabla f = 0`, "∇f = 0"},
		{`x^2 + y_i`, "x² + yᵢ"},
		{`\frac{a+b}{2}`, "(a + b)/2"},
		{`\sqrt{x} + \sqrt[3]{y} + \sqrt[k]{z}`, "√x + ∛y + ^k√z"},
		{`\mathbb{R}^n`, "ℝⁿ"},
		{`\sum_{i=1}^{n} x_i`, "∑ᵢ₌₁ⁿ xᵢ"},
		{`\log p(x)`, "log p(x)"},
		{`e^{-x^2}`, "e^(−x²)"},
		{`x^{ab}`, "x^(ab)"},
		{`\hat{y}`, "y\u0302"},
		{`\mathcal{L}(\theta)`, "ℒ(θ)"},
		{`O(n \log n)`, "O(n log n)"},
		{`\left( \frac{1}{2} \right)`, "(1/2)"},
		{`a \le b, c`, "a ≤ b, c"},
		{`\text{손실} = 1`, "손실 = 1"},
		{`\sigma(\mathbf{z})_i`, "σ(𝐳)ᵢ"},
		{`\operatorname{ReLU}(x)`, "ReLU(x)"},
		{`A^T x'`, "Aᵀx′"},
		{`\int_0^1 f(x)\,dx`, "∫₀¹ f(x) dx"},
		{`-1`, "−1"},
		{`\begin{pmatrix} a & b \\ c & d \end{pmatrix}`, "(a b; c d)"},
		{`\eqref{e}`, "(??)"},
	} {
		f, problems := Parse(c.tex, false, nil)
		if f == nil {
			t.Errorf("%s: %v", c.tex, problems)
			continue
		}
		if got := f.Plain(nil); got != c.want {
			t.Errorf("%s: %q, want %q", c.tex, got, c.want)
		}
	}
}
