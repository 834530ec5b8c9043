package units

import "math"

// Unit is a physical unit type: a dimension vector and a scale, the value of
// the unit in coherent SI units of that dimension (mV has scale 1e-3, ms/s
// has the zero Dim and scale 1e-3, pct the zero Dim and scale 1e-2).
//
// Units are values; compare them with Equal (identical units, §7.2) or
// Compatible (same dimension), not with ==, because scales are floating
// point. The zero value (scale 0) is not a valid unit: FromExpr returns it
// when a unit type expression has errors, and IsValid reports it.
type Unit struct {
	Dim   Dim
	Scale float64
}

// relTol is the relative tolerance of scale comparisons: two scales within
// relTol of each other denote the same unit.
const relTol = 1e-12

// One returns the unit of a pure number: zero dimension, scale 1. It is
// the type real (IsReal).
func One() Unit { return Unit{Scale: 1} }

// Dimensionless returns the dimensionless unit with the given scale
// (pct is Dimensionless(0.01)). It panics unless scale is positive and
// finite.
func Dimensionless(scale float64) Unit {
	if !validScale(scale) {
		panic("units: invalid scale")
	}
	return Unit{Scale: snap(scale)}
}

// IsValid reports whether u is a usable unit (positive finite scale).
func (u Unit) IsValid() bool { return validScale(u.Scale) }

func validScale(s float64) bool { return s > 0 && !math.IsInf(s, 1) }

// Mul returns the product unit u·v: dimensions add, scales multiply.
func (u Unit) Mul(v Unit) Unit { return mustUnit(u.TryMul(v)) }

// Div returns the quotient unit u/v: dimensions subtract, scales divide.
// Identical factors cancel exactly (ms/ms has the zero Dim and scale 1).
func (u Unit) Div(v Unit) Unit { return mustUnit(u.TryDiv(v)) }

// Inv returns 1/u.
func (u Unit) Inv() Unit { return One().Div(u) }

// Pow returns u**e: the dimension is multiplied by e and the scale raised to
// e. Fractional exponents give fractional dimensions (ns**(1/2)).
func (u Unit) Pow(e Rat) Unit { return mustUnit(u.TryPow(e)) }

// TryMul is Mul that reports failure (ok == false) instead of panicking when
// a dimension exponent overflows int64 rationals or the scale leaves the
// float64 range. Mul, Div and Pow panic in those cases, which only absurd
// exponents (beyond ±2^62, or scales beyond 1e±308) can cause.
func (u Unit) TryMul(v Unit) (Unit, bool) {
	d, ok := u.Dim.add(v.Dim)
	if !ok {
		return Unit{}, false
	}
	return mkUnit(d, u.Scale*v.Scale)
}

// TryDiv is Div with failure reported as for TryMul.
func (u Unit) TryDiv(v Unit) (Unit, bool) {
	d, ok := u.Dim.sub(v.Dim)
	if !ok {
		return Unit{}, false
	}
	return mkUnit(d, u.Scale/v.Scale)
}

// TryPow is Pow with failure reported as for TryMul.
func (u Unit) TryPow(e Rat) (Unit, bool) {
	d, ok := u.Dim.scale(e)
	if !ok {
		return Unit{}, false
	}
	return mkUnit(d, powScale(u.Scale, e))
}

// powScale returns s**e, exactly for powers of ten with integer results.
func powScale(s float64, e Rat) float64 {
	switch {
	case e.IsZero():
		return 1
	case e == IntRat(1), s <= 0:
		return s
	}
	if k := math.Round(math.Log10(s)); near(s, math.Pow10(int(k))) {
		// s is a power of ten: compute the exponent of the result exactly.
		if p, ok := IntRat(int64(k)).mul(e); ok && p.IsInt() && p.num > -400 && p.num < 400 {
			return math.Pow10(int(p.num))
		}
	}
	return math.Pow(s, e.Float())
}

func mkUnit(d Dim, scale float64) (Unit, bool) {
	if !validScale(scale) {
		return Unit{}, false
	}
	return Unit{Dim: d, Scale: snap(scale)}, true
}

func mustUnit(u Unit, ok bool) Unit {
	if !ok {
		panic("units: unit exponent or scale out of range")
	}
	return u
}

// snap rounds a scale that lies within relTol of a power of ten to that
// power of ten, so that products such as pA·GOhm come out as exactly the
// scale of mV and conversion factors are exact powers of ten.
func snap(s float64) float64 {
	if s <= 0 || math.IsInf(s, 0) || math.IsNaN(s) {
		return s
	}
	k := math.Round(math.Log10(s))
	if k < -323 || k > 308 {
		return s
	}
	if p := math.Pow10(int(k)); near(s, p) {
		return p
	}
	return s
}

// near reports whether a and b agree to relTol.
func near(a, b float64) bool {
	return math.Abs(a-b) <= relTol*math.Max(math.Abs(a), math.Abs(b))
}

// Equal reports whether u and v are identical (§7.2): the same dimension
// and the same scale up to a relative 1e-12. mV/ms and pA/pF are identical.
func (u Unit) Equal(v Unit) bool { return u.Dim == v.Dim && near(u.Scale, v.Scale) }

// Compatible reports whether u and v have the same dimension (mV and V;
// ms and s), so that a value in one can be converted into the other.
func (u Unit) Compatible(v Unit) bool { return u.Dim == v.Dim }

// IsDimensionless reports whether u has the zero dimension (ms/s, pct, and
// also the type real itself).
func (u Unit) IsDimensionless() bool { return u.Dim.IsZero() }

// IsReal reports whether u is the type real: dimensionless with scale 1
// (within 1e-12). ms/ms, (1/s)*s and mV/mV are real; ms/s is not.
func (u Unit) IsReal() bool { return u.Dim.IsZero() && near(u.Scale, 1) }

// ConversionFactor returns the factor f that converts a magnitude in unit
// from into a magnitude in the compatible unit to: f = scale(from) /
// scale(to) (language.md §7.7). 1 V into mV is 1000. The result is
// meaningful only when the units are compatible.
func ConversionFactor(from, to Unit) float64 { return snap(from.Scale / to.Scale) }

// internalExp10 is, per base dimension, the power of ten of the internal
// unit in SI (language.md §7.2, "Internal units"): time in ms (1e-3 s),
// current in pA (1e-12 A), mass in 1e-24 kg; length, temperature, amount,
// luminous intensity, angle and the own dimensions in their coherent unit.
var internalExp10 = [NumDims]int64{Time: -3, Current: -12, Mass: -24}

// InternalScale returns the scale (in SI) of the internal unit of u's
// dimension. For voltage it is 1e-3 (mV), for capacitance 1e-12 (pF), for
// conductance 1e-9 (nS), for resistance 1e9 (GOhm), for frequency 1e3
// (1/ms), for a dimensionless unit 1.
func (u Unit) InternalScale() float64 { return InternalScaleOf(u.Dim) }

// InternalScaleOf returns the scale (in SI) of the internal unit of d.
func InternalScaleOf(d Dim) float64 {
	// exponent of ten = Σ internalExp10[i] * d[i], exact as a rational.
	var e Rat
	for i, x := range d {
		if x.IsZero() || internalExp10[i] == 0 {
			continue
		}
		p, ok := IntRat(internalExp10[i]).mul(x)
		if ok {
			e, ok = e.add(p)
		}
		if !ok {
			return math.Pow(10, d.internalExpFloat())
		}
	}
	if e.IsInt() && e.num > -324 && e.num < 309 {
		return math.Pow10(int(e.num))
	}
	return math.Pow(10, e.Float())
}

func (d Dim) internalExpFloat() float64 {
	var f float64
	for i, x := range d {
		f += float64(internalExp10[i]) * x.Float()
	}
	return f
}

// ToInternal returns the factor that converts a magnitude in u into the
// internal unit of u's dimension: u.Scale / InternalScale. mV → 1, V → 1000,
// s → 1000, nS → 1, MOhm → 0.001, Hz → 0.001 (internally 1/ms),
// ms/s → 0.001 (dimensionless: internal unit 1).
func (u Unit) ToInternal() float64 { return snap(u.Scale / u.InternalScale()) }
