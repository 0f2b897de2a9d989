// Package cli is publish's command line: commands, flags, help, output
// formats and exit codes. cmd/publish hands it os.Args and exits with what
// it returns.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/hangul-press/publish/internal/build"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/urfave/cli/v3"
)

// Version is the program's version, stamped by the Makefile with
// -ldflags "-X github.com/hangul-press/publish/internal/cli.Version=…".
var Version = ""

// Exit codes.
const (
	// ExitOK means the outputs were built; warnings may have been printed.
	ExitOK = 0
	// ExitInput means the input has errors (or warnings under --strict).
	ExitInput = 1
	// ExitUsage means the command line itself was wrong.
	ExitUsage = 2
)

// IO is what a run of the program reads from and writes to.
type IO struct {
	// Stdout takes what a command is asked for (check's outline or JSON,
	// help, version, GitHub annotations); Stderr takes diagnostics,
	// progress and closing lines.
	Stdout, Stderr io.Writer
	// Getenv reads the environment (SOURCE_DATE_EPOCH, GITHUB_ACTIONS).
	Getenv func(string) string
	// WorkDir is the working directory, for relative paths in messages.
	WorkDir string
	// Terminal is true when Stderr is a terminal: only then is progress
	// shown.
	Terminal bool
}

// usageError marks a mistake in the command line.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }

// inputError marks a build that failed because of its input; the
// diagnostics were printed already.
var errInput = errors.New("input has errors")

// Main runs the program with args (os.Args) and returns the exit code.
func Main(ctx context.Context, args []string, io IO) int {
	app := newApp(io)
	err := app.Run(ctx, args)
	var u usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errInput):
		return ExitInput
	case errors.As(err, &u):
		printLine(io.Stderr, "publish: %v", u.err)
		printLine(io.Stderr, "Run 'publish help' for usage.")
		return ExitUsage
	default:
		printLine(io.Stderr, "publish: %v", err)
		return ExitInput
	}
}

func newApp(io IO) *cli.Command {
	env := build.Env{WorkDir: io.WorkDir, Getenv: io.Getenv}
	app := &cli.Command{
		Name:      "publish",
		Usage:     "make EPUB ebooks and PDF booklets from Korean Jekyll blog posts",
		UsageText: "publish [--strict] [--quiet] COMMAND [options] MANIFEST|POST.md…",
		Writer:    io.Stdout,
		ErrWriter: io.Stderr,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors (exit 1)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only errors and warnings (and the line saying what was written)"},
		},
		Commands: []*cli.Command{
			checkCommand(io, env),
			epubCommand(io, env),
			pdfCommand(io, env),
			initCommand(io),
			versionCommand(io),
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() > 0 {
				return usageError{fmt.Errorf("unknown command %q", cmd.Args().First())}
			}
			return cli.ShowAppHelp(cmd)
		},
		OnUsageError: func(ctx context.Context, cmd *cli.Command, err error, isSubcommand bool) error {
			return usageError{err}
		},
		ExitErrHandler: func(context.Context, *cli.Command, error) {},
	}
	for _, c := range app.Commands {
		c.OnUsageError = app.OnUsageError
	}
	return app
}

func versionCommand(io IO) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version of publish",
		Action: func(ctx context.Context, cmd *cli.Command) error {
			printLine(io.Stdout, "publish %s", version())
			return nil
		},
	}
}

// version is the stamped Version, else the module version or VCS
// revision Go recorded in the binary, else "devel".
func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			return v
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return "devel-" + s.Value[:12]
			}
		}
	}
	return "devel"
}

// report prints the diagnostics and decides whether the run failed.
func report(io IO, cmd *cli.Command, diags *diag.List, jsonOut bool) error {
	printDiagnostics(io, diags, cmd.Bool("quiet"), jsonOut)
	if diags.HasErrors() {
		return errInput
	}
	if cmd.Bool("strict") && diags.Count(diag.Warning) > 0 {
		printLine(io.Stderr, "publish: --strict: warnings count as errors")
		return errInput
	}
	return nil
}

// RemoveTemporaryFiles deletes the temporary files of outputs being
// written; cmd/publish calls it when the program is interrupted.
func RemoveTemporaryFiles() { build.RemoveTemporaryFiles() }
