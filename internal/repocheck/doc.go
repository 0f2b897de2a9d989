// Package repocheck has no code: its tests check the repository itself.
// One keeps the project's imports pointing one way (see
// docs/architecture.md) and each third-party library inside the one
// package that wraps it; another checks that the CI workflow is valid and
// calls only make targets that exist.
package repocheck
