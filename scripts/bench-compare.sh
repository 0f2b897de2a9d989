#!/usr/bin/env bash
# bench-compare: time publish against pandoc (EPUB), pandoc + WeasyPrint
# (PDF) and zip -r (the floor for packaging the same files) on one
# generated site, and print the ratios. Every figure comes from this run.
#
#   scripts/bench-compare.sh [POSTS]      (default 500; `make bench-compare`)
#
# Tools that are missing are skipped with a message: pandoc and weasyprint
# are Debian packages (apt-get install pandoc weasyprint zip).
set -euo pipefail
posts=${1:-${BENCH_POSTS:-500}}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$root" && go build -o "$work/publish" ./cmd/publish && go run ./internal/cmd/gensite -posts "$posts" -images 50 "$work/book" >/dev/null)
cd "$work/book"

# The same posts as a user would feed them to pandoc: Liquid replaced by
# plain paths and fences with sed, front matter left for pandoc to read.
mkdir -p plain
for f in site/_posts/*.md; do
	sed -e 's#{{ "\(/assets/[^"]*\)" | relative_url }}#site\1#g' \
		-e 's#{% highlight \([a-z]*\) %}#```\1#' -e 's#{% endhighlight %}#```#' "$f" > "plain/$(basename "$f")"
done

# seconds runs a command and prints its wall time in seconds.
seconds() {
	local start end
	start=$(date +%s.%N)
	"$@" >/dev/null 2>&1
	end=$(date +%s.%N)
	echo "$end - $start" | bc
}
ratio() { echo "scale=1; $1 / $2" | bc; }

echo "site: $posts posts, $(du -sh site/_posts | cut -f1) of Markdown, 50 images"
t_epub=$(seconds "$work/publish" -q epub book.yaml -o out.epub)
echo "publish epub:            ${t_epub} s"
if command -v zip >/dev/null; then
	t_zip=$(seconds zip -qr out.zip site/_posts site/assets)
	echo "zip -r of the same files: ${t_zip} s   (publish is $(ratio "$t_epub" "$t_zip")× the time of zip)"
else
	echo "zip: not installed, skipped"
fi
if command -v pandoc >/dev/null; then
	t_pandoc=$(seconds pandoc --resource-path=. -o pandoc.epub plain/*.md)
	echo "pandoc epub:             ${t_pandoc} s   (publish is $(ratio "$t_pandoc" "$t_epub")× faster)"
else
	echo "pandoc: not installed, skipped"
fi

t_pdf=$(seconds "$work/publish" -q pdf book.yaml -o out.pdf)
echo "publish pdf:             ${t_pdf} s"
if command -v pandoc >/dev/null && command -v weasyprint >/dev/null; then
	t_wp=$(seconds pandoc --resource-path=. --pdf-engine=weasyprint -o pandoc.pdf plain/*.md)
	echo "pandoc + weasyprint pdf: ${t_wp} s   (publish is $(ratio "$t_wp" "$t_pdf")× faster)"
else
	echo "pandoc/weasyprint: not installed, skipped"
fi
