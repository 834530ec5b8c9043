package check_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"nestml_go/gocore/check"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/pipeline"
)

// declaredCodes returns every diag.Code constant of gocore/diag/codes.go
// (read from the source, so a newly added code is seen without a list to
// keep in step).
func declaredCodes(t *testing.T) map[diag.Code]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "../diag/codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[diag.Code]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Values) != len(vs.Names) {
			return true
		}
		for i, v := range vs.Values {
			lit, ok := v.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				continue
			}
			s, _ := strconv.Unquote(lit.Value)
			out[diag.Code(s)] = vs.Names[i].Name
		}
		return true
	})
	if len(out) < 100 {
		t.Fatalf("only %d codes read from codes.go", len(out))
	}
	return out
}

// notProducedHere lists the codes of codes.go that no model of this
// package's tests produces, each with the reason and the test elsewhere
// that does produce it.
var notProducedHere = map[diag.Code]string{
	// The propagator codes are produced when parameters are bound, by
	// gocore/expm (as plain strings, expm.CodeNonFinite and expm.CodeRange,
	// since expm is a numerics package below diag); TestExpm… in
	// gocore/expm/expm_test.go and tests/test_nest_codegen_ir.py
	// (tau_m = 0 → PROPAGATOR_NONFINITE) exercise them.
	diag.PropagatorNonfinite: "gocore/expm",
	diag.PropagatorRange:     "gocore/expm",
}

const analysisUnsupportedSrc = `model unsupported_neuron:
    parameters:
        tau ms = 1 ms
    state:
        x real = 1
    equations:
        x' = -g(x) / tau
    function g(v real) real:
        if v > 0:
            return v
        return -v
    input:
        spikes <- spike
    output:
        spike
    update:
        integrate_odes()
`

// TestEveryCodeIsProduced requires every code declared in package diag to
// be produced by at least one test model: the testdata files (with their
// options), the upstream corpus (at both language levels and strict), the
// NEST pre-flight cases, the full pipeline (analysis and lowering) over the
// testdata and the corpus, and a missing file.
func TestEveryCodeIsProduced(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline over the corpus")
	}
	declared := declaredCodes(t)
	seen := map[diag.Code]bool{}
	note := func(ds diag.List) {
		for _, d := range ds {
			seen[d.Code] = true
		}
	}

	files, _ := filepath.Glob("testdata/*.nestml")
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		_, opts, _ := parseExpectations(string(src))
		_, ds := checkFile(p, opts)
		note(ds)
		note(pipeline.CompileFile(p, pipeline.Options{Check: opts}).Diagnostics)
	}
	root := corpusDir(t)
	for _, v := range readVerdicts(t, root) {
		p := filepath.Join(root, v.file)
		for _, opts := range []check.Options{{}, {Lang: "8.3"}, {Strict: true}} {
			_, ds := checkFile(p, opts)
			note(ds)
		}
		note(pipeline.CompileFile(p, pipeline.Options{}).Diagnostics)
	}
	for _, tc := range preflightCases {
		note(runPreflight(t, tc.srcs, tc.opts))
	}
	note(pipeline.CompileFile(filepath.Join(t.TempDir(), "missing.nestml"), pipeline.Options{}).Diagnostics)
	// ANALYSIS_UNSUPPORTED: a function with control flow inside an ODE
	// (valid for the checker, beyond this release's ODE analysis)
	r := pipeline.Compile("unsupported.nestml", []byte(analysisUnsupportedSrc), pipeline.Options{})
	if r.Diagnostics.Errors()[0].Code != diag.AnalysisUnsupported {
		t.Errorf("unsupported.nestml: %v", r.Diagnostics)
	}
	note(r.Diagnostics)

	var missing []string
	for code, name := range declared {
		why, exempt := notProducedHere[code]
		switch {
		case !seen[code] && !exempt:
			missing = append(missing, string(code)+" ("+name+")")
		case seen[code] && exempt:
			t.Errorf("%s is produced by a test model now; remove its exemption (%s)", code, why)
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no test model produces %s; add a case to testdata/ (or a justified exemption)", m)
	}
	for code := range notProducedHere {
		if _, ok := declared[code]; !ok {
			t.Errorf("exempt code %s is not declared in codes.go", code)
		}
	}
}
