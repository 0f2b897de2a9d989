package testtool

import "golang.org/x/tools/txtar"

// Section returns the data of the file called name in a golden archive,
// and whether the archive has one.
func Section(ar *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// SetSection replaces the data of the file called name in ar, or adds
// the file at the end: what a golden test's -update writes.
func SetSection(ar *txtar.Archive, name string, data []byte) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = data
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: data})
}
