package sym

import "testing"

func TestPrintDialects(t *testing.T) {
	V, E, tau, I, C := S("V_m"), S("E_L"), S("tau_m"), S("I_e"), S("C_m")
	rhs := Add(Neg(Div(Sub(V, E), tau)), Div(I, C))
	cases := []struct {
		e    Expr
		d    Dialect
		want string
	}{
		{Div(One, tau), Plain, "1/tau_m"},
		{Mul(N(-1), Div(V, tau)), Plain, "-V_m/tau_m"},
		{Call("exp", Div(Neg(S("__h")), tau)), Plain, "exp(-__h/tau_m)"},
		{Call("ln", V), Python, "log(V_m)"},
		{Call("cond", Call("<", V, E), V, E), Python, "Piecewise((V_m, (V_m < E_L)), (E_L, True))"},
		{Pow(V, N(2)), Plain, "V_m**2"},
		{Pow(V, N(0.5)), Python, "sqrt(V_m)"},
		{Div(V, tau), LaTeX, `\frac{V_{\mathrm{m}}}{\tau_{\mathrm{m}}}`},
		{N(1e-3), LaTeX, `0.001`},
		{N(2.5e-12), LaTeX, `2.5\cdot 10^{-12}`},
		{Div(V, tau), CXX, "V_m/tau_m"},
		{Call("exp", Div(Neg(S("__h")), tau)), CXX, "std::exp(-__h/tau_m)"},
		{Pow(V, N(3)), CXX, "std::pow(V_m, 3.0)"},
		{Call("cond", Call("and", Call("<", V, E), Call(">=", V, N(0))), Call("ln", V), N(2)), CXX, "(((V_m < E_L) && (V_m >= 0.0)) ? std::log(V_m) : 2.0)"},
	}
	for _, c := range cases {
		if got := Print(c.e, c.d); got != c.want {
			t.Errorf("Print(%v, %d) = %q, want %q", c.e, c.d, got, c.want)
		}
	}
	// printing is deterministic
	if Print(rhs, Plain) != Print(rhs, Plain) {
		t.Error("nondeterministic")
	}
}
