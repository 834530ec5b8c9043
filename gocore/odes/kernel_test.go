package odes

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"

	"nestml_go/gocore/sym"
)

// kernel-test shorthands
var (
	kt   = sym.S("t")
	kN   = sym.N
	kS   = sym.S
	kExp = func(x sym.Expr) sym.Expr { return sym.Call("exp", x) }
	kSin = func(x sym.Expr) sym.Expr { return sym.Call("sin", x) }
	kCos = func(x sym.Expr) sym.Expr { return sym.Call("cos", x) }
	kInv = func(x sym.Expr) sym.Expr { return sym.Pow(x, kN(-1)) }
	kSq  = func(x sym.Expr) sym.Expr { return sym.Pow(x, kN(2)) }
	// exp(-t/tau)
	kDecay = func(tau string) sym.Expr { return kExp(sym.Neg(sym.Div(kt, kS(tau)))) }
)

type kernelCase struct {
	name   string
	f      sym.Expr
	order  int
	coeffs []sym.Expr // expected a_0 … a_{n-1}, compared numerically
	iv     []sym.Expr // expected initial values, compared numerically
	method string     // "" = structural
}

func kernelCases() []kernelCase {
	tau, td, tr, tk, w := kS("tau"), kS("td"), kS("tr"), kS("tk"), kS("w")
	e := kN(math.E)
	return []kernelCase{
		// numerics.md §4.6
		{name: "exp", f: kDecay("tau"), order: 1,
			coeffs: []sym.Expr{kInv(tau)}, iv: []sym.Expr{kN(1)}},
		{name: "alpha", f: sym.Mul(sym.Div(e, tau), kt, kDecay("tau")), order: 2,
			coeffs: []sym.Expr{kInv(kSq(tau)), sym.Div(kN(2), tau)}, iv: []sym.Expr{kN(0), sym.Div(e, tau)}},
		{name: "beta", f: sym.Sub(kDecay("td"), kDecay("tr")), order: 2,
			coeffs: []sym.Expr{kInv(sym.Mul(tr, td)), sym.Add(kInv(tr), kInv(td))},
			iv:     []sym.Expr{kN(0), sym.Sub(kInv(tr), kInv(td))}},
		{name: "damped sine", f: sym.Mul(kDecay("tk"), kSin(sym.Mul(w, kt))), order: 2,
			coeffs: []sym.Expr{sym.Add(kInv(kSq(tk)), kSq(w)), sym.Div(kN(2), tk)}, iv: []sym.Expr{kN(0), w}},
		{name: "sin", f: kSin(kt), order: 2,
			coeffs: []sym.Expr{kN(1), kN(0)}, iv: []sym.Expr{kN(0), kN(1)}},
		{name: "t^4 exp", f: sym.Mul(sym.Pow(kt, kN(4)), kExp(sym.Neg(kt))), order: 5,
			coeffs: []sym.Expr{kN(1), kN(5), kN(10), kN(10), kN(5)}, iv: []sym.Expr{kN(0), kN(0), kN(0), kN(0), kN(24)}},
		{name: "cosh", f: sym.Call("cosh", sym.Div(kt, tau)), order: 2,
			coeffs: []sym.Expr{sym.Neg(kInv(kSq(tau))), kN(0)}, iv: []sym.Expr{kN(1), kN(0)}},

		// library forms
		{name: "beta normalized", f: sym.Div(sym.Sub(kDecay("tau_d"), kDecay("tau_r")), kS("norm")), order: 2,
			coeffs: []sym.Expr{kInv(sym.Mul(kS("tau_r"), kS("tau_d"))), sym.Add(kInv(kS("tau_r")), kInv(kS("tau_d")))},
			iv:     []sym.Expr{kN(0), sym.Div(sym.Sub(kInv(kS("tau_r")), kInv(kS("tau_d"))), kS("norm"))}},
		{name: "beta norm expression", f: sym.Div(sym.Sub(kDecay("td"), kDecay("tr")),
			sym.Sub(kExp(sym.Neg(sym.Div(kS("tp"), td))), kExp(sym.Neg(sym.Div(kS("tp"), tr))))), order: 2,
			coeffs: []sym.Expr{kInv(sym.Mul(tr, td)), sym.Add(kInv(tr), kInv(td))},
			iv: []sym.Expr{kN(0), sym.Div(sym.Sub(kInv(tr), kInv(td)),
				sym.Sub(kExp(sym.Neg(sym.Div(kS("tp"), td))), kExp(sym.Neg(sym.Div(kS("tp"), tr)))))}},
		{name: "alpha e**", f: sym.Mul(sym.Div(e, tau), kt, sym.Pow(e, sym.Neg(sym.Div(kt, tau)))), order: 2,
			coeffs: []sym.Expr{kInv(kSq(tau)), sym.Div(kN(2), tau)}, iv: []sym.Expr{kN(0), sym.Div(e, tau)}},
		{name: "alpha pow()", f: sym.Mul(sym.Div(e, tau), kt, sym.Call("pow", e, sym.Neg(sym.Div(kt, tau)))), order: 2,
			coeffs: []sym.Expr{kInv(kSq(tau)), sym.Div(kN(2), tau)}, iv: []sym.Expr{kN(0), sym.Div(e, tau)}},
		{name: "beta equal-valued symbols stay separate", f: sym.Sub(kDecay("tau_syn_decay"), kDecay("tau_syn_rise")), order: 2,
			coeffs: []sym.Expr{kInv(sym.Mul(kS("tau_syn_decay"), kS("tau_syn_rise"))), sym.Add(kInv(kS("tau_syn_decay")), kInv(kS("tau_syn_rise")))},
			iv:     []sym.Expr{kN(0), sym.Sub(kInv(kS("tau_syn_rise")), kInv(kS("tau_syn_decay")))}},
		{name: "negative exp", f: sym.Neg(kDecay("tau_syn3")), order: 1,
			coeffs: []sym.Expr{kInv(kS("tau_syn3"))}, iv: []sym.Expr{kN(-1)}},
		{name: "tiny scale", f: sym.Mul(kN(1e-15), kS("a"), kDecay("tau")), order: 1,
			coeffs: []sym.Expr{kInv(tau)}, iv: []sym.Expr{sym.Mul(kN(1e-15), kS("a"))}},

		// sums of kernels
		{name: "exp + alpha", f: sym.Add(kDecay("tau1"), sym.Mul(kt, kDecay("tau2"))), order: 3,
			// (s+1/tau1)(s+1/tau2)^2
			coeffs: []sym.Expr{sym.Div(kN(1), sym.Mul(kS("tau1"), kSq(kS("tau2")))),
				sym.Add(kInv(kSq(kS("tau2"))), sym.Div(kN(2), sym.Mul(kS("tau1"), kS("tau2")))),
				sym.Add(kInv(kS("tau1")), sym.Div(kN(2), kS("tau2")))},
			iv: []sym.Expr{kN(1), sym.Add(kN(1), sym.Neg(kInv(kS("tau1")))), sym.Add(sym.Div(kN(-2), kS("tau2")), kInv(kSq(kS("tau1"))))}},
		{name: "same exp twice", f: sym.Add(kDecay("tau"), sym.Mul(kN(2), kExp(sym.Div(kt, sym.Neg(tau))))), order: 1,
			coeffs: []sym.Expr{kInv(tau)}, iv: []sym.Expr{kN(3)}},
		{name: "equal rates written differently", f: sym.Sub(kExp(sym.Neg(sym.Mul(kt, sym.Add(kInv(kS("a")), kInv(kS("b")))))),
			sym.Mul(kN(3), kExp(sym.Neg(sym.Div(sym.Mul(kt, sym.Add(kS("a"), kS("b"))), sym.Mul(kS("a"), kS("b"))))))), order: 1,
			coeffs: []sym.Expr{sym.Add(kInv(kS("a")), kInv(kS("b")))}, iv: []sym.Expr{kN(-2)}},
		{name: "t exp + t^2 exp same rate", f: sym.Mul(sym.Add(kt, sym.Pow(kt, kN(2))), kDecay("tau")), order: 3,
			coeffs: []sym.Expr{kInv(sym.Pow(tau, kN(3))), sym.Div(kN(3), kSq(tau)), sym.Div(kN(3), tau)},
			iv:     []sym.Expr{kN(0), kN(1), sym.Sub(kN(2), sym.Div(kN(2), tau))}},

		// oscillatory
		{name: "sin with phase", f: kSin(sym.Add(sym.Mul(w, kt), kS("phi"))), order: 2,
			coeffs: []sym.Expr{kSq(w), kN(0)}, iv: []sym.Expr{kSin(kS("phi")), sym.Mul(w, kCos(kS("phi")))}},
		{name: "cos with phase", f: kCos(sym.Sub(sym.Mul(w, kt), kS("phi"))), order: 2,
			coeffs: []sym.Expr{kSq(w), kN(0)}, iv: []sym.Expr{kCos(kS("phi")), sym.Mul(w, kSin(kS("phi")))}},
		{name: "sin(-w t)", f: kSin(sym.Neg(sym.Mul(w, kt))), order: 2,
			coeffs: []sym.Expr{kSq(w), kN(0)}, iv: []sym.Expr{kN(0), sym.Neg(w)}},
		{name: "sin^2", f: sym.Pow(kSin(kt), kN(2)), order: 3,
			coeffs: []sym.Expr{kN(0), kN(4), kN(0)}, iv: []sym.Expr{kN(0), kN(0), kN(2)}},
		{name: "sin cos", f: sym.Mul(kSin(kt), kCos(kt)), order: 2,
			coeffs: []sym.Expr{kN(4), kN(0)}, iv: []sym.Expr{kN(0), kN(1)}},
		{name: "sin(w1 t) sin(w2 t)", f: sym.Mul(kSin(sym.Mul(kS("w1"), kt)), kSin(sym.Mul(kS("w2"), kt))), order: 4,
			// (s²+(w1-w2)²)(s²+(w1+w2)²)
			coeffs: []sym.Expr{sym.Mul(kSq(sym.Sub(kS("w1"), kS("w2"))), kSq(sym.Add(kS("w1"), kS("w2")))), kN(0),
				sym.Add(kSq(sym.Sub(kS("w1"), kS("w2"))), kSq(sym.Add(kS("w1"), kS("w2")))), kN(0)},
			iv: []sym.Expr{kN(0), kN(0), sym.Mul(kN(2), kS("w1"), kS("w2")), kN(0)}},
		{name: "t exp sin", f: sym.Mul(kt, kExp(sym.Neg(kt)), kSin(kt)), order: 4,
			// (s²+2s+2)²
			coeffs: []sym.Expr{kN(4), kN(8), kN(8), kN(4)}, iv: []sym.Expr{kN(0), kN(0), kN(2), kN(-6)}},
		{name: "damped cosine", f: sym.Mul(kExp(sym.Mul(kN(-0.1), kt)), kCos(sym.Mul(kN(2), kt))), order: 2,
			coeffs: []sym.Expr{kN(4.01), kN(0.2)}, iv: []sym.Expr{kN(1), kN(-0.1)}},

		// other rewrites
		{name: "sinh", f: sym.Call("sinh", sym.Div(kt, tau)), order: 2,
			coeffs: []sym.Expr{sym.Neg(kInv(kSq(tau))), kN(0)}, iv: []sym.Expr{kN(0), kInv(tau)}},
		{name: "expm1", f: sym.Call("expm1", sym.Neg(sym.Div(kt, tau))), order: 2,
			coeffs: []sym.Expr{kN(0), kInv(tau)}, iv: []sym.Expr{kN(0), sym.Neg(kInv(tau))}},
		{name: "exp squared", f: sym.Pow(kDecay("tau"), kN(2)), order: 1,
			coeffs: []sym.Expr{sym.Div(kN(2), tau)}, iv: []sym.Expr{kN(1)}},
		{name: "1/exp", f: sym.Div(kN(2), kExp(sym.Div(kt, tau))), order: 1,
			coeffs: []sym.Expr{kInv(tau)}, iv: []sym.Expr{kN(2)}},
		{name: "sqrt exp", f: sym.Call("sqrt", kDecay("tau")), order: 1,
			coeffs: []sym.Expr{sym.Div(kN(0.5), tau)}, iv: []sym.Expr{kN(1)}},
		{name: "2**(-t/tau)", f: sym.Pow(kN(2), sym.Neg(sym.Div(kt, tau))), order: 1,
			coeffs: []sym.Expr{sym.Div(kN(math.Ln2), tau)}, iv: []sym.Expr{kN(1)}},
		{name: "b**(-t)", f: sym.Pow(kS("b"), sym.Neg(kt)), order: 1,
			coeffs: []sym.Expr{sym.Call("ln", kS("b"))}, iv: []sym.Expr{kN(1)}},
		{name: "delayed exp", f: kExp(sym.Neg(sym.Div(sym.Sub(kt, kS("d")), tau))), order: 1,
			coeffs: []sym.Expr{kInv(tau)}, iv: []sym.Expr{kExp(sym.Div(kS("d"), tau))}},
		{name: "product of sums", f: sym.Mul(sym.Add(kN(1), kt), sym.Sub(kDecay("td"), kDecay("tr"))), order: 4,
			coeffs: []sym.Expr{kInv(sym.Mul(kSq(td), kSq(tr))),
				sym.Add(sym.Div(kN(2), sym.Mul(td, kSq(tr))), sym.Div(kN(2), sym.Mul(kSq(td), tr))),
				sym.Add(kInv(kSq(td)), kInv(kSq(tr)), sym.Div(kN(4), sym.Mul(td, tr))),
				sym.Add(sym.Div(kN(2), td), sym.Div(kN(2), tr))},
			iv: []sym.Expr{kN(0), sym.Sub(kInv(tr), kInv(td)), sym.Add(sym.Div(kN(2), tr), sym.Div(kN(-2), td), kInv(kSq(td)), sym.Neg(kInv(kSq(tr)))),
				sym.Add(sym.Div(kN(-3), kSq(tr)), sym.Div(kN(3), kSq(td)), kInv(sym.Pow(tr, kN(3))), sym.Neg(kInv(sym.Pow(td, kN(3)))))}},
		{name: "constant", f: kN(3), order: 1,
			coeffs: []sym.Expr{kN(0)}, iv: []sym.Expr{kN(3)}},

		// sample-point fallback
		{name: "tanh*cosh (fallback)", f: sym.Mul(sym.Call("tanh", kt), sym.Call("cosh", kt)), order: 2, method: KernelSamplePoints,
			coeffs: []sym.Expr{kN(-1), kN(0)}, iv: []sym.Expr{kN(0), kN(1)}},
		{name: "quotient (fallback)", f: sym.Div(sym.Add(kDecay("tau"), kExp(sym.Div(sym.Mul(kN(-2), kt), tau))), sym.Add(kN(1), kDecay("tau"))),
			order: 1, method: KernelSamplePoints, coeffs: []sym.Expr{kInv(tau)}, iv: []sym.Expr{kN(1)}},
	}
}

// randEnv draws every symbol of es except t from [0.5, 2].
func randEnv(r *rand.Rand, es ...sym.Expr) map[string]float64 {
	env := map[string]float64{}
	for _, e := range es {
		for _, s := range sym.Symbols(e) {
			if _, ok := env[s]; !ok && s != "t" {
				env[s] = 0.5 + 1.5*r.Float64()
			}
		}
	}
	return env
}

func closeRel(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func TestKernelODETable(t *testing.T) {
	for _, c := range kernelCases() {
		t.Run(c.name, func(t *testing.T) {
			shape, err := KernelODE(c.f, "t", 8)
			if err != nil {
				t.Fatalf("KernelODE(%v): %v", c.f, err)
			}
			want := c.method
			if want == "" {
				want = KernelStructural
			}
			if shape.Method != want {
				t.Errorf("method = %s, want %s", shape.Method, want)
			}
			if shape.Order != c.order || len(shape.Coeffs) != c.order || len(shape.IV) != c.order {
				t.Fatalf("order = %d (%d coeffs, %d IV), want %d; coeffs %v", shape.Order, len(shape.Coeffs), len(shape.IV), c.order, shape.Coeffs)
			}
			for k := 0; k < c.order; k++ {
				for _, x := range []sym.Expr{shape.Coeffs[k], shape.IV[k]} {
					if !sym.Free(x, map[string]bool{"t": true}) {
						t.Errorf("%v depends on t", x)
					}
				}
			}
			r := rand.New(rand.NewSource(3))
			all := append(append(append([]sym.Expr{c.f}, c.coeffs...), c.iv...), shape.Coeffs...)
			all = append(all, shape.IV...)
			for p := 0; p < 5; p++ {
				env := randEnv(r, all...)
				for k := 0; k < c.order; k++ {
					got, err1 := sym.Eval(shape.Coeffs[k], env)
					exp, err2 := sym.Eval(c.coeffs[k], env)
					if err1 != nil || err2 != nil || !closeRel(got, exp, 1e-9) {
						t.Errorf("a_%d = %v = %g, want %v = %g (%v %v)", k, shape.Coeffs[k], got, c.coeffs[k], exp, err1, err2)
					}
					got, err1 = sym.Eval(shape.IV[k], env)
					exp, err2 = sym.Eval(c.iv[k], env)
					if err1 != nil || err2 != nil || !closeRel(got, exp, 1e-9) {
						t.Errorf("IV_%d = %v = %g, want %v = %g (%v %v)", k, shape.IV[k], got, c.iv[k], exp, err1, err2)
					}
				}
			}
		})
	}
}

// TestKernelODEResidual is the property test: for random parameter
// values, the original kernel satisfies f^(n) + Σ a_k f^(k) = 0 at several
// t, with derivatives of f taken independently of the conversion, and
// the initial values are f^(k)(0).
func TestKernelODEResidual(t *testing.T) {
	for _, c := range kernelCases() {
		t.Run(c.name, func(t *testing.T) {
			shape, err := KernelODE(c.f, "t", 8)
			if err != nil {
				t.Fatal(err)
			}
			n := shape.Order
			derivs := []sym.Expr{c.f}
			for k := 1; k <= n; k++ {
				d, err := sym.D(derivs[k-1], "t")
				if err != nil {
					t.Fatal(err)
				}
				derivs = append(derivs, d)
			}
			r := rand.New(rand.NewSource(5))
			for p := 0; p < 4; p++ {
				env := randEnv(r, append(derivs, shape.Coeffs...)...)
				for k := 0; k < n; k++ {
					env["t"] = 0
					d0, _ := sym.Eval(derivs[k], env)
					iv, err := sym.Eval(shape.IV[k], env)
					if err != nil || !closeRel(d0, iv, 1e-9) {
						t.Errorf("IV_%d = %g, f^(%d)(0) = %g", k, iv, k, d0)
					}
				}
				for _, tv := range []float64{0.1, 0.7, 1.3, 2.9, 4.6} {
					env["t"] = tv
					res, scale := 0.0, 0.0
					for k := 0; k <= n; k++ {
						v, err := sym.Eval(derivs[k], env)
						if err != nil {
							t.Fatal(err)
						}
						if k < n {
							a, err := sym.Eval(shape.Coeffs[k], env)
							if err != nil {
								t.Fatal(err)
							}
							v *= a
						}
						res += v
						scale += math.Abs(v)
					}
					if math.Abs(res) > 1e-8*scale+1e-300 {
						t.Errorf("residual %g (scale %g) at t=%g, env %v", res, scale, tv, env)
					}
				}
			}
		})
	}
}

func TestKernelODERejects(t *testing.T) {
	one := kN(1)
	cases := []struct {
		name string
		f    sym.Expr
		code string
		max  int
	}{
		{"1/(1+t)", kInv(sym.Add(one, kt)), "KERNEL_NOT_LTI", 8},
		{"sqrt(t)", sym.Call("sqrt", kt), "KERNEL_NOT_LTI", 8},
		{"exp(-t^2)", kExp(sym.Neg(kSq(kt))), "KERNEL_NOT_LTI", 8},
		{"tanh(t)", sym.Call("tanh", kt), "KERNEL_NOT_LTI", 8},
		{"ln(1+t)", sym.Call("ln", sym.Add(one, kt)), "KERNEL_NOT_LTI", 8},
		{"exp(exp(-t))", kExp(kDecay("tau")), "KERNEL_NOT_LTI", 8},
		{"sin(t^2)", kSin(kSq(kt)), "KERNEL_NOT_LTI", 8},
		{"t^-1 exp", sym.Mul(kInv(kt), kDecay("tau")), "KERNEL_NOT_LTI", 8},
		{"cond", sym.Call("cond", sym.Call("<", kt, one), one, kN(0)), "KERNEL_NOT_LTI", 8},
		{"identically zero", sym.Sub(sym.Mul(kt, kDecay("tau")), sym.Mul(kDecay("tau"), kt)), "KERNEL_NOT_LTI", 8},
		{"t^4 exp over limit", sym.Mul(sym.Pow(kt, kN(4)), kExp(sym.Neg(kt))), "KERNEL_ORDER_LIMIT", 4},
		{"t^8 exp over default limit", sym.Mul(sym.Pow(kt, kN(8)), kExp(sym.Neg(kt))), "KERNEL_ORDER_LIMIT", 8},
		{"damped sine over limit", sym.Mul(kDecay("tk"), kSin(sym.Mul(kS("w"), kt))), "KERNEL_ORDER_LIMIT", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			shape, err := KernelODE(c.f, "t", c.max)
			if err == nil {
				t.Fatalf("accepted: order %d, coeffs %v", shape.Order, shape.Coeffs)
			}
			var ke *KernelError
			if !errors.As(err, &ke) {
				t.Fatalf("error %T %v is not a *KernelError", err, err)
			}
			if string(ke.Code) != c.code {
				t.Errorf("code = %s, want %s (%v)", ke.Code, c.code, err)
			}
			if c.code == "KERNEL_NOT_LTI" && c.name != "identically zero" && err.Error() != KernelNotLTIMsg {
				t.Errorf("message = %q", err.Error())
			}
			if c.code == "KERNEL_ORDER_LIMIT" && !strings.Contains(err.Error(), fmt.Sprint(c.max)) {
				t.Errorf("message = %q", err.Error())
			}
		})
	}
}

// TestKernelODENoLimit: maxOrder ≤ 0 lifts the limit; the structural
// method has no order bound of its own.
func TestKernelODENoLimit(t *testing.T) {
	f := sym.Mul(sym.Pow(kt, kN(9)), kDecay("tau"))
	shape, err := KernelODE(f, "t", 0)
	if err != nil {
		t.Fatal(err)
	}
	if shape.Order != 10 {
		t.Fatalf("order %d", shape.Order)
	}
	// (s + 1/tau)^10: a_k = C(10,k) tau^(k-10)
	env := map[string]float64{"tau": 1.7}
	binom := 1.0
	for k := 0; k < 10; k++ {
		got, _ := sym.Eval(shape.Coeffs[k], env)
		want := binom * math.Pow(1.7, float64(k-10))
		if !closeRel(got, want, 1e-9) {
			t.Errorf("a_%d = %g, want %g", k, got, want)
		}
		binom = binom * float64(10-k) / float64(k+1)
	}
	iv9, _ := sym.Eval(shape.IV[9], env)
	if !closeRel(iv9, 362880, 1e-12) {
		t.Errorf("IV_9 = %g", iv9)
	}
}

// TestKernelCoefficientForm: coefficients come out expanded and simple.
func TestKernelCoefficientForm(t *testing.T) {
	shape, err := KernelODE(sym.Sub(kDecay("td"), kDecay("tr")), "t", 8)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range shape.Coeffs {
		if _, ok := c.(*sym.Prod); !ok {
			if _, ok := c.(*sym.Sum); !ok {
				t.Errorf("coefficient %v", c)
			}
		}
	}
	if len(shape.Coeffs[0].String()) > 30 || len(shape.Coeffs[1].String()) > 30 {
		t.Errorf("coefficients not simplified: %v", shape.Coeffs)
	}
	if s := shape.IV[0].String(); s != "0" {
		t.Errorf("IV_0 = %s", s)
	}
}

// TestKernelSelfCheckDetects: the self-check rejects a wrong ODE and a
// normalized kernel that differs from the input.
func TestKernelSelfCheckDetects(t *testing.T) {
	f := sym.Mul(kt, kDecay("tau"))
	derivs := []sym.Expr{f}
	for k := 1; k <= 2; k++ {
		d, err := sym.D(derivs[k-1], "t")
		if err != nil {
			t.Fatal(err)
		}
		derivs = append(derivs, d)
	}
	tau := kS("tau")
	good := []sym.Expr{kInv(kSq(tau)), sym.Div(kN(2), tau)}
	if err := selfCheck(f, f, derivs, good, "t"); err != nil {
		t.Fatalf("correct ODE rejected: %v", err)
	}
	bad := []sym.Expr{kInv(kSq(tau)), sym.Div(kN(2.000001), tau)}
	var ke *KernelError
	if err := selfCheck(f, f, derivs, bad, "t"); !errors.As(err, &ke) || ke.Code != KernelSelfCheck {
		t.Errorf("wrong ODE accepted: %v", err)
	}
	g := sym.Mul(kN(1.0000001), f)
	if err := selfCheck(f, g, derivs, good, "t"); !errors.As(err, &ke) || ke.Code != KernelSelfCheck {
		t.Errorf("wrong normalization accepted: %v", err)
	}
}

// TestKernelSamplePointsClean: numeric sample-point coefficients have no
// rounding noise.
func TestKernelSamplePointsClean(t *testing.T) {
	shape, err := KernelODE(sym.Mul(sym.Call("tanh", kt), sym.Call("cosh", kt)), "t", 8)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(shape.Coeffs); got != "[-1 0]" {
		t.Errorf("coeffs = %s", got)
	}
}

// TestKernelODETimeSymbol: the time symbol is the one named by the caller
// (the pipeline uses "__t"); "t" is then an ordinary parameter.
func TestKernelODETimeSymbol(t *testing.T) {
	tt := kS(TimeSymbol)
	f := sym.Mul(sym.Div(kN(math.E), kS("tau")), tt, kExp(sym.Neg(sym.Div(tt, kS("tau")))), kS("t"))
	shape, err := KernelODE(f, TimeSymbol, 8)
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]float64{"tau": 2, "t": 3}
	iv1, _ := sym.Eval(shape.IV[1], env)
	if shape.Order != 2 || !closeRel(iv1, 3*math.E/2, 1e-12) {
		t.Errorf("order %d, IV %v", shape.Order, shape.IV)
	}
}
