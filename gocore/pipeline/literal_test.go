package pipeline

import (
	"math"
	"testing"

	"nestml_go/gocore/sym"
)

// TestLiteralUnitPartWithVariables: a declared variable inside a literal's
// unit part is split off as an ordinary factor (language.md §4.12), and the
// value is computed in internal units.
func TestLiteralUnitPartWithVariables(t *testing.T) {
	src := `
model literal_split_neuron:
    parameters:
        k real = 4
        tau ms = 5 ms
    state:
        V mV = 1 mV
    equations:
        V' = -V / (2 ms * k) - V / (3 tau) + 1 mV / 1 ms
    update:
        integrate_odes()
`
	r := Compile("literal.nestml", []byte(src), Options{})
	if r.HasErrors() || len(r.Plans) != 1 {
		t.Fatalf("diagnostics: %v", r.Diagnostics)
	}
	rhs := r.Plans[0].States[0].Rhs
	v, err := sym.Eval(rhs, map[string]float64{"V": 1, "k": 4, "tau": 5})
	if err != nil {
		t.Fatal(err)
	}
	// -1/(2·4) - 1/(3·5) + 1 mV/ms
	want := -1.0/8 - 1.0/15 + 1
	if math.Abs(v-want) > 1e-14 {
		t.Errorf("rhs = %v (%v), want %v", v, rhs, want)
	}
}
