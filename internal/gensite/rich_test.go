package gensite

import (
	"strings"
	"testing"
)

// TestRichPosts checks that a rich site's posts are the same every time
// and hold, between them, every construct the rich mode promises.
func TestRichPosts(t *testing.T) {
	const n = 12
	opt := Options{Posts: n, Rich: true}
	var all strings.Builder
	formulas := 0
	for i := range n {
		a, fa := Post(i, opt)
		b, fb := Post(i, opt)
		if a != b || fa != fb {
			t.Fatalf("post %d differs between two calls", i)
		}
		all.WriteString(a)
		formulas += fa
	}
	text := all.String()
	for _, want := range []string{
		"```go\n", "```python\n", "```js\n", "```javascript\n", "```bash\n", "```yaml\n", "```json\n", "```sql\n",
		"```\nserving/", "```text\n", "```console\n", "```shell-session\n", "```none\n", "```mermaid\n", "```pseudo\n",
		"{% highlight python linenos %}", "{% include note.html %}", "({% post_url 2020-01-01-post-0000 %})",
		"[^1]:", "|---|--:|", "$$\n", "<details>\n<summary>", "<center>\n<img ", `width="480"`, `width="50%"`,
		"/assets/photos/shared-", "/assets/img/diagram-", "/assets/shots/shot-", "/assets/formula/f-",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no post has %q", want)
		}
	}
	if formulas == 0 {
		t.Error("no formulas counted")
	}
}
