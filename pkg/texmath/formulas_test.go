package texmath

// demoFormulas are typical formulas of a Korean machine-learning blog,
// written for these tests.
var demoFormulas = []struct {
	tex     string
	display bool
}{
	{`\sigma(\mathbf{z})_i = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}`, true},
	{`\mathcal{L}(\theta) = -\frac{1}{N}\sum_{i=1}^{N}\sum_{c=1}^{C} y_{i,c}\log \hat{y}_{i,c}`, true},
	{`\frac{\partial \mathcal{L}}{\partial w_{ij}} = \frac{\partial \mathcal{L}}{\partial a_j}\frac{\partial a_j}{\partial w_{ij}}`, true},
	{`\begin{aligned} (a+b)^2 &= (a+b)(a+b) \\ &= a^2 + 2ab + b^2 \end{aligned}`, true},
	{`A = \begin{pmatrix} a_{11} & a_{12} \\ a_{21} & a_{22} \end{pmatrix}, \quad \det A = \begin{vmatrix} a & b \\ c & d \end{vmatrix}`, true},
	{`\mathrm{ReLU}(x) = \begin{cases} x & \text{if } x > 0 \\ 0 & \text{그 외} \end{cases}`, true},
	{`X \in \mathbb{R}^{n\times d}, \; W \in \mathbb{R}^{d \times k}`, false},
	{`\hat\theta = \operatorname*{arg\,max}_{\theta} \prod_{i=1}^{n} p(x_i \mid \theta)`, true},
	{`\text{손실 함수} = \sqrt{\frac{1}{n}\sum_{i=1}^n (y_i - \hat y_i)^2} + \sqrt[3]{x}`, true},
	{`\left( \frac{a}{b} \right) \bigl( x \bigr) \Bigl[ y \Bigr] \biggl\{ z \biggr\} \Biggl| w \Biggr|`, true},
	{`\overbrace{a+b+c}^{3} \quad \underbrace{x_1 + \cdots + x_n}_{n} \quad \vec{v} \; \dot{x} \; \ddot{x} \; \bar{x} \; \tilde{x} \; \widehat{xyz} \; \widetilde{abc} \; \overline{AB} \; \underline{CD}`, true},
	{`\int_0^1 f(x)\,dx = \lim_{n \to \infty} \sum_{k=1}^{n} f\left(\frac{k}{n}\right)\frac{1}{n}`, true},
	{`\binom{n}{k} = \frac{n!}{k!(n-k)!}, \quad f'(x) = \nabla_\theta J(\theta)`, true},
	{`\begin{align} \mathbf{h}_t &= \tanh(W_h \mathbf{h}_{t-1} + W_x \mathbf{x}_t) \tag{1} \\ \boldsymbol{\mu} &= \mathbb{E}[\mathbf{x}] \tag{2} \end{align}`, true},
}
