package initcmd

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/hangul-press/publish/pkg/diag"
)

// Write generates the manifest (see Generate) and writes it to its path,
// whole or not at all. It refuses to replace an existing file unless
// opt.Force is set; the returned error then wraps fs.ErrExist. It creates
// the manifest's folder when needed and removes it again on failure.
// posts counts the chapters the manifest names.
func Write(opt Options, diags *diag.List) (outPath string, posts int, err error) {
	r, err := generate(opt, diags)
	if err != nil {
		return "", 0, err
	}
	if err := writeFile(r.out, r.text, opt.Force); err != nil {
		diags.Errorf(diag.Pos{File: r.out}, "%v", err)
		return "", 0, err
	}
	return r.out, r.posts, nil
}

// existsError refuses to replace a file the user may have edited. Its
// message leaves out the path, which the diagnostic names already.
type existsError struct{}

func (existsError) Error() string { return "already exists; use --force to replace it" }
func (existsError) Unwrap() error { return fs.ErrExist }

// writeFile writes data to a temporary file beside path and then moves it
// into place, so a reader never sees half a manifest. Without force the
// move is a hard link, which fails rather than replace a file created
// since the check; where links are not supported it falls back to a
// rename after the check.
func writeFile(path string, data []byte, force bool) (err error) {
	if st, err := os.Lstat(path); err == nil {
		if st.IsDir() {
			return errors.New("is a folder, not a file")
		}
		if !force {
			return existsError{}
		}
	}
	dir := filepath.Dir(path)
	made, err := mkdirs(dir)
	if err != nil {
		return err
	}
	tmp, err := writeTemp(dir, filepath.Base(path), data)
	defer func() {
		if tmp != "" {
			os.Remove(tmp)
		}
		if err != nil {
			removeDirs(made)
		}
	}()
	if err != nil {
		return err
	}
	if force {
		return os.Rename(tmp, path)
	}
	return place(tmp, path)
}

// place moves tmp to path without replacing an existing file.
func place(tmp, path string) error {
	err := os.Link(tmp, path)
	if errors.Is(err, fs.ErrExist) {
		return existsError{}
	}
	if err == nil {
		return nil // the deferred remove drops the temporary name
	}
	if _, err := os.Lstat(path); err == nil {
		return existsError{}
	}
	return os.Rename(tmp, path)
}

// writeTemp writes data to a new hidden file in dir and returns its name,
// or "" with the error when nothing was left behind.
func writeTemp(dir, base string, data []byte) (name string, err error) {
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return "", err
	}
	name = f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o644) // CreateTemp makes 0600; a manifest is shared
	}
	if err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// mkdirs creates dir and its missing parents and returns the folders it
// created, deepest first, so that a failure can take them away again.
func mkdirs(dir string) ([]string, error) {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		removeDirs(missing)
		return nil, err
	}
	return missing, nil
}

// removeDirs removes folders that are still empty, deepest first.
func removeDirs(dirs []string) {
	for _, d := range dirs {
		os.Remove(d)
	}
}
