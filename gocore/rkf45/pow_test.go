package rkf45

import (
	"math"
	"math/big"
	"math/rand"
	"testing"
)

// A reference x^y in 320-bit binary floating point, from series that need
// no other constants (the same method as gen_tables.go, written again here
// so that the tables are checked against an independent evaluation).

const refPrec = 320

func rf(x float64) *big.Float { return new(big.Float).SetPrec(refPrec).SetFloat64(x) }

// refAtanh2 returns 2·atanh(s) for |s| ≤ 1/3.
func refAtanh2(s *big.Float) *big.Float {
	sum := rf(0)
	s2 := rf(0).Mul(s, s)
	pw := rf(0).Set(s)
	eps := rf(0).SetMantExp(rf(1), -refPrec-8)
	for k := 1; ; k += 2 {
		term := rf(0).Quo(pw, rf(float64(k)))
		sum.Add(sum, term)
		if term.Abs(term).Cmp(eps) < 0 {
			return sum.Mul(sum, rf(2))
		}
		pw.Mul(pw, s2)
	}
}

var refLn2 = refAtanh2(rf(0).Quo(rf(1), rf(3)))

// refLog returns ln x for finite x > 0.
func refLog(x float64) *big.Float {
	m := rf(x)
	e := m.MantExp(m) // x = m·2^e, m ∈ [0.5, 1)
	num := rf(0).Sub(m, rf(1))
	den := rf(0).Add(m, rf(1))
	l := refAtanh2(num.Quo(num, den))
	return l.Add(l, rf(0).Mul(refLn2, rf(float64(e))))
}

// refExp returns e^z.
func refExp(z *big.Float) *big.Float {
	kf, _ := rf(0).Quo(z, refLn2).Float64()
	k := math.RoundToEven(kf)
	r := rf(0).Sub(z, rf(0).Mul(refLn2, rf(k)))
	sum, term := rf(1), rf(1)
	eps := rf(0).SetMantExp(rf(1), -refPrec-8)
	for n := 1; ; n++ {
		term.Mul(term, r)
		term.Quo(term, rf(float64(n)))
		sum.Add(sum, term)
		if rf(0).Abs(term).Cmp(eps) < 0 {
			break
		}
	}
	return sum.SetMantExp(sum, int(k))
}

func refPow(x, y float64) *big.Float {
	if x == 0 {
		return rf(0)
	}
	l := refLog(x)
	return refExp(l.Mul(l, rf(y)))
}

// relErr returns |(hi + lo) − want| / want as a float64.
func relErr(hi, lo float64, want *big.Float) float64 {
	d := rf(hi)
	d.Add(d, rf(lo))
	d.Sub(d, want)
	d.Quo(d, want)
	e, _ := d.Float64()
	return math.Abs(e)
}

// powSamples returns x values spanning the controller's domain, x ≥ 0
// outside (0.5, 1.1): log-uniform over all doubles, and clustered next to
// the thresholds 0.5 and 1.1 and in the range of typical error ratios.
func powSamples(n int) []float64 {
	rng := rand.New(rand.NewSource(45))
	xs := []float64{0, 1, 0x1p-1022, math.SmallestNonzeroFloat64, 0x1p-1050, 0.5, 1.1, 2, 1e-300, 1e300, math.MaxFloat64,
		math.Nextafter(0.5, 0), math.Nextafter(1.1, 2)}
	for len(xs) < n {
		var x float64
		switch rng.Intn(4) {
		case 0, 1:
			x = math.Ldexp(1+rng.Float64(), rng.Intn(2045)-1022)
		case 2:
			x = math.Ldexp(1+rng.Float64(), rng.Intn(40)-30)
		default:
			x = 0.5 * (1 - rng.Float64()*math.Ldexp(1, -rng.Intn(50)))
			if rng.Intn(2) == 0 {
				x = 1.1 + rng.Float64()*math.Ldexp(1, -rng.Intn(50))
			}
		}
		if x <= 0.5 || x >= 1.1 {
			xs = append(xs, x)
		}
	}
	return xs
}

// TestPowCorrectlyRounded checks pow against the correctly rounded
// reference for the controller's exponents 1/5 and 1/6 and for random
// exponents in (0, 1).
func TestPowCorrectlyRounded(t *testing.T) {
	n := 1500
	if testing.Short() {
		n = 200
	}
	rng := rand.New(rand.NewSource(1))
	var accurate int
	for i, x := range powSamples(n) {
		ys := []float64{1.0 / 5, 1.0 / 6}
		if i%4 == 0 {
			ys = append(ys, rng.Float64())
		}
		for _, y := range ys {
			want, _ := refPow(x, y).Float64()
			if got := Pow(x, y); got != want {
				t.Errorf("Pow(%x, %x) = %x, want %x", x, y, got, want)
			}
			if x > 0 && x != 1 {
				k, j, rh, rl := logReduce(x)
				if got := powAccurate(k, j, rh, rl, y); got != want {
					t.Errorf("powAccurate(%x, %x) = %x, want %x", x, y, got, want)
				}
				lh, ll := logFast(k, j, rh, rl)
				zh, zl := twoProd(y, lh)
				zh, zl = twoSum(zh, zl+float64(y*ll))
				hi, lo := expFast(zh, zl)
				if e := float64(hi * powFastErr); hi+(lo+e) != hi || hi+(lo-e) != hi {
					accurate++
				}
			}
		}
	}
	t.Logf("accurate path taken in %d cases", accurate)
}

// TestPowFastErrorBound measures the relative error of the fast path and
// requires a margin of 2^3 below powFastErr.
func TestPowFastErrorBound(t *testing.T) {
	n := 1500
	if testing.Short() {
		n = 200
	}
	var worstLog, worstExp, worstPow float64
	for _, x := range powSamples(n) {
		if x == 0 || x == 1 {
			continue
		}
		k, j, rh, rl := logReduce(x)
		lh, ll := logFast(k, j, rh, rl)
		ref := refLog(x)
		d := rf(lh)
		d.Add(d, rf(ll)).Sub(d, ref)
		e, _ := d.Float64()
		worstLog = math.Max(worstLog, math.Abs(e))
		for _, y := range []float64{1.0 / 5, 1.0 / 6} {
			zh, zl := twoProd(y, lh)
			zh, zl = twoSum(zh, zl+float64(y*ll))
			hi, lo := expFast(zh, zl)
			z := rf(zh)
			z.Add(z, rf(zl))
			worstExp = math.Max(worstExp, relErr(hi, lo, refExp(z)))
			worstPow = math.Max(worstPow, relErr(hi, lo, refPow(x, y)))
		}
	}
	t.Logf("fast path: |ln error| ≤ 2^%.1f, exp relative error ≤ 2^%.1f, pow relative error ≤ 2^%.1f",
		math.Log2(worstLog), math.Log2(worstExp), math.Log2(worstPow))
	if worstPow > powFastErr/8 {
		t.Errorf("fast path relative error 2^%.1f exceeds powFastErr/8 = 2^%.0f", math.Log2(worstPow), math.Log2(powFastErr/8))
	}
}

// TestCrExp checks the correctly rounded exp of the R2 test system
// against the reference.
func TestCrExp(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	xs := []float64{0, -0x1.b95336fa56c2cp+2, -0x1.7ea93bdbap-5, 0x1.61e6638323d71p+4} // arguments where glibc's exp misrounds
	for len(xs) < 1000 {
		xs = append(xs, (rng.Float64()-0.6)*60)
	}
	for _, x := range xs {
		want, _ := refExp(rf(x)).Float64()
		if got := crExp(x); got != want {
			t.Errorf("crExp(%x) = %x, want %x", x, got, want)
		}
	}
}
