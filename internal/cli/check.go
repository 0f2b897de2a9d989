package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/hangul-press/publish/internal/build"
	"github.com/hangul-press/publish/pkg/book"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/urfave/cli/v3"
)

func checkCommand(io IO, env build.Env) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "load a book and print its outline and every problem found",
		ArgsUsage: "MANIFEST.yaml | POST.md…",
		Description: "check reads the manifest and every post it names (front matter, Liquid, Markdown,\n" +
			"images, links), renders the EPUB and the PDF in memory without writing anything, prints an\n" +
			"outline of the book on stdout and every diagnostic the writers would give on stderr as\n" +
			"file:line:col: severity: message.",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print the outline and diagnostics as JSON on stdout"},
			&cli.StringFlag{Name: "paper", Usage: "check the PDF at this trim size, as pdf --paper would set it (a5, shinguk, 46, crown, a4, letter, mungo or WxHmm)"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() == 0 {
				return usageError{fmt.Errorf("check needs a manifest or Markdown posts")}
			}
			diags := &diag.List{}
			prog := newProgress(io.Stderr, io.Terminal && !cmd.Bool("quiet"))
			env.Progress = prog.step
			if err := checkPaperFlag(cmd); err != nil {
				return err
			}
			in, err := build.Load(env, cmd.Args().Slice(), diags)
			if err != nil && in == nil && diags.Len() == 0 {
				prog.done()
				return usageError{err}
			}
			if p := cmd.String("paper"); p != "" && in != nil && in.Book != nil {
				if err := in.Book.Config.PDF.SetPaper(p); err != nil {
					prog.done()
					return usageError{err}
				}
			}
			err = build.Check(env, in, diags)
			prog.done()
			if err != nil && !diags.HasErrors() {
				return err
			}
			// A writer that refused the book (the layout refuses a text
			// block too small) has said why in diags, at the manifest's
			// line: report it with everything else, as epub and pdf do.
			jsonOut := cmd.Bool("json")
			if in != nil && in.Book != nil {
				if jsonOut {
					if err := writeJSON(io, in.Book, diags); err != nil {
						return err
					}
				} else if !cmd.Bool("quiet") {
					writeOutline(io, in.Book)
				}
			}
			return report(io, cmd, diags, jsonOut)
		},
	}
}

// writeOutline prints the parts and chapters of a book, one line at a
// time through printLine: titles and file names come from posts.
func writeOutline(io IO, b *book.Book) {
	w := io.Stdout
	m := b.Meta
	title := m.Title
	if m.Subtitle != "" {
		title += " — " + m.Subtitle
	}
	printLine(w, "%s", title)
	printLine(w, "  %s · %s · %s · %s", strings.Join(m.Authors, ", "), m.Language, m.Date.Format("2006-01-02"), m.Identifier)
	chars, images := 0, 0
	for _, p := range b.Parts {
		indent := "  "
		if p.Title != "" {
			printLine(w, "")
			printLine(w, "  %s", p.Title)
			indent = "    "
		}
		for _, c := range p.Chapters {
			printLine(w, "%s%s  %s  (%d자, %s)  %s", indent, c.Date.Format("2006-01-02"), c.Title, c.Stats.Chars, plural(c.Stats.Images, "image"), c.Source)
			chars += c.Stats.Chars
			images += c.Stats.Images
		}
	}
	printLine(w, "")
	printLine(w, "%s, %d characters, %s, %s", plural(len(b.Chapters()), "chapter"), chars, plural(images, "image"), plural(len(b.Assets), "file"))
}

// plural formats a count with an English noun: "1 image", "2 images".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

type jsonBook struct {
	Title       string   `json:"title"`
	Subtitle    string   `json:"subtitle,omitempty"`
	Authors     []string `json:"authors"`
	Language    string   `json:"language"`
	Date        string   `json:"date"`
	Identifier  string   `json:"identifier"`
	Publisher   string   `json:"publisher,omitempty"`
	Description string   `json:"description,omitempty"`
	Rights      string   `json:"rights,omitempty"`
	Subjects    []string `json:"subjects"`
	Cover       string   `json:"cover,omitempty"`
}

type jsonChapter struct {
	Title      string   `json:"title"`
	Source     string   `json:"source"`
	Date       string   `json:"date"`
	Part       string   `json:"part,omitempty"`
	Tags       []string `json:"tags"`
	Categories []string `json:"categories"`
	Characters int      `json:"characters"`
	Images     int      `json:"images"`
}

type jsonDiag struct {
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
}

func writeJSON(io IO, b *book.Book, diags *diag.List) error {
	m := b.Meta
	out := struct {
		Book        jsonBook      `json:"book"`
		Chapters    []jsonChapter `json:"chapters"`
		Diagnostics []jsonDiag    `json:"diagnostics"`
	}{Book: jsonBook{Title: m.Title, Subtitle: m.Subtitle, Authors: nonNil(m.Authors), Language: m.Language,
		Date: m.Date.Format(time.DateOnly), Identifier: m.Identifier, Publisher: m.Publisher,
		Description: m.Description, Rights: m.Rights, Subjects: nonNil(m.Subjects)},
		Chapters: []jsonChapter{}, Diagnostics: []jsonDiag{}}
	if b.Cover != nil {
		out.Book.Cover = b.Cover.Name
	}
	for _, p := range b.Parts {
		for _, c := range p.Chapters {
			out.Chapters = append(out.Chapters, jsonChapter{Title: c.Title, Source: c.Source, Date: c.Date.Format(time.DateOnly),
				Part: p.Title, Tags: nonNil(c.Tags), Categories: nonNil(c.Categories), Characters: c.Stats.Chars, Images: c.Stats.Images})
		}
	}
	for _, d := range diags.Items() {
		out.Diagnostics = append(out.Diagnostics, jsonDiag{Severity: d.Severity.String(), File: d.Pos.File,
			Line: d.Pos.Line, Column: d.Pos.Col, Message: d.Message})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.Stdout.Write(jsonPrintable(buf.Bytes()))
	return err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// printDiagnostics writes the diagnostics gcc-style on stderr, sorted,
// then a count. Under GitHub Actions each is also a workflow command, so
// it shows as an annotation on the pull request. With quiet, notes and
// the count of a clean run are left out.
func printDiagnostics(io IO, diags *diag.List, quiet, jsonOut bool) {
	github := io.Getenv != nil && io.Getenv("GITHUB_ACTIONS") == "true"
	shown := 0
	for _, d := range diags.Items() {
		if quiet && d.Severity == diag.Note {
			continue
		}
		shown++
		if !jsonOut {
			printLine(io.Stderr, "%s", d)
		}
		if github {
			// The runner reads workflow commands from a step's stdout;
			// with --json stdout is reserved for the JSON document.
			w := io.Stdout
			if jsonOut {
				w = io.Stderr
			}
			// not printLine: the line is a workflow command on purpose,
			// and annotation has made its parts printable
			fmt.Fprintln(w, annotation(d))
		}
	}
	if !jsonOut && (shown > 0 || !quiet) {
		printLine(io.Stderr, "publish: %s", diags.Summary())
	}
}

// annotation formats a diagnostic as a GitHub Actions workflow command.
// The file and message are made printable first (no escape sequence may
// reach the log), then escaped as the runner reads them.
func annotation(d diag.Diagnostic) string {
	kind := map[diag.Severity]string{diag.Error: "error", diag.Warning: "warning", diag.Note: "notice"}[d.Severity]
	props := "file=" + escapeProp(diag.Printable(d.Pos.File))
	if d.Pos.Line > 0 {
		props += fmt.Sprintf(",line=%d", d.Pos.Line)
	}
	if d.Pos.Col > 0 {
		props += fmt.Sprintf(",col=%d", d.Pos.Col)
	}
	return fmt.Sprintf("::%s %s::%s", kind, props, escapeData(diag.Printable(d.Message)))
}

// escapeData and escapeProp follow the escaping GitHub's runner expects in
// workflow commands: % CR LF always, and : , inside properties.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
