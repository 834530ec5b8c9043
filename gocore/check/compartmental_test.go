package check_test

import (
	"path/filepath"
	"strings"
	"testing"

	"nestml_go/gocore/check"
	"nestml_go/gocore/diag"
)

// TestCompartmentalOnlyForItsTarget: the CM_* checks run only for the
// compartmental target, and without it a compartmental model fails the
// generic INTEGRATE_ODES_NOT_CALLED as upstream (language.md §17).
func TestCompartmentalOnlyForItsTarget(t *testing.T) {
	path := "testdata/compartmental.nestml"
	_, ds := checkFile(path, check.Options{})
	integrate := 0
	for _, d := range ds {
		if strings.HasPrefix(string(d.Code), "CM_") {
			t.Errorf("CM check without the compartmental target: %v", d)
		}
		if d.Code == diag.IntegrateOdesNotCalled && d.Model == "cm_valid" {
			integrate++
		}
	}
	if integrate != 1 {
		t.Errorf("cm_valid without the compartmental target: %d INTEGRATE_ODES_NOT_CALLED, want 1", integrate)
	}
	for _, target := range []string{"NEST_compartmental", "nest_compartmental"} {
		_, ds = checkFile(path, check.Options{Target: target})
		for _, d := range ds {
			if d.Model == "cm_valid" && d.Severity == diag.Error {
				t.Errorf("%s: cm_valid: %v", target, d)
			}
		}
	}
}

// TestCompartmentalDiagnosticDetails checks hints, related locations and
// the re-coded unresolved names.
func TestCompartmentalDiagnosticDetails(t *testing.T) {
	_, ds := checkFile("testdata/compartmental.nestml", check.Options{Target: "NEST_compartmental"})
	byCode := map[diag.Code]diag.Diagnostic{}
	for _, d := range ds {
		if _, ok := byCode[d.Code]; !ok {
			byCode[d.Code] = d
		}
		if d.Code == diag.VariableNotDefined || d.Code == diag.FunctionNotDefined {
			t.Errorf("generic code inside a mechanism not re-coded: %v", d)
		}
	}
	if d := byCode[diag.CmVariableNameMultiUse]; len(d.Related) != 1 || !d.Related[0].Range.Start.Before(d.Range.Start) {
		t.Errorf("CM_VARIABLE_NAME_MULTI_USE should point at the first occurrence: %+v", d)
	}
	if d := byCode[diag.CmVarMultiuse]; len(d.Related) != 1 {
		t.Errorf("CM_VAR_MULTIUSE should point at the other mechanism: %+v", d)
	}
	if d := byCode[diag.CmFunctionMissing]; !strings.Contains(d.Hint, "(v_comp real) real") {
		t.Errorf("CM_FUNCTION_MISSING hint %q does not give the signature", d.Hint)
	}
	if d := byCode[diag.CmUnresolvedDependency]; d.Upstream != "CM_UNRESOLVED_FUNCTION_DEPENDENCY" || !strings.Contains(d.Message, "unknown_helper") {
		t.Errorf("CM_UNRESOLVED_DEPENDENCY: %+v", d)
	}
	if d := byCode[diag.CmNoVComp]; d.Model != "cm_no_v_comp" || d.Hint == "" {
		t.Errorf("CM_NO_V_COMP: %+v", d)
	}
}

// TestTargetChecksOnEveryCorpusFile runs the compartmental checks and the
// NEST pre-flight checks over every corpus and testdata file: they must
// not panic, and every diagnostic they add has a registered code.
func TestTargetChecksOnEveryCorpusFile(t *testing.T) {
	root := corpusDir(t)
	var paths []string
	for _, v := range readVerdicts(t, root) {
		paths = append(paths, filepath.Join(root, v.file))
	}
	files, _ := filepath.Glob("testdata/*.nestml")
	paths = append(paths, files...)
	var infos []*check.Info
	for _, p := range paths {
		info, ds := checkFile(p, check.Options{Target: "NEST_compartmental"})
		for _, d := range ds {
			if _, ok := diag.DefaultSeverity[d.Code]; !ok {
				t.Errorf("%s: unregistered code %v", p, d)
			}
		}
		if info != nil {
			infos = append(infos, info)
		}
	}
	opts := check.NESTOptions{WeightVariable: map[string]string{"stdp_synapse": "w"}, DelayVariable: map[string]string{"stdp_synapse": "d"},
		NeuronSynapsePairs: []check.NeuronSynapsePair{{Neuron: "iaf_psc_exp_neuron", Synapses: map[string]check.PairPorts{"stdp_synapse": {}}}}}
	for _, d := range check.PreflightNEST(append(infos, nil), opts) {
		if _, ok := diag.DefaultSeverity[d.Code]; !ok || d.Severity != diag.Error {
			t.Errorf("unregistered code or not an error: %v", d)
		}
	}
}
