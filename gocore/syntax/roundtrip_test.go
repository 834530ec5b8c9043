package syntax

import (
	"os"
	"path/filepath"
	"testing"
)

// roundTrip prints f, parses the output again and compares the trees.
func roundTrip(t *testing.T, name string, src []byte) {
	t.Helper()
	f, ds := Parse(name, src)
	if ds.HasErrors() {
		return
	}
	out := Print(f)
	g, ds2 := Parse(name+" (printed)", []byte(out))
	if ds2.HasErrors() {
		t.Errorf("%s: printed text does not parse: %v\n%s", name, ds2, out)
		return
	}
	if d := diffIgnoringRanges(f.Models, g.Models); d != "" {
		t.Errorf("%s: round trip changes the tree at %s\n%s", name, d, out)
		return
	}
	// Printing is idempotent.
	if out2 := Print(g); out2 != out {
		t.Errorf("%s: printing is not idempotent", name)
	}
}

// TestRoundTripCorpus prints and re-parses every parseable corpus file.
func TestRoundTripCorpus(t *testing.T) {
	dir := corpusDir(t)
	n := 0
	for _, path := range corpusFiles(t, dir) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, path)
		roundTrip(t, rel, src)
		n++
	}
	t.Logf("%d corpus files round-tripped", n)
}
