package models_test

import (
	"strings"
	"testing"

	"nestml_go/gocore/models"
	"nestml_go/gocore/pipeline"
)

// The library's contract: every model passes the front end at --strict
// without any diagnostic, is named after its file, and opens with a header
// comment (name, description, references) that the docs pages render.
func TestLibraryModelsCheckCleanStrict(t *testing.T) {
	names := models.Names()
	if len(names) < 20 {
		t.Fatalf("only %d library models: %v", len(names), names)
	}
	for _, name := range names {
		src, ok := models.Source(name)
		if !ok {
			t.Fatalf("%s: listed but no source", name)
		}
		var opts pipeline.Options
		opts.CheckOnly, opts.Check.Strict = true, true
		r := pipeline.Compile(name+".nestml", src, opts)
		for _, d := range r.Diagnostics {
			t.Errorf("%s: %v", name, d)
		}
		text := string(src)
		if !strings.HasPrefix(text, "# "+name+" — ") {
			t.Errorf("%s: the header must start with %q", name, "# "+name+" — ")
		}
		if !strings.Contains(text, "\nmodel "+name+":\n") {
			t.Errorf("%s: no model named like its file", name)
		}
		if !strings.Contains(text, "# Reference") && !strings.Contains(text, "# Same behaviour as NEST") {
			t.Errorf("%s: the header names no reference", name)
		}
		if !strings.HasSuffix(name, "_neuron") && !strings.HasSuffix(name, "_synapse") {
			t.Errorf("%s: library names end in _neuron or _synapse", name)
		}
	}
}

func TestSourceOfUnknownModel(t *testing.T) {
	if _, ok := models.Source("no_such_neuron"); ok {
		t.Error("Source reported an unknown model as present")
	}
}
