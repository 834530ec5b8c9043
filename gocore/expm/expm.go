package expm

import (
	"fmt"
	"math"
)

// Error codes, shared with the solver report and the C++ header.
const (
	// CodeNonFinite: a NaN or ±Inf entry in the input or the result,
	// typically a time constant of zero or ±Inf.
	CodeNonFinite = "PROPAGATOR_NONFINITE"
	// CodeRange: more than MaxSquarings squarings would be needed, i.e.
	// ‖M·h‖₁ > θ₁₃·2⁶⁴.
	CodeRange = "PROPAGATOR_RANGE"
)

// MaxSquarings is the largest number of squarings s that Expm accepts.
const MaxSquarings = 64

// Theta13 is θ₁₃ of Higham (2005): the largest 1-norm for which the [13/13]
// Padé approximant is accurate to unit roundoff in double precision.
const Theta13 = 5.371920351148152

// maxBalanceSweeps bounds the number of balancing sweeps.
const maxBalanceSweeps = 10

// balanceLimit bounds every diagonal entry of D to [1/balanceLimit, balanceLimit],
// so that D[i]/D[j] is always a finite power of two.
const balanceLimit = 0x1p300

// padeB holds the coefficients b₀…b₁₃ of the [13/13] Padé approximant.
var padeB = [14]float64{
	64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800,
	129060195264000, 10559470521600, 670442572800, 33522128640,
	1323241920, 40840800, 960960, 16380, 182, 1,
}

// Error is the error returned for data-dependent failures.
type Error struct {
	Code string // CodeNonFinite or CodeRange
	Msg  string
}

func (e *Error) Error() string { return e.Code + ": " + e.Msg }

// Is reports whether target is an *Error with the same code, so that
// errors.Is(err, &Error{Code: CodeRange}) works.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

func errorf(code, format string, args ...any) error {
	return &Error{Code: code, Msg: fmt.Sprintf(format, args...)}
}

func allFinite(x []float64) (int, bool) {
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return i, false
		}
	}
	return 0, true
}

// Expm returns exp(m) for the n×n matrix m stored row-major. m is not
// modified. It returns an *Error with CodeNonFinite if m or the result has
// a non-finite entry, and with CodeRange if more than MaxSquarings
// squarings would be needed. It panics if len(m) != n*n or n < 0.
func Expm(m []float64, n int) ([]float64, error) {
	if n < 0 || len(m) != n*n {
		panic(fmt.Sprintf("expm: len(m) = %d, want %d×%d", len(m), n, n))
	}
	if n == 0 {
		return []float64{}, nil
	}
	if i, ok := allFinite(m); !ok {
		return nil, errorf(CodeNonFinite, "input entry (%d,%d) is %v", i/n, i%n, m[i])
	}
	x := make([]float64, n*n)
	copy(x, m)
	d := balance(x, n)

	norm := norm1(x, n)
	s := squarings(norm)
	if s > MaxSquarings {
		return nil, errorf(CodeRange, "‖M‖₁ = %g after balancing needs more than %d squarings", norm, MaxSquarings)
	}
	if s > 0 {
		scale := math.Ldexp(1, -s)
		for i := range x {
			x[i] = float64(x[i] * scale)
		}
	}

	r, err := pade13(x, n)
	if err != nil {
		return nil, err
	}
	tmp := make([]float64, n*n)
	for k := 0; k < s; k++ {
		matmul(tmp, r, r, n)
		r, tmp = tmp, r
	}

	// Undo the balancing: E = D·R·D⁻¹.
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			ratio := d[i] / d[j]
			r[i*n+j] = float64(r[i*n+j] * ratio)
		}
	}
	if i, ok := allFinite(r); !ok {
		return nil, errorf(CodeNonFinite, "result entry (%d,%d) is %v", i/n, i%n, r[i])
	}
	return r, nil
}

// squarings returns the smallest s ≥ 0 with norm/2^s ≤ θ₁₃, that is
// max(0, ⌈log₂(norm/θ₁₃)⌉) without rounding, found by exact halving. It
// stops counting at MaxSquarings+1.
func squarings(norm float64) int {
	s := 0
	for norm > Theta13 && s <= MaxSquarings {
		norm = norm / 2
		s++
	}
	return s
}

// balance scales x in place to D⁻¹·x·D and returns the diagonal of D.
// Every operation is a multiplication or division by a power of two.
func balance(x []float64, n int) []float64 {
	d := make([]float64, n)
	for i := range d {
		d[i] = 1
	}
	for sweep := 0; sweep < maxBalanceSweeps; sweep++ {
		changed := false
		for i := 0; i < n; i++ {
			c, r := 0.0, 0.0
			for k := 0; k < n; k++ {
				if k != i {
					c = c + math.Abs(x[k*n+i])
					r = r + math.Abs(x[i*n+k])
				}
			}
			if c == 0 || r == 0 {
				continue
			}
			sum := c + r
			f := 1.0
			for float64(2*c) < r && float64(d[i]*f) < balanceLimit {
				c = float64(c * 2)
				r = r / 2
				f = float64(f * 2)
			}
			for float64(2*r) < c && float64(d[i]*f) > 1/balanceLimit {
				c = c / 2
				r = float64(r * 2)
				f = f / 2
			}
			if c+r >= float64(0.95*sum) {
				continue
			}
			d[i] = float64(d[i] * f)
			for k := 0; k < n; k++ {
				x[k*n+i] = float64(x[k*n+i] * f) // column i
			}
			for k := 0; k < n; k++ {
				x[i*n+k] = x[i*n+k] / f // row i
			}
			changed = true
		}
		if !changed {
			break
		}
	}
	return d
}

// norm1 returns the maximum absolute column sum of the n×n matrix x.
func norm1(x []float64, n int) float64 {
	best := 0.0
	for j := 0; j < n; j++ {
		s := 0.0
		for i := 0; i < n; i++ {
			s = s + math.Abs(x[i*n+j])
		}
		if s > best {
			best = s
		}
	}
	return best
}

// matmul sets dst = a·b for n×n matrices; dst must not alias a or b.
func matmul(dst, a, b []float64, n int) {
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			s := 0.0
			for k := 0; k < n; k++ {
				s = s + float64(a[i*n+k]*b[k*n+j])
			}
			dst[i*n+j] = s
		}
	}
}

// combine3 sets dst = ca·a + cb·b + cc·c, left to right.
func combine3(dst []float64, ca float64, a []float64, cb float64, b []float64, cc float64, c []float64) {
	for i := range dst {
		v := float64(ca * a[i])
		v = v + float64(cb*b[i])
		v = v + float64(cc*c[i])
		dst[i] = v
	}
}

// addCombine sets dst = w + ca·a + cb·b + cc·c + cd·I, left to right; the
// identity term touches the diagonal only.
func addCombine(dst, w []float64, ca float64, a []float64, cb float64, b []float64, cc float64, c []float64, cd float64, n int) {
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			e := i*n + j
			v := w[e] + float64(ca*a[e])
			v = v + float64(cb*b[e])
			v = v + float64(cc*c[e])
			if i == j {
				v = v + cd
			}
			dst[e] = v
		}
	}
}

// pade13 returns the [13/13] Padé approximant of exp(x) for ‖x‖₁ ≤ θ₁₃.
func pade13(x []float64, n int) ([]float64, error) {
	b := &padeB
	nn := n * n
	x2 := make([]float64, nn)
	x4 := make([]float64, nn)
	x6 := make([]float64, nn)
	t := make([]float64, nn)
	w := make([]float64, nn)
	u := make([]float64, nn)
	v := make([]float64, nn)

	matmul(x2, x, x, n)
	matmul(x4, x2, x2, n)
	matmul(x6, x4, x2, n)

	// U = X·( X6·(b13·X6 + b11·X4 + b9·X2) + b7·X6 + b5·X4 + b3·X2 + b1·I )
	combine3(t, b[13], x6, b[11], x4, b[9], x2)
	matmul(w, x6, t, n)
	addCombine(t, w, b[7], x6, b[5], x4, b[3], x2, b[1], n)
	matmul(u, x, t, n)

	// V = X6·(b12·X6 + b10·X4 + b8·X2) + b6·X6 + b4·X4 + b2·X2 + b0·I
	combine3(t, b[12], x6, b[10], x4, b[8], x2)
	matmul(w, x6, t, n)
	addCombine(v, w, b[6], x6, b[4], x4, b[2], x2, b[0], n)

	// Solve (V − U)·R = V + U; t holds V − U, w holds V + U.
	for i := 0; i < nn; i++ {
		t[i] = v[i] - u[i]
		w[i] = v[i] + u[i]
	}
	if err := luSolve(t, w, n); err != nil {
		return nil, err
	}
	return w, nil
}

// luSolve overwrites b (n×n, n right-hand sides as columns) with the
// solution of a·x = b, destroying a. The factorisation is Doolittle's
// (unit lower triangle) with partial pivoting on the first row holding the
// largest absolute value, computed by right-looking elimination.
func luSolve(a, b []float64, n int) error {
	for k := 0; k < n; k++ {
		p := k
		amax := math.Abs(a[k*n+k])
		for i := k + 1; i < n; i++ {
			if v := math.Abs(a[i*n+k]); v > amax {
				amax = v
				p = i
			}
		}
		if amax == 0 {
			return errorf(CodeNonFinite, "Padé denominator is singular (column %d)", k)
		}
		if p != k {
			for j := 0; j < n; j++ {
				a[k*n+j], a[p*n+j] = a[p*n+j], a[k*n+j]
				b[k*n+j], b[p*n+j] = b[p*n+j], b[k*n+j]
			}
		}
		piv := a[k*n+k]
		for i := k + 1; i < n; i++ {
			l := a[i*n+k] / piv
			a[i*n+k] = l
			for j := k + 1; j < n; j++ {
				a[i*n+j] = a[i*n+j] - float64(l*a[k*n+j])
			}
		}
	}
	for j := 0; j < n; j++ {
		// Forward substitution with the unit lower triangle, column by column.
		for k := 0; k < n; k++ {
			bk := b[k*n+j]
			for i := k + 1; i < n; i++ {
				b[i*n+j] = b[i*n+j] - float64(a[i*n+k]*bk)
			}
		}
		// Back substitution with the upper triangle, column by column.
		for k := n - 1; k >= 0; k-- {
			bk := b[k*n+j] / a[k*n+k]
			b[k*n+j] = bk
			for i := 0; i < k; i++ {
				b[i*n+j] = b[i*n+j] - float64(a[i*n+k]*bk)
			}
		}
	}
	return nil
}
