// Package crosscheck holds tests that hold the two outputs of one book to
// each other: the words of every chapter of the PDF, read back with
// poppler's pdftotext, must be the words of the same chapter of the EPUB
// (STYLE.md rule 12: invariants across outputs are tests). The tests run
// on the sample book and on the shared fixtures in testdata/sites, at
// 신국판, A5 and 문고판. The package has no code of its own.
package crosscheck
