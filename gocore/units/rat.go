package units

import (
	"math"
	"math/bits"
	"strconv"
)

// Rat is a small exact rational number num/den with int64 components, used
// for the exponents of dimension vectors.
//
// A Rat is always normalized: the denominator is positive and coprime to the
// numerator, and zero is 0/1. Normalization makes == an exact equality test,
// so Rat (and Dim, an array of Rat) can be compared with == and used as map
// keys. The zero value is the number 0.
//
// Arithmetic is exact. The methods Add, Sub, Mul, Div and Inv panic if a
// result does not fit in int64 components, which needs exponents beyond
// ±2^62 and only arises from absurd input; FromExpr and the Try methods of
// Unit check for it and report it instead.
type Rat struct {
	num int64
	dm1 int64 // denominator minus 1, so that the zero value is 0/1
}

// NewRat returns the normalized rational num/den. It panics if den is 0 or
// the normalized value is not representable (num or den == math.MinInt64
// with an odd partner).
func NewRat(num, den int64) Rat {
	r, ok := makeRat(num, den)
	if !ok {
		panic("units: invalid rational " + strconv.FormatInt(num, 10) + "/" + strconv.FormatInt(den, 10))
	}
	return r
}

// IntRat returns the integer n as a Rat.
func IntRat(n int64) Rat { return Rat{num: n} }

// makeRat normalizes num/den; ok is false for den == 0 or overflow.
func makeRat(num, den int64) (Rat, bool) {
	if den == 0 {
		return Rat{}, false
	}
	if num == 0 {
		return Rat{}, true
	}
	g := gcd(num, den)
	num /= g
	den /= g
	if den < 0 {
		if num == math.MinInt64 || den == math.MinInt64 {
			return Rat{}, false
		}
		num, den = -num, -den
	}
	return Rat{num: num, dm1: den - 1}, true
}

// gcd returns the positive greatest common divisor of a and b (not both 0).
// It works on magnitudes as uint64 so that math.MinInt64 is handled; a
// result of 2^63 (both arguments MinInt64) is returned as MinInt64 and
// callers divide by it safely (x / MinInt64 for x == MinInt64 is 1).
func gcd(a, b int64) int64 {
	x, y := absU(a), absU(b)
	for y != 0 {
		x, y = y, x%y
	}
	return int64(x)
}

func absU(a int64) uint64 {
	if a < 0 {
		return uint64(-(a + 1)) + 1
	}
	return uint64(a)
}

// Num returns the numerator of r (sign included).
func (r Rat) Num() int64 { return r.num }

// Den returns the (positive) denominator of r.
func (r Rat) Den() int64 { return r.dm1 + 1 }

// IsZero reports whether r == 0.
func (r Rat) IsZero() bool { return r.num == 0 }

// IsInt reports whether r is an integer.
func (r Rat) IsInt() bool { return r.dm1 == 0 }

// Sign returns -1, 0 or +1.
func (r Rat) Sign() int {
	switch {
	case r.num < 0:
		return -1
	case r.num > 0:
		return 1
	}
	return 0
}

// Float returns r as the nearest float64 (up to one rounding of each part).
func (r Rat) Float() float64 { return float64(r.num) / float64(r.Den()) }

// String formats r as "3", "-2" or "3/2".
func (r Rat) String() string {
	if r.IsInt() {
		return strconv.FormatInt(r.num, 10)
	}
	return strconv.FormatInt(r.num, 10) + "/" + strconv.FormatInt(r.Den(), 10)
}

// Neg returns -r. It panics for the unrepresentable -math.MinInt64.
func (r Rat) Neg() Rat {
	if r.num == math.MinInt64 {
		panic("units: rational overflow")
	}
	return Rat{num: -r.num, dm1: r.dm1}
}

// Add returns r + s.
func (r Rat) Add(s Rat) Rat { return must(r.add(s)) }

// Sub returns r - s.
func (r Rat) Sub(s Rat) Rat { return must(r.sub(s)) }

// Mul returns r * s.
func (r Rat) Mul(s Rat) Rat { return must(r.mul(s)) }

// Div returns r / s. It panics if s is zero.
func (r Rat) Div(s Rat) Rat {
	if s.IsZero() {
		panic("units: rational division by zero")
	}
	q, ok := s.inv()
	if !ok {
		panic("units: rational overflow")
	}
	return must(r.mul(q))
}

// Inv returns 1 / r. It panics if r is zero.
func (r Rat) Inv() Rat {
	if r.IsZero() {
		panic("units: rational division by zero")
	}
	return must(r.inv())
}

func must(r Rat, ok bool) Rat {
	if !ok {
		panic("units: rational overflow")
	}
	return r
}

// inv returns 1/r for r != 0; ok is false if num == math.MinInt64 (the
// inverse would need the denominator 2^63).
func (r Rat) inv() (Rat, bool) {
	if r.num == math.MinInt64 {
		return Rat{}, false
	}
	return makeRat(r.Den(), r.num)
}

// add returns r + s and whether the result is representable.
func (r Rat) add(s Rat) (Rat, bool) {
	if r.IsZero() {
		return s, true
	}
	if s.IsZero() {
		return r, true
	}
	rd, sd := r.Den(), s.Den()
	g := gcd(rd, sd)
	// r.num*(sd/g) + s.num*(rd/g)  over  rd*(sd/g)
	a, ok1 := mul64(r.num, sd/g)
	b, ok2 := mul64(s.num, rd/g)
	d, ok3 := mul64(rd, sd/g)
	if !(ok1 && ok2 && ok3) {
		return Rat{}, false
	}
	n, ok4 := add64(a, b)
	if !ok4 {
		return Rat{}, false
	}
	return makeRat(n, d)
}

func (r Rat) sub(s Rat) (Rat, bool) {
	if s.num == math.MinInt64 {
		return Rat{}, false
	}
	return r.add(Rat{num: -s.num, dm1: s.dm1})
}

// mul returns r * s and whether the result is representable.
func (r Rat) mul(s Rat) (Rat, bool) {
	if r.IsZero() || s.IsZero() {
		return Rat{}, true
	}
	// Cross-cancel first to keep the products small.
	g1 := gcd(r.num, s.Den())
	g2 := gcd(s.num, r.Den())
	n, ok1 := mul64(r.num/g1, s.num/g2)
	d, ok2 := mul64(r.Den()/g2, s.Den()/g1)
	if !ok1 || !ok2 {
		return Rat{}, false
	}
	return makeRat(n, d)
}

// mul64 returns a*b and whether it fits in int64.
func mul64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	neg := (a < 0) != (b < 0)
	hi, lo := bits.Mul64(absU(a), absU(b))
	if hi != 0 {
		return 0, false
	}
	if neg {
		if lo > 1<<63 {
			return 0, false
		}
		return int64(-lo), true // -lo wraps to the right two's-complement value
	}
	if lo > math.MaxInt64 {
		return 0, false
	}
	return int64(lo), true
}

// add64 returns a+b and whether it fits in int64.
func add64(a, b int64) (int64, bool) {
	c := a + b
	if (a > 0 && b > 0 && c < 0) || (a < 0 && b < 0 && c >= 0) {
		return 0, false
	}
	return c, true
}
