// Package deps has no code: its test keeps the project's imports pointing
// one way (see docs/architecture.md) and each third-party library inside
// the one package that wraps it.
package deps
