package loihi

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/pipeline"
)

var update = flag.Bool("update", false, "rewrite the golden txtar archives in testdata/")

// TestGoldens is loihi_target.md §10 G6: the generated process.py,
// models.py, connections.py, stock.py, quantization.json and .nir.json of
// iaf_psc_exp_neuron (tier A and tier B) and iaf_psc_alpha_neuron, as txtar
// archives. Refresh with `go test ./gocore/codegen/loihi -run Goldens
// -update` and review the diff.
func TestGoldens(t *testing.T) {
	cases := []struct {
		name, model string
		opts        Options
	}{
		{"iaf_psc_exp_tierA", "iaf_psc_exp_neuron", Options{Parameters: map[string]float64{"refr_T": 0, "I_e": 200}, NoSimulation: true}},
		{"iaf_psc_exp_tierB", "iaf_psc_exp_neuron", Options{Parameters: map[string]float64{"tau_syn_inh": 5}, NoSimulation: true}},
		{"iaf_psc_alpha", "iaf_psc_alpha_neuron", Options{NoSimulation: true}},
		{"iaf_psc_delta_tierA", "iaf_psc_delta_neuron", Options{Parameters: map[string]float64{"refr_T": 0}, Weights: map[string][2]float64{"spikes": {-5, 5}}, NoSimulation: true}},
	}
	keep := map[string]bool{"process.py": true, "models.py": true, "connections.py": true, "stock.py": true, "quantization.json": true}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := mustLib(t, c.model)
			r := pipeline.Compile(c.model+".nestml", src, pipeline.Options{})
			if r.HasErrors() {
				t.Fatal(r.Diagnostics)
			}
			out, ds := Generate([]Input{{Model: r.Models[0], Source: src}}, c.opts)
			if ds.HasErrors() {
				t.Fatal(ds)
			}
			var names []string
			for name := range out.Files {
				base := name[strings.LastIndex(name, "/")+1:]
				if keep[base] || strings.HasSuffix(base, ".nir.json") {
					names = append(names, name)
				}
			}
			sort.Strings(names)
			var b strings.Builder
			b.WriteString("Generated Lava files of " + c.model + " with options " + strings.TrimSpace(optString(c.opts)) + ".\n")
			for _, name := range names {
				b.WriteString("-- " + name + " --\n")
				b.Write(out.Files[name])
			}
			golden := filepath.Join("testdata", c.name+".txtar")
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("missing golden %s (run with -update)", golden)
			}
			if string(want) != b.String() {
				t.Errorf("output differs from %s (run with -update and review the diff)", golden)
			}
			// determinism: a second run gives the same bytes
			out2, _ := Generate([]Input{{Model: r.Models[0], Source: src}}, c.opts)
			for name, content := range out.Files {
				if string(out2.Files[name]) != string(content) {
					t.Errorf("%s differs between two runs", name)
				}
			}
		})
	}
}

func optString(o Options) string {
	var s []string
	for _, k := range sortedKeys(o.Parameters) {
		s = append(s, k+"="+pyFloat(o.Parameters[k]))
	}
	for _, k := range sortedKeys(o.Weights) {
		s = append(s, "weights["+k+"]="+pyFloat(o.Weights[k][0])+".."+pyFloat(o.Weights[k][1]))
	}
	return strings.Join(s, ", ")
}

// TestCorpusNeverPanics analyzes and (where accepted) generates every
// upstream model: each is accepted or rejected with positioned errors.
func TestCorpusNeverPanics(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus, "*", "*.nestml"))
	if len(files) == 0 {
		t.Skip("corpus not available")
	}
	accepted := 0
	for _, f := range files {
		src, _ := os.ReadFile(f)
		r := pipeline.Compile(f, src, pipeline.Options{})
		if r.HasErrors() {
			continue
		}
		var in []Input
		for _, m := range r.Models {
			in = append(in, Input{Model: m, Source: src})
		}
		out, ds := Generate(in, Options{SimSteps: 500})
		if out != nil {
			accepted += len(out.Models)
		}
		if !ds.HasErrors() && (out == nil || len(out.Models)+len(out.Connections) == 0) {
			t.Errorf("%s: neither accepted nor rejected", f)
		}
		for _, d := range ds.Errors() {
			if d.Code == "" || d.Range.Start.Line == 0 {
				t.Errorf("%s: diagnostic without code or position: %v", f, d)
			}
		}
	}
	if accepted < 3 {
		t.Errorf("only %d corpus models accepted", accepted)
	}
	_ = ir.KParam
}
