package rkf45

import "math"

//go:generate go run gen_tables.go

// This file implements the one transcendental function of the step-size
// controller, pow(x, y) for y = 1/5 and y = 1/6, correctly rounded. GSL
// calls the C library's pow there; glibc's pow is not documented as
// correctly rounded (its bound is about 0.52 ulp), but it returns the
// correctly rounded value in all but a tiny fraction of cases, and in every
// call of the GSL conformance runs (testdata/). Go's math.Pow is off by an
// ulp far more often, which changes the suggested step size in its last bit
// and the trajectory after it.
//
// Method (Ziv's strategy). A fast path computes x^y = exp(y·ln x) in
// double-double arithmetic with a relative error below 2^-67 (by analysis;
// 2^-69.4 measured in the tests); if the result rounds the same way at both
// ends of the interval ±2^-64, that rounding is the correctly rounded
// result. Otherwise (about one call in 1500 for the controller's exponents)
// an accurate path with an error near 2^-100 decides.
//
//	ln x = k·ln 2 − ln(c_j) + ln(1 + r),  x = 2^k·m, m ∈ [1, 2), r = m·c_j − 1
//
// with c_j ≈ 1/(1 + (2j+1)/256) from a 128-entry table chosen by the top
// seven bits of m, so |r| ≤ 2^-8; ln(1 + r) is a Taylor polynomial (fast
// path) or 2·atanh(r/(2 + r)) (accurate path). Then
//
//	e^z = 2^q · 2^(j/128) · e^r,  z = (128q + j)·ln2/128 + r,  |r| ≤ ln2/256
//
// with 2^(j/128) from a 128-entry double-double table and e^r − 1 a Taylor
// polynomial. The tables come from gen_tables.go (math/big, 320 bits).
//
// All products are explicitly rounded (float64(·)); the error-free
// products of the double-double arithmetic use math.FMA, which is exact on
// every platform.

// powFastErr bounds the relative error of the fast path, with a margin of
// 2^3 over the analysis and 2^5 over the measured maximum.
const powFastErr = 0x1p-64

// Pow returns x^y correctly rounded to nearest for x ≥ 0 outside
// (0.5, 1.1), including +Inf, and 0 < y < 1 with a normal result (always
// true for y = 1/5 and 1/6). It is the pow of the step-size controller,
// exported so that a lane-parallel integrator can share it bit for bit.
// The domain is the controller's: it never computes pow for error ratios
// in [0.5, 1.1]. Near x = 1, where x^y is
// within 2^-100 of 1, some values lie too close to a rounding boundary for
// the accurate path to decide; elsewhere a misrounding needs the exact
// value within about 2^-98 (relative) of a boundary, which for a random
// argument has probability below 2^-44. Outside the domain the result is
// accurate but may be misrounded; x < 0 or NaN gives NaN.
func Pow(x, y float64) float64 {
	switch {
	case x == 0 || math.IsInf(x, 1) || x == 1:
		return x
	case !(x > 0):
		return math.NaN()
	}
	k, j, rh, rl := logReduce(x)
	lh, ll := logFast(k, j, rh, rl)
	zh, zl := twoProd(y, lh)
	zl += float64(y * ll)
	zh, zl = twoSum(zh, zl)
	hi, lo := expFast(zh, zl)
	e := float64(hi * powFastErr)
	if hi+(lo+e) == hi && hi+(lo-e) == hi {
		return hi
	}
	return powAccurate(k, j, rh, rl, y)
}

// powAccurate is the accurate path of Pow.
func powAccurate(k float64, j int, rh, rl, y float64) float64 {
	lh, ll := logAccurate(k, j, rh, rl)
	zh, zl := twoProd(y, lh)
	zl += float64(y * ll)
	zh, zl = twoSum(zh, zl)
	hi, lo := expAccurate(zh, zl)
	return hi + lo
}

// logReduce writes x > 0 (finite) as 2^k·m with m ∈ [1, 2), selects the
// table entry j from the top seven bits of m and returns r = m·invc[j] − 1
// exactly, as rh + rl.
func logReduce(x float64) (k float64, j int, rh, rl float64) {
	bits := math.Float64bits(x)
	bias := 1023
	if bits>>52 == 0 { // subnormal
		bits = math.Float64bits(x * 0x1p54)
		bias += 54
	}
	k = float64(int(bits>>52) - bias)
	j = int(bits>>45) & 127
	m := math.Float64frombits(bits&(1<<52-1) | 1023<<52)
	p, pe := twoProd(m, invc[j])
	rh, rl = twoSum(p-1, pe) // p − 1 is exact: p ∈ [1 − 2^-8, 1 + 2^-8]
	return k, j, rh, rl
}

// logFast returns ln x ≈ hi + lo with an absolute error below 2^-67, from
// the reduction of logReduce.
func logFast(k float64, j int, rh, rl float64) (hi, lo float64) {
	// ln(1 + r) ≈ r − r·rl + r²·(−1/2 + r/3 − r²/4 + … + r⁷/9); |r| ≤ 2^-8.
	q := float64(rh * rh)
	p := float64(rh * (1.0/8 - float64(rh*(1.0/9))))
	p = float64(rh * (1.0/6 - float64(rh*(1.0/7-p))))
	p = float64(rh * (1.0/4 - float64(rh*(1.0/5-p))))
	p = float64(rh * (1.0/3 - p))
	t := float64(q*(p-0.5)) + (rl - float64(rl*rh))

	ah, al := twoProd(k, ln2Hi)
	al += float64(k * ln2Lo)
	sh, sl := twoSum(ah, logc[j][0])
	sl += al + logc[j][1]
	hi, lo = twoSum(sh, rh)
	lo += sl + t
	return twoSum(hi, lo)
}

// logAccurate returns ln x ≈ hi + lo with an absolute error of about
// 2^-104·max(1, |ln x|), from the reduction of logReduce.
func logAccurate(k float64, j int, rh, rl float64) (hi, lo float64) {
	// ln(1 + r) = 2·atanh(s) = 2·(s + s³/3 + s⁵/5 + … + s¹¹/11), s = r/(2 + r), |s| ≤ 2^-9.
	dh, dl := twoSum(2, rh)
	dl += rl
	sh, sl := ddDiv(rh, rl, dh, dl)
	uh, ul := ddMul(sh, sl, sh, sl)
	pd := 1.0/5 + float64(uh*(1.0/7+float64(uh*(1.0/9+float64(uh*(1.0/11))))))
	ph, pl := twoProd(uh, pd)
	pl += float64(ul * pd)
	ph, pl = ddAdd(thirdHi, thirdLo, ph, pl) // 1/3 + u·pd
	ph, pl = ddMul(ph, pl, uh, ul)
	ph, pl = ddMul(ph, pl, sh, sl) // s·u·(1/3 + …)
	lh, ll := ddAdd(sh, sl, ph, pl)
	lh, ll = 2*lh, 2*ll

	ah, al := twoProd(k, ln2Hi)
	bh, bl := twoProd(k, ln2Lo)
	bl += float64(k * ln2LoLo)
	ah, al = ddAdd(ah, al, bh, bl)
	ah, al = ddAdd(ah, al, logc[j][0], logc[j][1])
	return ddAdd(ah, al, lh, ll)
}

// expReduce writes z = zh + zl (|z| < 708) as (128q + j)·ln2/128 + r and
// returns 2^q, j and r = rh + rl with |r| ≤ ln2/256 + 2^-40 and an absolute
// error below 2^-100.
func expReduce(zh, zl float64) (scale float64, j int, rh, rl float64) {
	kd := math.RoundToEven(float64(zh * invLn2N))
	ki := int(kd)
	j = ki & 127
	scale = math.Float64frombits(uint64(ki>>7+1023) << 52)
	rh, rl = twoSum(zh, -float64(kd*ln2N1)) // kd·ln2N1 is exact
	ph, pl := twoProd(kd, ln2N2)
	rh, e := twoSum(rh, -ph)
	rl += e - pl - float64(kd*ln2N3) + zl
	rh, rl = twoSum(rh, rl)
	return scale, j, rh, rl
}

// expFast returns e^z ≈ hi + lo with a relative error below 2^-67.
func expFast(zh, zl float64) (hi, lo float64) {
	scale, j, rh, rl := expReduce(zh, zl)
	// e^r − 1 ≈ r + rl·r + r²·(1/2 + r/6 + r²/24 + r³/120 + r⁴/720 + r⁵/5040)
	q := float64(rh * rh)
	p := 1.0/120 + float64(rh*(1.0/720+float64(rh*(1.0/5040))))
	p = 0.5 + float64(rh*(1.0/6+float64(rh*(1.0/24+float64(rh*p)))))
	s := float64(q*p) + (rl + float64(rl*rh))
	th, tl := exp2[j][0], exp2[j][1]
	ph, pl := twoProd(th, rh)
	hi, lo = fastTwoSum(th, ph) // th ≥ 1 > |ph|
	lo += pl + float64(th*s) + (tl + float64(tl*rh))
	hi, lo = fastTwoSum(hi, lo)
	return float64(hi * scale), float64(lo * scale)
}

// expAccurate returns e^z ≈ hi + lo with a relative error near 2^-104.
func expAccurate(zh, zl float64) (hi, lo float64) {
	scale, j, rh, rl := expReduce(zh, zl)
	// e^r − 1 = r·(1 + r/2! + r²/3! + … + r¹⁰/11!) by Horner's rule.
	ph, pl := invFact[11][0], invFact[11][1]
	for n := 10; n >= 1; n-- {
		ph, pl = ddMul(ph, pl, rh, rl)
		ph, pl = ddAdd(invFact[n][0], invFact[n][1], ph, pl)
	}
	ph, pl = ddMul(ph, pl, rh, rl)
	th, tl := exp2[j][0], exp2[j][1]
	ph, pl = ddMul(th, tl, ph, pl)
	hi, lo = ddAdd(th, tl, ph, pl)
	return float64(hi * scale), float64(lo * scale)
}

// Double-double arithmetic (Dekker 1971, Knuth TAOCP vol. 2 §4.2.2).

// twoSum returns s = fl(a + b) and e with s + e = a + b exactly.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return s, e
}

// fastTwoSum is twoSum for |a| ≥ |b| (or a = 0).
func fastTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return s, e
}

// twoProd returns p = fl(a·b) and e with p + e = a·b exactly.
func twoProd(a, b float64) (p, e float64) {
	p = float64(a * b)
	return p, math.FMA(a, b, -p)
}

func ddAdd(ah, al, bh, bl float64) (float64, float64) {
	s, e := twoSum(ah, bh)
	t, f := twoSum(al, bl)
	e += t
	s, e = fastTwoSum(s, e)
	e += f
	return fastTwoSum(s, e)
}

func ddMul(ah, al, bh, bl float64) (float64, float64) {
	p, e := twoProd(ah, bh)
	e += float64(ah*bl) + float64(al*bh)
	return fastTwoSum(p, e)
}

func ddDiv(ah, al, bh, bl float64) (float64, float64) {
	q1 := ah / bh
	ph, pl := ddMul(q1, 0, bh, bl)
	rh, rl := ddAdd(ah, al, -ph, -pl)
	q2 := (rh + rl) / bh
	return fastTwoSum(q1, q2)
}
