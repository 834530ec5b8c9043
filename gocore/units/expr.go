package units

import (
	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
)

// FromExpr evaluates a unit type expression (language.md §7.4):
//
//   - a name is looked up in the vocabulary; an unknown name is
//     UNKNOWN_UNIT at the name, with a did-you-mean hint (Suggest);
//   - U * V and U / V multiply and divide (dimensions add or subtract,
//     scales multiply or divide; identical factors cancel exactly);
//   - ( U ) is U;
//   - N / U is the inverse of U; a numerator N other than 1 is
//     UNIT_NUMERATOR_NOT_ONE at the 1/U node;
//   - U ** e raises U to the exact rational e = ExpNum/ExpDen (an ExpDen of
//     0 is read as 1); fractional exponents give fractional dimensions.
//
// All errors of the expression are reported, not only the first. If there
// is any error the returned Unit is the invalid zero Unit. An exponent so
// large that a dimension exponent overflows int64 rationals, or the scale
// leaves the float64 range, is reported as UNIT_EXPONENT_NOT_RATIONAL (the
// exponent is not a usable rational). A nil expression (left by a syntax
// error) yields the invalid Unit and no diagnostic.
func FromExpr(u *ast.UnitExpr) (Unit, diag.List) {
	var l diag.List
	v, ok := eval(u, &l)
	if !ok || l.HasErrors() {
		return Unit{}, l
	}
	return v, l
}

func eval(u *ast.UnitExpr, l *diag.List) (Unit, bool) {
	if u == nil {
		return Unit{}, false
	}
	switch u.Op {
	case ast.UnitName:
		if v, ok := Lookup(u.Name); ok {
			return v, true
		}
		hint := ""
		if s := Suggest(u.Name); s != "" {
			hint = "did you mean " + s + "?"
		}
		l.Add(diag.UnknownUnit, diag.Error, u.Rng, hint, "unknown unit %q", u.Name)
		return Unit{}, false
	case ast.UnitParen:
		return eval(u.L, l)
	case ast.UnitMul, ast.UnitDiv:
		a, okA := eval(u.L, l)
		b, okB := eval(u.R, l)
		if !okA || !okB {
			return Unit{}, false
		}
		var v Unit
		var ok bool
		if u.Op == ast.UnitMul {
			v, ok = a.TryMul(b)
		} else {
			v, ok = a.TryDiv(b)
		}
		if !ok {
			l.Errorf(diag.UnitExponentNotRational, u.Rng, "unit exponent or scale out of range")
		}
		return v, ok
	case ast.UnitInv:
		b, okB := eval(u.R, l)
		if u.Num != 1 {
			l.Errorf(diag.UnitNumeratorNotOne, u.Rng, "the numerator of a unit type must be 1, not %d", u.Num)
			return Unit{}, false
		}
		if !okB {
			return Unit{}, false
		}
		v, ok := One().TryDiv(b)
		if !ok {
			l.Errorf(diag.UnitExponentNotRational, u.Rng, "unit exponent or scale out of range")
		}
		return v, ok
	case ast.UnitPow:
		a, okA := eval(u.L, l)
		den := u.ExpDen
		if den == 0 {
			den = 1
		}
		e, okE := makeRat(u.ExpNum, den)
		if !okE {
			l.Errorf(diag.UnitExponentNotRational, u.Rng, "unit exponent %s is out of range", expText(u))
			return Unit{}, false
		}
		if !okA {
			return Unit{}, false
		}
		v, ok := a.TryPow(e)
		if !ok {
			l.Errorf(diag.UnitExponentNotRational, u.Rng, "unit exponent %s is out of range", expText(u))
		}
		return v, ok
	}
	return Unit{}, false
}

func expText(u *ast.UnitExpr) string {
	if u.ExpText != "" {
		return u.ExpText
	}
	den := u.ExpDen
	if den == 0 {
		den = 1
	}
	if r, ok := makeRat(u.ExpNum, den); ok {
		return r.String()
	}
	return "?"
}
