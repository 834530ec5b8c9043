package sym

import (
	"math"
	"testing"
)

func TestExpand(t *testing.T) {
	a, b, c := S("a"), S("b"), S("c")
	// (a+b)*(a-b) → a² − b²
	e := Expand(Mul(Add(a, b), Sub(a, b)))
	if !IsZero(Sub(e, Sub(Pow(a, N(2)), Pow(b, N(2))))) {
		t.Errorf("expand = %v", e)
	}
	if s, ok := e.(*Sum); !ok || len(s.Terms) != 2 {
		t.Errorf("(a+b)(a-b) expanded to %v", e)
	}
	// (a+1)^3 has 4 terms
	e = Expand(Pow(Add(a, One), N(3)))
	if s, ok := e.(*Sum); !ok || len(s.Terms) != 4 {
		t.Errorf("(a+1)^3 expanded to %v", e)
	}
	// nested: c*(a+b)^2 inside a function argument
	e = Expand(Call("exp", Mul(c, Pow(Add(a, b), N(2)))))
	if fn, ok := e.(*Fn); !ok || len(fn.Args[0].(*Sum).Terms) != 3 {
		t.Errorf("exp argument not expanded: %v", e)
	}
	// negative powers stay
	e = Expand(Pow(Add(a, b), N(-1)))
	if _, ok := e.(*PowE); !ok {
		t.Errorf("(a+b)^-1 → %v", e)
	}
}

func TestPoly(t *testing.T) {
	l := S("l")
	// (s − l)^2 = s² − 2 l s + l²
	p := PolyPow(Poly{Neg(l), One}, 2)
	if len(p) != 3 || p.Degree() != 2 {
		t.Fatalf("degree: %v", p)
	}
	want := []Expr{Pow(l, N(2)), Mul(N(-2), l), One}
	for i := range p {
		if p[i].String() != want[i].String() {
			t.Errorf("p[%d] = %v, want %v", i, p[i], want[i])
		}
	}
	// (s+1)^5 binomial coefficients
	q := PolyPow(Poly{One, One}, 5)
	for i, c := range []float64{1, 5, 10, 10, 5, 1} {
		if !isNum(q[i], c) {
			t.Errorf("q[%d] = %v", i, q[i])
		}
	}
	if (Poly{Zero, Zero}).Degree() != -1 {
		t.Error("zero polynomial degree")
	}
}

func TestIsZeroRel(t *testing.T) {
	a, b := S("a"), S("b")
	if !IsZeroRel(Zero) || IsZeroRel(N(1e-300)) {
		t.Error("numbers")
	}
	if IsZeroRel(Mul(N(1e-15), a)) {
		t.Error("1e-15*a declared zero")
	}
	if !IsZeroRel(Sub(Add(Pow(a, N(-1)), Pow(b, N(-1))), Div(Add(a, b), Mul(a, b)))) {
		t.Error("1/a+1/b − (a+b)/(ab) not zero")
	}
	if !IsZeroRel(Mul(a, Sub(Mul(Add(a, b), Add(a, b)), Expand(Pow(Add(a, b), N(2)))))) {
		t.Error("a·((a+b)² − expanded) not zero")
	}
	if IsZeroRel(Sub(Call("exp", a), Add(One, a))) {
		t.Error("exp(a) − 1 − a declared zero")
	}
	v, m, err := EvalMag(Sub(Mul(a, b), Mul(N(2), a)), map[string]float64{"a": 1, "b": 1.5})
	if err != nil || math.Abs(v-(-0.5)) > 1e-15 || math.Abs(m-3.5) > 1e-15 {
		t.Errorf("EvalMag = %v %v %v", v, m, err)
	}
}

func TestDerivativeOfPow(t *testing.T) {
	x, y := S("x"), S("y")
	d, err := D(Call("pow", x, N(3)), "x")
	if err != nil || !IsZero(Sub(d, Mul(N(3), Pow(x, N(2))))) {
		t.Errorf("d pow(x,3)/dx = %v, %v", d, err)
	}
	d, err = D(Call("pow", y, x), "x")
	if err != nil || !IsZero(Sub(d, Mul(Pow(y, x), Call("ln", y)))) {
		t.Errorf("d pow(y,x)/dx = %v, %v", d, err)
	}
}
