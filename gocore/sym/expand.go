package sym

import (
	"math"
	"math/rand"
)

// maxExpandTerms bounds the number of terms Expand produces for one product;
// beyond it the product is left unexpanded.
const maxExpandTerms = 4096

// Expand distributes products over sums and expands non-negative integer
// powers of sums, recursively, so that like terms can be collected by Add.
// Function arguments are expanded too. Negative and non-integer powers of
// sums are kept (their bases are expanded). The result is equal to e.
func Expand(e Expr) Expr {
	switch e := e.(type) {
	case *Sum:
		ts := make([]Expr, len(e.Terms))
		for i, t := range e.Terms {
			ts[i] = Expand(t)
		}
		return Add(ts...)
	case *Prod:
		fs := make([]Expr, len(e.Factors))
		for i, f := range e.Factors {
			fs[i] = Expand(f)
		}
		return distribute(fs)
	case *PowE:
		b, x := Expand(e.Base), Expand(e.Exp)
		if s, ok := b.(*Sum); ok {
			if n, ok := x.(*Num); ok && n.V >= 2 && n.V <= 64 && n.V == math.Trunc(n.V) {
				fs := make([]Expr, int(n.V))
				for i := range fs {
					fs[i] = s
				}
				return distribute(fs)
			}
		}
		return Pow(b, x)
	case *Fn:
		as := make([]Expr, len(e.Args))
		for i, a := range e.Args {
			as[i] = Expand(a)
		}
		return Call(e.Name, as...)
	}
	return e
}

// distribute multiplies already expanded factors, distributing over sums.
func distribute(fs []Expr) Expr {
	terms := []Expr{One}
	for _, f := range fs {
		var fterms []Expr
		if s, ok := f.(*Sum); ok {
			fterms = s.Terms
		} else {
			fterms = []Expr{f}
		}
		if len(terms)*len(fterms) > maxExpandTerms {
			return Mul(fs...)
		}
		next := make([]Expr, 0, len(terms)*len(fterms))
		for _, a := range terms {
			for _, b := range fterms {
				next = append(next, Mul(a, b))
			}
		}
		terms = next
	}
	return Add(terms...)
}

// IsZeroRel decides whether e is identically zero with a relative numeric
// test: a number is zero only if it is 0; a product is zero if one of its
// factors is; otherwise e is evaluated at 4 pseudo-random points (every
// symbol drawn from [0.5, 2]) and must satisfy |e| ≤ 1e-10·M(e) at each,
// where M is the value of e with every sum replaced by the sum of the
// absolute values of its terms and every product by the product of the
// absolute values of its factors (the rounding-error scale). Unlike
// IsZero it has no absolute threshold, so small-scale but non-zero
// expressions (1e-15·w) are not declared zero. A point where e cannot be
// evaluated or is not finite makes the answer false.
func IsZeroRel(e Expr) bool {
	switch e := e.(type) {
	case *Num:
		return e.V == 0
	case *Prod:
		for _, f := range e.Factors {
			if IsZeroRel(f) {
				return true
			}
		}
		return false
	}
	syms := Symbols(e)
	r := rand.New(rand.NewSource(11))
	for k := 0; k < 4; k++ {
		env := map[string]float64{}
		for _, s := range syms {
			env[s] = 0.5 + 1.5*r.Float64()
		}
		v, m, err := EvalMag(e, env)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || math.IsNaN(m) || math.IsInf(m, 0) {
			return false
		}
		if math.Abs(v) > 1e-10*m {
			return false
		}
	}
	return true
}

// EvalMag returns the value of e and its rounding-error scale M(e): the
// value with every sum replaced by the sum of the absolute values of its
// terms and every product by the product of the absolute values of its
// factors; other nodes contribute their absolute value.
func EvalMag(e Expr, env map[string]float64) (float64, float64, error) {
	switch e := e.(type) {
	case *Sum:
		v, m := 0.0, 0.0
		for _, t := range e.Terms {
			tv, tm, err := EvalMag(t, env)
			if err != nil {
				return 0, 0, err
			}
			v += tv
			m += tm
		}
		return v, m, nil
	case *Prod:
		v, m := 1.0, 1.0
		for _, f := range e.Factors {
			fv, fm, err := EvalMag(f, env)
			if err != nil {
				return 0, 0, err
			}
			v *= fv
			m *= fm
		}
		return v, m, nil
	}
	v, err := Eval(e, env)
	return v, math.Abs(v), err
}
