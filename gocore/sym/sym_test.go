package sym

import (
	"math"
	"testing"
)

func TestSimplifyAndDerivative(t *testing.T) {
	V, E, tau, I, C := S("V"), S("E"), S("tau"), S("I"), S("C")
	// -(V - E)/tau + I/C
	rhs := Add(Neg(Div(Sub(V, E), tau)), Div(I, C))
	dV, err := D(rhs, "V")
	if err != nil {
		t.Fatal(err)
	}
	if !IsZero(Add(dV, Div(One, tau))) {
		t.Errorf("dV = %v, want -1/tau", dV)
	}
	dI, _ := D(rhs, "I")
	if !IsZero(Sub(dI, Div(One, C))) {
		t.Errorf("dI = %v, want 1/C", dI)
	}
	b := Subst(rhs, map[string]Expr{"V": Zero, "I": Zero})
	if !IsZero(Sub(b, Div(E, tau))) {
		t.Errorf("affine part = %v, want E/tau", b)
	}
	if x := Mul(N(0.001), N(1000), S("w")); x.String() != "w" {
		t.Errorf("constant folding: %v", x)
	}
	if !IsZero(Sub(Mul(V, V), Pow(V, N(2)))) {
		t.Error("V*V != V**2")
	}
}

func TestNonlinearAndEval(t *testing.T) {
	g, V := S("g"), S("V")
	rhs := Mul(g, V)
	d, _ := D(rhs, "V")
	if Free(d, map[string]bool{"g": true}) {
		t.Errorf("d(gV)/dV = %v should contain g", d)
	}
	if _, err := D(Call("max", V, N(0)), "V"); err == nil {
		t.Error("max() differentiated")
	}
	v, err := Eval(Add(Call("exp", V), N(1)), map[string]float64{"V": 0.5})
	if err != nil || math.Abs(v-(math.Exp(0.5)+1)) > 1e-15 {
		t.Errorf("eval = %v, %v", v, err)
	}
}
