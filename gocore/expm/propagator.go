package expm

import (
	"fmt"
	"math"
)

// Propagator returns the one-step propagators of the block x' = A·x + C·u
// over a step h: P = exp(A·h) (n×n) and Q = Γ·C (n×m), Γ = ∫₀ʰ exp(A·σ) dσ,
// all row-major. a is n×n, c is n×m (m may be 0).
//
// For n = 1 the closed forms P = exp(a·h), Q = c·(expm1(a·h)/a) (Q = h·c if
// a = 0) are used. For n ≥ 2 the augmented matrix [[A, C], [0, 0]]·h is
// exponentiated with Expm, and then every source row r (the only nonzero
// entry of A's row r is the diagonal, possibly zero) is overwritten with its
// closed form: P[r,r] = exp(a·h), P[r,j≠r] = 0, Q[r,·] as for n = 1.
//
// The caller passes one connected block; Propagator does not split a
// reducible matrix. It returns an *Error with CodeNonFinite if an input or
// output is not finite and with CodeRange if ‖M·h‖₁ is out of range. It
// panics if the slice lengths do not match n and m.
func Propagator(a []float64, n int, c []float64, m int, h float64) (p []float64, q []float64, err error) {
	if n < 0 || m < 0 || len(a) != n*n || len(c) != n*m {
		panic(fmt.Sprintf("expm: Propagator with len(a) = %d, len(c) = %d, n = %d, m = %d", len(a), len(c), n, m))
	}
	if math.IsNaN(h) || math.IsInf(h, 0) {
		return nil, nil, errorf(CodeNonFinite, "step h = %v", h)
	}
	if i, ok := allFinite(a); !ok {
		return nil, nil, errorf(CodeNonFinite, "A entry (%d,%d) is %v", i/n, i%n, a[i])
	}
	if i, ok := allFinite(c); !ok {
		return nil, nil, errorf(CodeNonFinite, "C entry (%d,%d) is %v", i/m, i%m, c[i])
	}
	p = make([]float64, n*n)
	q = make([]float64, n*m)
	if n == 0 {
		return p, q, nil
	}
	if n == 1 {
		scalarRow(p, q, 0, 0, a[0], c, m, h)
		return p, q, checkResult(p, q, n, m)
	}

	// General block: E = exp([[A, C], [0, 0]]·h).
	N := n + m
	mh := make([]float64, N*N)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			mh[i*N+j] = float64(a[i*n+j] * h)
		}
		for j := 0; j < m; j++ {
			mh[i*N+n+j] = float64(c[i*m+j] * h)
		}
	}
	e, err := Expm(mh, N)
	if err != nil {
		return nil, nil, err
	}
	for i := 0; i < n; i++ {
		copy(p[i*n:(i+1)*n], e[i*N:i*N+n])
		copy(q[i*m:(i+1)*m], e[i*N+n:i*N+N])
	}

	// Source rows: closed form, bit-identical to the scalar case.
	for r := 0; r < n; r++ {
		if isSourceRow(a, n, r) {
			for j := 0; j < n; j++ {
				p[r*n+j] = 0
			}
			scalarRow(p, q, r, r*n+r, a[r*n+r], c, m, h)
		}
	}
	return p, q, checkResult(p, q, n, m)
}

// isSourceRow reports whether the only nonzero entry of row r of a is
// (at most) the diagonal.
func isSourceRow(a []float64, n, r int) bool {
	for j := 0; j < n; j++ {
		if j != r && a[r*n+j] != 0 {
			return false
		}
	}
	return true
}

// scalarRow writes the closed-form propagator of x_r' = ar·x_r + c[r,·]·u:
// p[pi] = exp(ar·h) and q[r,k] = c[r,k]·(expm1(ar·h)/ar), or h·c[r,k] if
// ar = 0.
func scalarRow(p, q []float64, r, pi int, ar float64, c []float64, m int, h float64) {
	ah := float64(ar * h)
	p[pi] = math.Exp(ah)
	if ar == 0 {
		for k := 0; k < m; k++ {
			q[r*m+k] = float64(h * c[r*m+k])
		}
		return
	}
	g := math.Expm1(ah) / ar
	for k := 0; k < m; k++ {
		q[r*m+k] = float64(c[r*m+k] * g)
	}
}

func checkResult(p, q []float64, n, m int) error {
	if i, ok := allFinite(p); !ok {
		return errorf(CodeNonFinite, "P entry (%d,%d) is %v", i/n, i%n, p[i])
	}
	if i, ok := allFinite(q); !ok {
		return errorf(CodeNonFinite, "Q entry (%d,%d) is %v", i/m, i%m, q[i])
	}
	return nil
}
