package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hangul-press/publish/internal/build"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/hangul-press/publish/pkg/manifest"
	"github.com/urfave/cli/v3"
)

// writer runs one output format: it gets the run's environment, the
// loaded book and the output path and returns what it wrote.
type writer func(env build.Env, in *build.Input, out string, cmd *cli.Command, diags *diag.List) (build.Result, error)

func epubCommand(io IO, env build.Env) *cli.Command {
	return outputCommand(io, env, "epub", ".epub", "write an EPUB 3 ebook",
		"epub renders every chapter to XHTML and packages it with the cover, a title page, a nested\n"+
			"table of contents and the images. The same input and SOURCE_DATE_EPOCH give the same bytes.",
		nil,
		func(env build.Env, in *build.Input, out string, cmd *cli.Command, diags *diag.List) (build.Result, error) {
			return build.EPUB(env, in, out, "publish "+version(), diags)
		})
}

func pdfCommand(io IO, env build.Env) *cli.Command {
	return outputCommand(io, env, "pdf", ".pdf", "write a print-ready PDF booklet",
		"pdf typesets the book for print: Korean line breaking, embedded subset fonts, a table of\n"+
			"contents with page numbers, bookmarks, running heads. The same input and SOURCE_DATE_EPOCH\n"+
			"give the same bytes.",
		[]cli.Flag{&cli.StringFlag{Name: "paper", Usage: "trim size: a5, shinguk, 46, crown, a4, letter, mungo or WxHmm (overrides the manifest)"}},
		func(env build.Env, in *build.Input, out string, cmd *cli.Command, diags *diag.List) (build.Result, error) {
			if p := cmd.String("paper"); p != "" {
				if err := in.Book.Config.PDF.SetPaper(p); err != nil {
					return build.Result{}, usageError{err}
				}
			}
			return build.PDF(env, in, out, "publish "+version(), diags)
		})
}

func outputCommand(io IO, env build.Env, name, ext, usage, desc string, flags []cli.Flag, write writer) *cli.Command {
	return &cli.Command{
		Name:        name,
		Usage:       usage,
		ArgsUsage:   "MANIFEST.yaml | POST.md…",
		Description: desc,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "the file to write (default: the manifest's name with " + ext + ", here)"},
		}, flags...),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() == 0 {
				return usageError{fmt.Errorf("%s needs a manifest or Markdown posts", name)}
			}
			start := time.Now()
			diags := &diag.List{}
			prog := newProgress(io.Stderr, io.Terminal && !cmd.Bool("quiet"))
			env.Progress = prog.step
			env.Strict = cmd.Bool("strict")
			// What the command line gets wrong is said before the book
			// is read, not after its warnings.
			if err := checkPaperFlag(cmd); err != nil {
				return err
			}
			if o := cmd.String("output"); o != "" {
				if err := build.CheckOutput(o, nil); err != nil {
					return err
				}
			}
			in, err := build.Load(env, cmd.Args().Slice(), diags)
			if err != nil && in == nil && diags.Len() == 0 {
				return usageError{err}
			}
			if in == nil || diags.HasErrors() {
				prog.done()
				return report(io, cmd, diags, false)
			}
			out := cmd.String("output")
			if out == "" {
				out = build.DefaultOutput(env, in, ext)
			}
			res, err := write(env, in, out, cmd, diags)
			prog.done()
			if rerr := report(io, cmd, diags, false); rerr != nil {
				return rerr // errors, or warnings under --strict: nothing was written
			}
			if err != nil {
				return err
			}
			printLine(io.Stderr, "%s", closingLine(env, res, diags, time.Since(start)))
			return nil
		},
	}
}

// closingLine says what was written, its size, pages or chapters,
// warnings and time taken.
func closingLine(env build.Env, r build.Result, diags *diag.List, took time.Duration) string {
	parts := []string{build.Size(r.Bytes)}
	if r.Pages > 0 {
		parts = append(parts, plural(r.Pages, "page"))
	}
	parts = append(parts, plural(r.Chapters, "chapter"))
	if r.Images > 0 {
		parts = append(parts, plural(r.Images, "image"))
	}
	if r.Detail != "" {
		parts = append(parts, r.Detail)
	}
	parts = append(parts, plural(diags.Count(diag.Warning), "warning"))
	return fmt.Sprintf("publish: wrote %s (%s) in %.1f s", env.Rel(r.Path), strings.Join(parts, ", "), took.Seconds())
}

// checkPaperFlag refuses a --paper that manifest.ParsePaper refuses, as a
// usage error; commands without the flag pass.
func checkPaperFlag(cmd *cli.Command) error {
	for _, f := range cmd.Flags {
		if f.Names()[0] == "paper" {
			if p := cmd.String("paper"); p != "" {
				if _, err := manifest.ParsePaper(p); err != nil {
					return usageError{err}
				}
			}
		}
	}
	return nil
}
