package syntax

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never fails internally, always returns a
// file, and that printing an error-free file round-trips.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.nestml")
	if dir := corpusDirOrEmpty(); dir != "" {
		seeds = append(seeds, corpusFilesIn(dir)...)
	}
	for _, s := range seeds {
		if src, err := os.ReadFile(s); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte(""))
	f.Add([]byte("model m:\n\tstate:\n  \tx real = 1"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, ds := Parse("fuzz.nestml", src)
		if file == nil {
			t.Fatal("nil file")
		}
		for _, d := range ds {
			if strings.Contains(d.Message, "internal error") {
				t.Fatalf("internal error: %s", d.Message)
			}
		}
		if !ds.HasErrors() {
			roundTrip(t, "fuzz.nestml", src)
		}
	})
}

// corpusDirOrEmpty is corpusDir without skipping.
func corpusDirOrEmpty() (dir string) {
	defer func() {
		if recover() != nil {
			dir = ""
		}
	}()
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			c := filepath.Join(filepath.Dir(d), "shared", "corpus", "nestml-upstream")
			if _, err := os.Stat(c); err == nil {
				return c
			}
			return ""
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

func corpusFilesIn(dir string) []string {
	var files []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".nestml") {
			files = append(files, p)
		}
		return nil
	})
	return files
}
