package sym

// Poly is a polynomial in one (implicit) variable s with symbolic
// coefficients: p[i] is the coefficient of s^i. Coefficients are kept
// expanded (see Expand).
type Poly []Expr

// PolyMul returns the product a·b with expanded coefficients.
func PolyMul(a, b Poly) Poly {
	if len(a) == 0 || len(b) == 0 {
		return nil
	}
	terms := make([][]Expr, len(a)+len(b)-1)
	for i, x := range a {
		for j, y := range b {
			terms[i+j] = append(terms[i+j], Mul(x, y))
		}
	}
	out := make(Poly, len(terms))
	for k, ts := range terms {
		out[k] = Expand(Add(ts...))
	}
	return out
}

// PolyPow returns p^n for n ≥ 0.
func PolyPow(p Poly, n int) Poly {
	out := Poly{One}
	for i := 0; i < n; i++ {
		out = PolyMul(out, p)
	}
	return out
}

// Degree returns the index of the highest coefficient that is not
// structurally zero, or -1 for the zero polynomial.
func (p Poly) Degree() int {
	for i := len(p) - 1; i >= 0; i-- {
		if !isNum(p[i], 0) {
			return i
		}
	}
	return -1
}
