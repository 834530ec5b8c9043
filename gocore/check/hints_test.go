package check_test

import (
	"strings"
	"testing"

	"nestml_go/gocore/check"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/syntax"
)

// TestHints checks the did-you-mean and fix-it hints of some diagnostics.
func TestHints(t *testing.T) {
	const head = "model m:\n    parameters:\n        V_rest mV = -70 mV\n        tau_m ms = 10 ms\n    state:\n        V_m mV = -70 mV\n        x real = 0\n    input:\n        spikes <- spike\n    output:\n        spike\n    update:\n"
	cases := []struct {
		stmt string
		code diag.Code
		hint string
	}{
		{"V_m = V_rst", diag.VariableNotDefined, `did you mean "V_rest"?`},
		{"x = tau_n / 1 ms", diag.VariableNotDefined, `did you mean "tau_m"?`},
		{"x = expp(1)", diag.FunctionNotDefined, `did you mean "exp"?`},
		{"x = curr_sum(1)", diag.FunctionNotDefined, "convolve"},
		{"x = V_m / mV", diag.BareUnitInExpression, "write 1 mV"},
		{"x = 2 tau_m / 1 ms", diag.LiteralFollowedByVariable, "write 2 * tau_m"},
		{"V_m = 0", diag.AssignmentTypeMismatch, "0 mV"},
		{"emit_spike(1, 2 ms)", diag.EmitSpikeArgCount, "delay_variable"},
		{"y pA = 1 mA * 1 Ohmm", diag.UnknownUnit, "did you mean"},
		{"x = convolve(V_m, spikes)", diag.ConvolveOutsideEquations, "inline"},
	}
	for _, tc := range cases {
		src := head + "        " + tc.stmt + "\n"
		f, ds := syntax.Parse("hint.nestml", []byte(src))
		if ds.HasErrors() {
			t.Fatalf("%s: %v", tc.stmt, ds)
		}
		_, cds := check.Check(f, check.Options{})
		found := false
		for _, d := range cds {
			if d.Code == tc.code && strings.Contains(d.Hint, tc.hint) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %s with a hint containing %q; got %v", tc.stmt, tc.code, tc.hint, hintsOf(cds))
		}
	}
}

func hintsOf(ds diag.List) []string {
	var out []string
	for _, d := range ds {
		out = append(out, string(d.Code)+": "+d.Hint)
	}
	return out
}
