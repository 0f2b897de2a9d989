#!/usr/bin/env bash
# bench-compare: time publish against pandoc (EPUB), pandoc + WeasyPrint
# (PDF) and zip -r (the floor for packaging the same files) on generated
# sites, and print the ratios. Every figure comes from this run.
#
#   scripts/bench-compare.sh [POSTS]      (default 500; `make bench-compare`)
#   BENCH_RUNS=N (default 3) runs of each tool; BENCH_ONLY=epub skips the PDF.
#
# Three sites, each skipped when its size is 0:
#
#   - the plain generated site (POSTS posts, 50 PNG figures);
#   - the rich site (gensite -rich, BENCH_RICH_POSTS, default 120): posts
#     like real Korean ML and developer blogs, code in many languages,
#     Liquid, footnotes, tables, math, raw HTML, images of mixed sizes
#     with large photos shared between posts (issue 13);
#   - the image-heavy site (gensite -photos -screenshots,
#     BENCH_HEAVY_POSTS, default 200): large JPEG photos, PNG screenshots,
#     formula GIFs; publish against zip -r only.
#
# On the plain and rich sites each tool runs BENCH_RUNS times, the tools
# taking turns (publish, zip, pandoc, publish, …), and the best time of
# each counts, so that the runs compared met like conditions on a shared
# machine. WeasyPrint, which takes minutes, runs once, between the first
# and second runs of publish pdf. Peak memory is GNU time's maximum
# resident set, from one more run of each publish command.
#
# Tools that are missing are skipped with a message: pandoc and weasyprint
# are Debian packages (apt-get install pandoc weasyprint zip).
set -euo pipefail
posts=${1:-${BENCH_POSTS:-500}}
rich=${BENCH_RICH_POSTS:-120}
heavy=${BENCH_HEAVY_POSTS:-200}
runs=${BENCH_RUNS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

gensite() { (cd "$root" && go run ./internal/cmd/gensite "$@" >/dev/null); }
(cd "$root" && go build -o "$work/publish" ./cmd/publish)
if [ "$posts" -gt 0 ]; then gensite -posts "$posts" -images 50 "$work/plain"; fi
if [ "$rich" -gt 0 ]; then gensite -rich -posts "$rich" "$work/rich"; fi
if [ "$heavy" -gt 0 ]; then gensite -posts "$heavy" -images 0 -photos "$heavy" -screenshots "$heavy" "$work/heavy"; fi

# once runs a command and prints its wall time in seconds; least keeps
# the smaller of two times.
once() {
	local start end
	start=$(date +%s.%N)
	"$@" >/dev/null 2>&1
	end=$(date +%s.%N)
	printf '%.3f\n' "$(echo "$end - $start" | bc)"
}
least() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
ratio() { echo "scale=1; $1 / $2" | bc; }
has() { command -v "$1" >/dev/null; }
# peak prints the peak resident memory of a command in MB (GNU time).
peak() {
	/usr/bin/time -f '%M' -o "$work/rss.txt" "$@" >/dev/null 2>&1
	echo $(($(cat "$work/rss.txt") / 1024))
}
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/{print $2}'; }

# summary collects one line per goal, printed at the end.
summary=()

# for_pandoc writes the posts of the site in the current folder as a user
# would feed them to pandoc, into plain/: Liquid replaced with sed (image
# paths, highlight blocks, post_url links; includes dropped), site-absolute
# image paths made relative, front matter left for pandoc to read.
for_pandoc() {
	mkdir -p plain
	for f in site/_posts/*.md; do
		sed -e 's#{{ "\(/assets/[^"]*\)" | relative_url }}#site\1#g' \
			-e 's#\](/assets/#](site/assets/#g' -e 's#src="/assets/#src="site/assets/#g' \
			-e 's#{% highlight \([a-z]*\)[^%]*%}#```\1#' -e 's#{% endhighlight %}#```#' \
			-e 's#{% post_url \([^ ]*\) %}#\1.html#g' -e 's#{% include [^%]*%}##' \
			"$f" >"plain/$(basename "$f")"
	done
}

# compare times the site in folder $1 (named $2): publish epub against
# zip -r and pandoc, publish pdf against pandoc + WeasyPrint, and the peak
# memory of both. $3 is the EPUB goal against pandoc; $4 the PDF goal.
compare() {
	cd "$work/$1"
	for_pandoc
	echo
	echo "$2: $(ls site/_posts | wc -l) posts, $(du -sh site/_posts | cut -f1) of Markdown, $(find site/assets -type f | wc -l) images ($(du -sh site/assets | cut -f1)); best of $runs runs, $(nproc) CPUs"
	local t_epub= t_zip= t_pandoc=
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
	echo "publish epub:            ${t_epub} s, peak memory $(peak "$work/publish" -q epub book.yaml -o out.epub) MB"
	if has zip; then
		echo "zip -r of the same files: ${t_zip} s   (publish takes $(ratio "$t_epub" "$t_zip")× the time of zip)"
		summary+=("$2: publish epub takes $(ratio "$t_epub" "$t_zip")× the time of zip -r")
	else
		echo "zip: not installed, skipped"
	fi
	if has pandoc; then
		echo "pandoc epub:             ${t_pandoc} s   (publish is $(ratio "$t_pandoc" "$t_epub")× faster)"
		summary+=("$2: publish epub is $(ratio "$t_pandoc" "$t_epub")× faster than pandoc (goal: $3×)")
	else
		echo "pandoc: not installed, skipped"
	fi
	if [ "${BENCH_ONLY:-}" = epub ]; then
		return
	fi
	local t_pdf= t_wp=
	for i in $(seq "$runs"); do
		t_pdf=$(least "$t_pdf" "$(once "$work/publish" -q pdf book.yaml -o out.pdf)")
		if [ "$i" = 1 ] && has pandoc && has weasyprint; then
			t_wp=$(once pandoc --resource-path=. --pdf-engine=weasyprint -o pandoc.pdf plain/*.md)
		fi
	done
	local n mem
	n=$(pages out.pdf)
	mem=$(peak "$work/publish" -q pdf book.yaml -o out.pdf)
	echo "publish pdf:             ${t_pdf} s${n:+, $n pages, $(echo "scale=0; $n / $t_pdf" | bc) pages/s}, peak memory $mem MB"
	summary+=("$2: publish pdf ${n:+$(echo "scale=0; $n / $t_pdf" | bc) pages/s, }peak memory $mem MB")
	if [ -n "$t_wp" ]; then
		echo "pandoc + weasyprint pdf: ${t_wp} s (one run)$(n=$(pages pandoc.pdf); echo "${n:+, $n pages}")   (publish is $(ratio "$t_wp" "$t_pdf")× faster)"
		summary+=("$2: publish pdf is $(ratio "$t_wp" "$t_pdf")× faster than pandoc + WeasyPrint (goal: $4×)")
	else
		echo "pandoc/weasyprint: not installed, skipped"
	fi
}

# heavy_site times the image-heavy site: publish epub against zip -r,
# publish pdf in pages/s, and the peak memory of both.
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
	echo "publish epub:            ${t_epub} s, peak memory $(peak "$work/publish" -q epub book.yaml -o out.epub) MB"
	if has zip; then
		echo "zip -r of the same files: ${t_zip} s   (publish is $(ratio "$t_epub" "$t_zip")× the time of zip)"
	fi
	if [ "${BENCH_ONLY:-}" != epub ]; then
		local t_pdf= n
		for _ in $(seq "$runs"); do
			t_pdf=$(least "$t_pdf" "$(once "$work/publish" -q pdf book.yaml -o out.pdf)")
		done
		n=$(pages out.pdf)
		echo "publish pdf:             ${t_pdf} s${n:+, $n pages, $(echo "scale=0; $n / $t_pdf" | bc) pages/s}, peak memory $(peak "$work/publish" -q pdf book.yaml -o out.pdf) MB"
	fi
}

if [ "$posts" -gt 0 ]; then compare plain "plain site" 30 20; fi
if [ "$rich" -gt 0 ]; then compare rich "rich site" 20 20; fi
if [ "$heavy" -gt 0 ]; then heavy_site; fi
if [ ${#summary[@]} -gt 0 ]; then
	echo
	echo "summary (issue 13 goals: rich EPUB ≥ 20× pandoc, PDF ≥ 20× pandoc + WeasyPrint; plain EPUB ≥ 30× pandoc and within 5× of zip -r, PDF ≥ 1000 pages/s under 512 MB):"
	printf '  %s\n' "${summary[@]}"
fi
