package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/hangul-press/publish/internal/initcmd"
	"github.com/hangul-press/publish/pkg/diag"
	"github.com/urfave/cli/v3"
)

func initCommand(io IO) *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a book manifest for a Jekyll site",
		ArgsUsage: "SITE_DIR",
		Description: "init reads SITE_DIR/_config.yml and the site's posts and writes a manifest that names\n" +
			"the matching posts in date order (globs where they are simpler than lists), with a\n" +
			"comment on every field. The result passes 'publish check' as it is.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "category", Usage: "only posts in this category"},
			&cli.StringFlag{Name: "tag", Usage: "only posts with this tag"},
			&cli.StringFlag{Name: "since", Usage: "only posts on or after this date (2006-01-02)"},
			&cli.StringFlag{Name: "until", Usage: "only posts on or before this date (2006-01-02)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "the manifest to write (default books/<name>.yaml)"},
			&cli.BoolFlag{Name: "force", Usage: "replace an existing manifest"},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() != 1 {
				return usageError{fmt.Errorf("init needs one site folder")}
			}
			opt := initcmd.Options{Site: cmd.Args().First(), Output: cmd.String("output"),
				Category: cmd.String("category"), Tag: cmd.String("tag"), Force: cmd.Bool("force")}
			var err error
			if opt.Since, opt.HasSince, err = flagDate(cmd, "since"); err != nil {
				return err
			}
			if opt.Until, opt.HasUntil, err = flagDate(cmd, "until"); err != nil {
				return err
			}
			diags := &diag.List{}
			out, n, err := initcmd.Write(opt, diags)
			if rerr := report(io, cmd, diags, false); err != nil || rerr != nil {
				return errInput
			}
			printLine(io.Stderr, "publish: wrote %s (%s); check it with: publish check %s", out, plural(n, "chapter"), out)
			return nil
		},
	}
}

// flagDate reads a date flag; an unreadable date is a usage error.
func flagDate(cmd *cli.Command, name string) (time.Time, bool, error) {
	s := cmd.String(name)
	if s == "" {
		return time.Time{}, false, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, false, usageError{fmt.Errorf("--%s %q: want a date such as 2021-02-02", name, s)}
	}
	return t, true, nil
}
