package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nestml_go/gocore/odes"
)

// corpusModelFiles lists upstream's neuron and synapse library files.
func corpusModelFiles(tb testing.TB) []string {
	d, _ := filepath.Abs("../../../shared/corpus/nestml-upstream")
	var files []string
	for _, sub := range []string{"models/neurons", "models/synapses"} {
		f, _ := filepath.Glob(filepath.Join(d, sub, "*.nestml"))
		files = append(files, f...)
	}
	if len(files) == 0 {
		tb.Skip("corpus not found")
	}
	return files
}

// BenchmarkAnalyze times the ODE analysis alone (kernels → ODEs,
// classification, blocks; parsing and checking excluded) per library model;
// bench/odes compares it with ODE-toolbox on the same systems.
func BenchmarkAnalyze(b *testing.B) {
	for _, f := range corpusModelFiles(b) {
		r := CompileFile(f, Options{CheckOnly: true})
		for _, mi := range r.Info.Models {
			if !mi.Valid || len(mi.ODEs) == 0 {
				continue
			}
			b.Run(mi.Model.Name.Name, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, ds := odes.Analyze(r.Info, mi, odes.Options{}); ds.HasErrors() {
						b.Fatal(ds)
					}
				}
			})
		}
	}
}

// TestWriteToolboxInputs writes the ODE-toolbox input of every library model
// to $NESTML_GO_TOOLBOX_DIR (used by bench/odes; skipped without it).
func TestWriteToolboxInputs(t *testing.T) {
	dir := os.Getenv("NESTML_GO_TOOLBOX_DIR")
	if dir == "" {
		t.Skip("NESTML_GO_TOOLBOX_DIR not set (bench/odes sets it)")
	}
	for _, f := range corpusModelFiles(t) {
		r := CompileFile(f, Options{})
		for _, p := range r.Plans {
			env, err := odes.Defaults(r.Info, p.Model, 0.1)
			if err != nil {
				t.Errorf("%s: %v", f, err)
				continue
			}
			in := odes.ToolboxInput(p, env)
			b, _ := json.MarshalIndent(in, "", "  ")
			name := strings.TrimSuffix(filepath.Base(f), ".nestml") + ".json"
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
