#!/usr/bin/env bash
# bench-compare: time publish against pandoc (EPUB), pandoc + WeasyPrint
# (PDF) and zip -r (the floor for packaging the same files) on one
# generated site, and print the ratios. Every figure comes from this run.
#
#   scripts/bench-compare.sh [POSTS]      (default 500; `make bench-compare`)
#   BENCH_RUNS=N (default 3) runs of each tool; BENCH_ONLY=epub skips the PDF.
#
# Then the same on an image-heavy site (gensite -photos -screenshots:
# large JPEG photos, PNG screenshots, formula GIFs, photos shared between
# posts): publish epub against zip -r, publish pdf in pages/s, and the peak
# memory of both (GNU time). BENCH_HEAVY_POSTS (default 200; 0 skips it)
# sets its size: as many photos and screenshots as posts.
#
# Tools that are missing are skipped with a message: pandoc and weasyprint
# are Debian packages (apt-get install pandoc weasyprint zip).
set -euo pipefail
posts=${1:-${BENCH_POSTS:-500}}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

heavy=${BENCH_HEAVY_POSTS:-200}
(cd "$root" && go build -o "$work/publish" ./cmd/publish && go run ./internal/cmd/gensite -posts "$posts" -images 50 "$work/book" >/dev/null)
if [ "$heavy" -gt 0 ]; then
	(cd "$root" && go run ./internal/cmd/gensite -posts "$heavy" -images 0 -photos "$heavy" -screenshots "$heavy" "$work/heavy" >/dev/null)
fi
cd "$work/book"

# The same posts as a user would feed them to pandoc: Liquid replaced by
# plain paths and fences with sed, front matter left for pandoc to read.
mkdir -p plain
for f in site/_posts/*.md; do
	sed -e 's#{{ "\(/assets/[^"]*\)" | relative_url }}#site\1#g' \
		-e 's#{% highlight \([a-z]*\) %}#```\1#' -e 's#{% endhighlight %}#```#' "$f" > "plain/$(basename "$f")"
done

# once runs a command and prints its wall time in seconds; least keeps
# the smaller of two times. Each tool runs $runs times, the tools taking
# turns, and the best time of each counts: on a shared machine, the
# least disturbed runs are compared, under like conditions.
runs=${BENCH_RUNS:-3}
once() {
	local start end
	start=$(date +%s.%N)
	"$@" >/dev/null 2>&1
	end=$(date +%s.%N)
	echo "$end - $start" | bc
}
least() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
seconds() {
	local best=
	for _ in $(seq "$runs"); do best=$(least "$best" "$(once "$@")"); done
	echo "$best"
}
ratio() { echo "scale=1; $1 / $2" | bc; }
has() { command -v "$1" >/dev/null; }

echo "site: $posts posts, $(du -sh site/_posts | cut -f1) of Markdown, 50 images; best of $runs runs, $(nproc) CPUs"
t_epub= t_zip= t_pandoc=
for _ in $(seq "$runs"); do
	t_epub=$(least "$t_epub" "$(once "$work/publish" -q epub book.yaml -o out.epub)")
	if has zip; then
		rm -f out.zip # zip -r updates an existing archive
		t_zip=$(least "$t_zip" "$(once zip -qr out.zip site/_posts site/assets)")
	fi
	if has pandoc; then
		t_pandoc=$(least "$t_pandoc" "$(once pandoc --resource-path=. -o pandoc.epub plain/*.md)")
	fi
done
echo "publish epub:            ${t_epub} s"
if has zip; then
	echo "zip -r of the same files: ${t_zip} s   (publish is $(ratio "$t_epub" "$t_zip")× the time of zip)"
else
	echo "zip: not installed, skipped"
fi
if has pandoc; then
	echo "pandoc epub:             ${t_pandoc} s   (publish is $(ratio "$t_pandoc" "$t_epub")× faster)"
else
	echo "pandoc: not installed, skipped"
fi

# peak prints the peak resident memory of a command in MB (GNU time).
peak() {
	/usr/bin/time -f '%M' -o "$work/rss.txt" "$@" >/dev/null 2>&1
	echo $(($(cat "$work/rss.txt") / 1024))
}

# heavy_site times the image-heavy site.
heavy_site() {
	cd "$work/heavy"
	echo
	echo "image-heavy site: $heavy posts, $(du -sh site/assets | cut -f1) of images ($(find site/assets -type f | wc -l) files); best of $runs runs"
	local t_epub= t_zip=
	for _ in $(seq "$runs"); do
		t_epub=$(least "$t_epub" "$(once "$work/publish" -q epub book.yaml -o out.epub)")
		if has zip; then
			rm -f out.zip
			t_zip=$(least "$t_zip" "$(once zip -qr out.zip site/_posts site/assets)")
		fi
	done
	echo "publish epub:            ${t_epub} s"
	if has zip; then
		echo "zip -r of the same files: ${t_zip} s   (publish is $(ratio "$t_epub" "$t_zip")× the time of zip)"
	fi
	if [ -x /usr/bin/time ]; then
		echo "publish epub peak memory: $(peak "$work/publish" -q epub book.yaml -o out.epub) MB"
	fi
	if [ "${BENCH_ONLY:-}" != epub ]; then
		local t_pdf
		t_pdf=$(seconds "$work/publish" -q pdf book.yaml -o out.pdf)
		local pages
		pages=$(pdfinfo out.pdf 2>/dev/null | awk '/^Pages:/{print $2}')
		echo "publish pdf:             ${t_pdf} s${pages:+, $pages pages, $(echo "scale=0; $pages / $t_pdf" | bc) pages/s}"
		if [ -x /usr/bin/time ]; then
			echo "publish pdf peak memory: $(peak "$work/publish" -q pdf book.yaml -o out.pdf) MB"
		fi
	fi
}

if [ "${BENCH_ONLY:-}" = epub ]; then
	if [ "$heavy" -gt 0 ]; then heavy_site; fi
	exit 0 # BENCH_ONLY=epub skips the PDF, whose WeasyPrint run takes minutes
fi
t_pdf=$(seconds "$work/publish" -q pdf book.yaml -o out.pdf)
echo "publish pdf:             ${t_pdf} s"
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f '%M' -o rss.txt "$work/publish" -q pdf book.yaml -o out.pdf >/dev/null 2>&1
	pages=$(pdfinfo out.pdf 2>/dev/null | awk '/^Pages:/{print $2}')
	echo "publish pdf peak memory: $(($(cat rss.txt) / 1024)) MB${pages:+, $pages pages, $(echo "scale=0; $pages / $t_pdf" | bc) pages/s}"
fi
if command -v pandoc >/dev/null && command -v weasyprint >/dev/null; then
	t_wp=$(runs=1; seconds pandoc --resource-path=. --pdf-engine=weasyprint -o pandoc.pdf plain/*.md)
	echo "pandoc + weasyprint pdf: ${t_wp} s (one run)   (publish is $(ratio "$t_wp" "$t_pdf")× faster)"
else
	echo "pandoc/weasyprint: not installed, skipped"
fi
if [ "$heavy" -gt 0 ]; then
	heavy_site
fi
