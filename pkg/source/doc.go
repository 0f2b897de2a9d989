// Package source reads Jekyll posts the way Jekyll does: it splits the
// YAML front matter from the body, takes the date and slug from the file
// name, evaluates the body's Liquid, and keeps a map from every byte of
// the result back to its line and column in the original file, so that
// every later message can name the place the author wrote.
//
// The package never opens a file itself: whatever a post names (an
// include_relative file, another post for post_url) is read through the
// Files interface that the caller passes in. It never reads the clock:
// Liquid's "now" is Options.Now. Each post's Liquid runs within a budget
// of loop iterations, text and inclusions (budget.go); past it the rest of
// the post is kept as written, with a warning.
package source
