// Package initcmd writes a book manifest for a Jekyll site: the logic
// behind `publish init SITE_DIR`.
//
// It reads the site's _config.yml and its posts through pkg/source, picks
// the posts a category, tag or date range selects, and writes a commented
// manifest that `publish check` accepts as it is. Chapters are named by
// globs where a glob matches exactly the selected posts in book order, and
// by explicit paths elsewhere; every glob is checked by expanding it the
// way pkg/book does.
//
// Like the other libraries of publish it never prints, logs or reads the
// clock; messages for the user go to a diag.List.
package initcmd
