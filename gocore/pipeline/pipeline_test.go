package pipeline

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nestml_go/gocore/diag"
	"nestml_go/gocore/models"
)

// corpusDir is upstream NESTML's test corpus, read in place (GPL test data,
// never copied into this repository).
func corpusDir(t *testing.T) string {
	d, _ := filepath.Abs("../../../shared/corpus/nestml-upstream")
	if _, err := os.Stat(d); err != nil {
		t.Skipf("corpus not found at %s", d)
	}
	return d
}

// TestLibraryModelsCompile runs our own library through the whole pipeline.
func TestLibraryModelsCompile(t *testing.T) {
	for _, name := range models.Names() {
		src, _ := models.Source(name)
		r := Compile(name+".nestml", src, Options{})
		for _, d := range r.Diagnostics {
			t.Errorf("%s: %v", name, d)
		}
		if len(r.Models) != 1 {
			t.Errorf("%s: lowered %d models, want 1", name, len(r.Models))
		}
	}
}

// TestCorpusUpstreamValidFilesCheckClean: every file upstream accepts passes
// our front end (parser and checker) without an error.
func TestCorpusUpstreamValidFilesCheckClean(t *testing.T) {
	dir := corpusDir(t)
	f, err := os.Open(filepath.Join(dir, "upstream_verdicts.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	n := 0
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 || cols[1] != "valid" {
			continue
		}
		n++
		r := CompileFile(filepath.Join(dir, cols[0]), Options{CheckOnly: true})
		for _, d := range r.Diagnostics {
			if d.Severity == diag.Error {
				t.Errorf("%s: %v", cols[0], d)
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d upstream-valid files found", n)
	}
}
