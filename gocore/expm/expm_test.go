package expm

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"testing"
)

// Tolerances (numerics.md §5.3.2, §9, §10).
const (
	tolGolden = 1e-13 // golden values of numerics.md §9
	tolClosed = 1e-12 // closed forms
)

// relErr returns |got−want|/|want|, or |got| if want is zero.
func relErr(got, want float64) float64 {
	if want == 0 {
		return math.Abs(got)
	}
	return math.Abs(got-want) / math.Abs(want)
}

// checkMatrix compares got with want entry by entry. A NaN in want marks an
// entry that is not checked.
func checkMatrix(t *testing.T, name string, got, want []float64, cols int, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: len = %d, want %d", name, len(got), len(want))
	}
	for i := range want {
		if math.IsNaN(want[i]) {
			continue
		}
		if e := relErr(got[i], want[i]); !(e <= tol) {
			t.Errorf("%s[%d,%d] = %.17g, want %.17g (rel err %.3g > %.0e)", name, i/cols, i%cols, got[i], want[i], e, tol)
		}
	}
}

// iafPscExpBlock returns the {I_syn_exc, I_syn_inh, V_m} block of
// iaf_psc_exp (numerics.md §9.1) with the input columns [b0 | I_stim].
func iafPscExpBlock(tauExc, tauInh, tauM, cM, eL, iE float64) (a []float64, c []float64) {
	a = []float64{
		-1 / tauExc, 0, 0,
		0, -1 / tauInh, 0,
		1 / cM, -1 / cM, -1 / tauM,
	}
	c = []float64{
		0, 0,
		0, 0,
		eL/tauM + iE/cM, 1 / cM,
	}
	return a, c
}

// iafPscAlphaBlock returns the {K, K__d, V_m} block of iaf_psc_alpha
// (numerics.md §9.2).
func iafPscAlphaBlock(tauS, tauM, cM float64) []float64 {
	return []float64{
		0, 1, 0,
		-1 / (tauS * tauS), -2 / tauS, 0,
		1 / cM, 0, -1 / tauM,
	}
}

// alpha4Block is a 4×4 block: an alpha kernel (K, K__d), V_m and an
// exponential inhibitory current, with input columns [b0 | I_stim].
func alpha4Block() (a []float64, c []float64) {
	const tauS, tauM, cM, tauI = 2.0, 10.0, 250.0, 5.0
	a = []float64{
		0, 1, 0, 0,
		-1 / (tauS * tauS), -2 / tauS, 0, 0,
		1 / cM, 0, -1 / tauM, -1 / cM,
		0, 0, 0, -1 / tauI,
	}
	c = []float64{
		0, 0,
		0, 0,
		-70.0 / tauM, 1 / cM,
		0, 0,
	}
	return a, c
}

func oscillatorKernelBlock() []float64 {
	const tauK = 5.0
	omega := 2 * math.Pi * 0.1
	return []float64{
		0, 1,
		-(1/(tauK*tauK) + omega*omega), -2 / tauK,
	}
}

var nan = math.NaN()

// TestPropagatorGolden checks the worked examples of numerics.md §9 (h = 0.1
// ms, 50-digit reference values).
func TestPropagatorGolden(t *testing.T) {
	aExp, cExp := iafPscExpBlock(2, 2, 10, 250, -70, 0)
	aEq, cEq := iafPscExpBlock(10, 10, 10, 250, -70, 0)
	a4, c4 := alpha4Block()
	tests := []struct {
		name  string
		a     []float64
		n     int
		c     []float64
		m     int
		wantP []float64
		wantQ []float64
	}{
		{
			name: "iaf_psc_exp", a: aExp, n: 3, c: cExp, m: 2,
			wantP: []float64{
				0.95122942450071401, 0, 0,
				0, 0.95122942450071401, 0,
				0.00038820409248454044, -0.00038820409248454044, 0.99004983374916805,
			},
			wantQ: []float64{
				0, 0,
				0, 0,
				-0.69651163755823625, 0.00039800665003327786,
			},
		},
		{
			name: "iaf_psc_exp/equal_tau", a: aEq, n: 3, c: cEq, m: 2,
			wantP: []float64{
				0.99004983374916805, 0, 0,
				0, 0.99004983374916805, 0,
				0.00039601993349966722, -0.00039601993349966722, 0.99004983374916805,
			},
			wantQ: []float64{nan, nan, nan, nan, nan, nan},
		},
		{
			name: "iaf_psc_alpha", a: iafPscAlphaBlock(2, 10, 250), n: 3,
			wantP: []float64{
				0.99879089572574971, 0.095122942450071401, 0,
				-0.02378073561251785, 0.90366795327567831, 0,
				0.000397844495839859, 1.9280806710637103e-5, 0.99004983374916805,
			},
			wantQ: []float64{},
		},
		{
			name: "iaf_psc_alpha/equal_tau", a: iafPscAlphaBlock(10, 10, 250), n: 3,
			wantP: []float64{
				0.99995033208665973, 0.099004983374916805, 0,
				-0.00099004983374916805, 0.98014933541167637, 0,
				0.00039800003316716556, 1.9800996674983361e-5, 0.99004983374916805,
			},
			wantQ: []float64{},
		},
		{
			// Reference computed with mpmath (50 digits) from the float64
			// entries of the block.
			name: "alpha4", a: a4, n: 4, c: c4, m: 2,
			wantP: []float64{
				0.99879089572574971, 0.095122942450071401, 0, 0,
				-0.02378073561251785, 0.90366795327567831, 0, 0,
				0.000397844495839859, 1.9280806710637103e-5, 0.99004983374916805, -0.00039404641769651006,
				0, 0, 0, 0.9801986733067553,
			},
			wantQ: []float64{
				0, 0,
				0, 0,
				-0.69651163755823625, 0.00039800665003327787,
				0, 0,
			},
		},
		{
			name: "oscillatory_kernel", a: oscillatorKernelBlock(), n: 2,
			wantP: []float64{
				0.99785555224458924, 0.097955385572580462,
				-0.042589451605205026, 0.95867339801555706,
			},
			wantQ: []float64{},
		},
		{
			name: "damped_oscillator", a: []float64{0, 1, -4, -0.2}, n: 2,
			wantP: []float64{
				0.98019871724646567, 0.098347912462727392,
				-0.39339164985090957, 0.96052913475392019,
			},
			wantQ: []float64{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, q, err := Propagator(tt.a, tt.n, tt.c, tt.m, 0.1)
			if err != nil {
				t.Fatal(err)
			}
			checkMatrix(t, "P", p, tt.wantP, tt.n, tolGolden)
			checkMatrix(t, "Q", q, tt.wantQ, tt.m, tolGolden)
		})
	}
}

// TestPropagatorSourceRowsExact checks that source rows inside a general
// block are the closed forms of numerics.md §5.3 step 6, bit for bit.
func TestPropagatorSourceRowsExact(t *testing.T) {
	a, c := iafPscExpBlock(2, 3, 10, 250, -70, 0)
	p, q, err := Propagator(a, 3, c, 2, 0.1)
	if err != nil {
		t.Fatal(err)
	}
	if want := math.Exp(-1.0 / 2 * 0.1); p[0] != want {
		t.Errorf("P[0,0] = %v, want exp(-h/τ_exc) = %v", p[0], want)
	}
	if want := math.Exp(-1.0 / 3 * 0.1); p[4] != want {
		t.Errorf("P[1,1] = %v, want exp(-h/τ_inh) = %v", p[4], want)
	}
	for _, i := range []int{1, 2, 3, 5} {
		if p[i] != 0 {
			t.Errorf("P[%d,%d] = %v, want 0", i/3, i%3, p[i])
		}
	}
	for i := 0; i < 4; i++ {
		if q[i] != 0 {
			t.Errorf("Q[%d,%d] = %v, want 0", i/2, i%2, q[i])
		}
	}
}

// TestPropagatorScalar checks the 1×1 closed forms of numerics.md §5.3
// step 2 and their equivalence with the fixed-point form (§5.4).
func TestPropagatorScalar(t *testing.T) {
	tests := []struct {
		a, h float64
		c    []float64
	}{
		{0, 0.1, []float64{-1}},           // refr_t' = -1: pure integrator
		{0, 0.1, []float64{2.5, -3, 0}},   // integrator with channels
		{-0.1, 0.1, []float64{-7, 0.004}}, // V_m-like scalar decay
		{-1 / 0.2, 0.1, []float64{1}},
		{0.05, 0.1, []float64{1}}, // growing mode
		{-1e-8, 0.1, []float64{3}},
		{-1e3, 0.01, []float64{3}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("a=%g,h=%g", tt.a, tt.h), func(t *testing.T) {
			m := len(tt.c)
			p, q, err := Propagator([]float64{tt.a}, 1, tt.c, m, tt.h)
			if err != nil {
				t.Fatal(err)
			}
			if want := math.Exp(tt.a * tt.h); p[0] != want {
				t.Errorf("P = %v, want %v", p[0], want)
			}
			for k, ck := range tt.c {
				if tt.a == 0 {
					if want := tt.h * ck; q[k] != want {
						t.Errorf("Q[%d] = %v, want h·c = %v (exact)", k, q[k], want)
					}
					continue
				}
				// Fixed-point form: (1 − P)·x*, x* = −c/a.
				want := (1 - math.Exp(tt.a*tt.h)) * (-ck / tt.a)
				tol := tolClosed
				if math.Abs(tt.a*tt.h) < 1e-3 {
					tol = 1e-7 // 1 − P cancels in the reference
				}
				if e := relErr(q[k], want); !(e <= tol) {
					t.Errorf("Q[%d] = %.17g, fixed-point form %.17g (rel err %.3g)", k, q[k], want, e)
				}
			}
		})
	}
	// The refractory timer: refr_t·1 + (−1)·h, as NESTML computes it.
	p, q, err := Propagator([]float64{0}, 1, []float64{-1}, 1, 0.1)
	if err != nil {
		t.Fatal(err)
	}
	if p[0] != 1 || q[0] != -0.1 {
		t.Errorf("integrator: P = %v, Q = %v, want 1, -0.1", p[0], q[0])
	}
}

// pVI returns P[V,I] of the 2×2 block [[−1/τs, 0], [1/C, −1/τm]] by a
// cancellation-free closed form: with u = 1/τm, v = 1/τs and d = v − u,
// P[V,I] = e^{−h(u+v)/2}·2·sinh(h·d/2)/(d·C), and h·e^{−h·u}/C if d = 0.
func pVI(tauS, tauM, cM, h float64) float64 {
	u, v := 1/tauM, 1/tauS
	d := (tauM - tauS) / (tauM * tauS) // tauM − tauS is exact for close values
	if d == 0 {
		return h * math.Exp(-h*u) / cM
	}
	return math.Exp(-h*(u+v)/2) * 2 * math.Sinh(h*d/2) / (d * cM)
}

// TestPropagatorEqualTimeConstants covers numerics.md §5.5: equal and
// nearly equal time constants are regular inputs.
func TestPropagatorEqualTimeConstants(t *testing.T) {
	const h, cM = 0.1, 250.0
	run := func(tauS, tauM float64) float64 {
		t.Helper()
		a := []float64{-1 / tauS, 0, 1 / cM, -1 / tauM}
		p, _, err := Propagator(a, 2, nil, 0, h)
		if err != nil {
			t.Fatal(err)
		}
		if math.IsNaN(p[2]) || math.IsInf(p[2], 0) {
			t.Fatalf("τs = %v, τm = %v: P[V,I] = %v", tauS, tauM, p[2])
		}
		return p[2]
	}
	// Exactly equal and 1e-9 apart: the singular limit h·e^{−h/τ}/C.
	for _, tauM := range []float64{10, 10 + 1e-9, 10 - 1e-9} {
		const tau = 10.0
		got := run(tau, tauM)
		want := h * math.Exp(-h/tau) / cM
		if e := relErr(got, want); !(e <= tolClosed) {
			t.Errorf("τs = %v, τm = %v: P[V,I] = %.17g, limit %.17g (rel err %.3g)", tau, tauM, got, want, e)
		}
	}
	// τs = τm·(1 ± 10^−k), k = 1..15, against the cancellation-free form.
	for _, tauM := range []float64{10, 2, 0.5} {
		for k := 1; k <= 15; k++ {
			for _, sign := range []float64{1, -1} {
				tauS := tauM * (1 + sign*math.Pow(10, -float64(k)))
				got := run(tauS, tauM)
				want := pVI(tauS, tauM, cM, h)
				if e := relErr(got, want); !(e <= tolClosed) {
					t.Errorf("τs = %.17g, τm = %v: P[V,I] = %.17g, want %.17g (rel err %.3g)", tauS, tauM, got, want, e)
				}
			}
		}
	}
}

// TestPropagatorTriangular2x2 checks lower-triangular 2×2 blocks against the
// expm1 divided difference P[1,0] = b·e^{dh}·expm1((a−d)h)/(a−d).
func TestPropagatorTriangular2x2(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 200; i++ {
		a := -math.Exp(rng.Float64()*8 - 4) // rates from 0.018 to 55 per ms
		d := -math.Exp(rng.Float64()*8 - 4)
		b := rng.NormFloat64()
		h := 0.1
		p, _, err := Propagator([]float64{a, 0, b, d}, 2, nil, 0, h)
		if err != nil {
			t.Fatal(err)
		}
		var dd float64
		if a == d {
			dd = h * math.Exp(d*h)
		} else {
			dd = math.Exp(d*h) * math.Expm1((a-d)*h) / (a - d)
		}
		want := []float64{math.Exp(a * h), 0, b * dd, math.Exp(d * h)}
		checkMatrix(t, fmt.Sprintf("a=%g,b=%g,d=%g", a, b, d), p, want, 2, tolClosed)
	}
}

// oscillatoryClosedForm returns exp(A·h) for a real 2×2 matrix A with
// eigenvalues α ± iβ, β > 0: e^{αh}·[cos(βh)·I + (sin(βh)/β)·(A − αI)].
func oscillatoryClosedForm(a []float64, h float64) []float64 {
	alpha := (a[0] + a[3]) / 2
	half := (a[0] - a[3]) / 2
	beta := math.Sqrt(-(half*half + a[1]*a[2]))
	e := math.Exp(alpha * h)
	co, si := math.Cos(beta*h), math.Sin(beta*h)/beta
	return []float64{
		e * (co + si*(a[0]-alpha)), e * si * a[1],
		e * si * a[2], e * (co + si*(a[3]-alpha)),
	}
}

// TestPropagatorOscillatory checks 2×2 blocks with complex eigenvalues
// against the closed form of numerics.md §5.6.
func TestPropagatorOscillatory(t *testing.T) {
	tests := []struct {
		name string
		a    []float64
		h    float64
	}{
		{"kernel_100Hz", oscillatorKernelBlock(), 0.1},
		{"damped", []float64{0, 1, -4, -0.2}, 0.1},
		{"undamped", []float64{0, 1, -4, 0}, 0.1},
		{"rotation", []float64{0, -1, 1, 0}, 0.5},
		{"growing", []float64{0.3, 2, -3, 0.1}, 0.1},
		{"fast", []float64{-1, 40, -40, -1}, 0.1}, // many squarings
		{"skewed", []float64{-0.5, 1e-3, -1e3, -0.3}, 0.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, err := Propagator(tt.a, 2, nil, 0, tt.h)
			if err != nil {
				t.Fatal(err)
			}
			checkMatrix(t, "P", p, oscillatoryClosedForm(tt.a, tt.h), 2, tolClosed)
		})
	}
}

func TestExpmZeroAndDiagonal(t *testing.T) {
	for n := 1; n <= 6; n++ {
		e, err := Expm(make([]float64, n*n), n)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				want := 0.0
				if i == j {
					want = 1
				}
				if e[i*n+j] != want {
					t.Errorf("n=%d: exp(0)[%d,%d] = %v, want %v", n, i, j, e[i*n+j], want)
				}
			}
		}
	}
	e, err := Expm(nil, 0)
	if err != nil || len(e) != 0 {
		t.Errorf("Expm(nil, 0) = %v, %v", e, err)
	}
	// Diagonal matrices, including ones that need scaling.
	diag := []float64{-0.05, 1, -7, 30, -100}
	n := len(diag)
	m := make([]float64, n*n)
	want := make([]float64, n*n)
	for i, v := range diag {
		m[i*n+i] = v
		want[i*n+i] = math.Exp(v)
	}
	e, err = Expm(m, n)
	if err != nil {
		t.Fatal(err)
	}
	checkMatrix(t, "exp(diag)", e, want, n, 1e-13)

	// Propagator with A = 0: every row is a source row.
	h := 0.1
	p, q, err := Propagator(make([]float64, 4), 2, []float64{1, 2, 3, 4}, 2, h)
	if err != nil {
		t.Fatal(err)
	}
	checkMatrix(t, "P", p, []float64{1, 0, 0, 1}, 2, 0)
	checkMatrix(t, "Q", q, []float64{h * 1, h * 2, h * 3, h * 4}, 2, 0)
}

// TestExpmInverse checks exp(X)·exp(−X) = I on random, badly scaled
// matrices.
func TestExpmInverse(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for trial := 0; trial < 50; trial++ {
		n := 2 + rng.Intn(6)
		x := make([]float64, n*n)
		neg := make([]float64, n*n)
		for i := range x {
			// entries spanning 1e-3 .. 1e1 in magnitude
			x[i] = rng.NormFloat64() * math.Pow(10, rng.Float64()*4-3)
			neg[i] = -x[i]
		}
		e1, err := Expm(x, n)
		if err != nil {
			t.Fatal(err)
		}
		e2, err := Expm(neg, n)
		if err != nil {
			t.Fatal(err)
		}
		prod := make([]float64, n*n)
		matmul(prod, e1, e2, n)
		scale := norm1(e1, n) * norm1(e2, n)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				want := 0.0
				if i == j {
					want = 1
				}
				if d := math.Abs(prod[i*n+j] - want); d > 1e-13*scale {
					t.Errorf("trial %d: (exp(X)·exp(−X))[%d,%d] off by %.3g (scale %.3g)", trial, i, j, d, scale)
				}
			}
		}
	}
}

// TestSquarings checks s = max(0, ⌈log₂(‖X‖₁/θ₁₃)⌉) at and around the
// boundaries θ₁₃·2^k.
func TestSquarings(t *testing.T) {
	tests := []struct {
		norm float64
		want int
	}{
		{0, 0}, {1, 0}, {Theta13, 0}, {math.Nextafter(Theta13, 10), 1},
		{2 * Theta13, 1}, {math.Nextafter(2*Theta13, 100), 2},
		{math.Ldexp(Theta13, 64), 64}, {math.Nextafter(math.Ldexp(Theta13, 64), math.Inf(1)), 65},
		{1e300, MaxSquarings + 1},
	}
	for _, tt := range tests {
		if got := squarings(tt.norm); got != tt.want {
			t.Errorf("squarings(%.17g) = %d, want %d", tt.norm, got, tt.want)
		}
	}
	rng := rand.New(rand.NewSource(3))
	for i := 0; i < 1000; i++ {
		norm := math.Exp(rng.Float64() * 40)
		want := int(math.Max(0, math.Ceil(math.Log2(norm/Theta13))))
		if got := squarings(norm); got != want {
			t.Errorf("squarings(%.17g) = %d, ⌈log₂⌉ gives %d", norm, got, want)
		}
	}
}

// TestExpmScalarBoundaries checks exp(x) of 1×1 matrices (never balanced)
// around the squaring boundaries.
func TestExpmScalarBoundaries(t *testing.T) {
	// 1×1 matrices are never rebalanced; exp(x) around the boundaries
	// x = θ₁₃·2^k must stay accurate whichever s is chosen.
	for _, x := range []float64{Theta13, -Theta13, math.Nextafter(Theta13, 10), 2 * Theta13, -700, 700} {
		e, err := Expm([]float64{x}, 1)
		if err != nil {
			t.Fatal(err)
		}
		if e := relErr(e[0], math.Exp(x)); !(e <= 1e-12) {
			t.Errorf("exp(%v): rel err %.3g", x, e)
		}
	}
}

func TestErrors(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name string
		a    []float64
		n    int
		c    []float64
		m    int
		h    float64
		code string
	}{
		{"NaN in A", []float64{-0.1, 0, nan, -0.2}, 2, nil, 0, 0.1, CodeNonFinite},
		{"Inf in A", []float64{-inf}, 1, nil, 0, 0.1, CodeNonFinite},
		{"tau zero", []float64{-1.0 / 0.5, 0, 1, math.Inf(-1)}, 2, []float64{0, 0}, 1, 0.1, CodeNonFinite},
		{"NaN in C", []float64{-0.1, 0, 1, -0.2}, 2, []float64{0, nan}, 1, 0.1, CodeNonFinite},
		{"Inf in C, scalar", []float64{-0.1}, 1, []float64{inf}, 1, 0.1, CodeNonFinite},
		{"NaN h", []float64{-0.1, 0, 1, -0.2}, 2, nil, 0, nan, CodeNonFinite},
		{"Inf h", []float64{-0.1}, 1, nil, 0, inf, CodeNonFinite},
		{"overflow scalar", []float64{1e3}, 1, nil, 0, 1, CodeNonFinite},
		{"range", []float64{-1e30, 1e30, 1e30, -1e30}, 2, nil, 0, 0.1, CodeRange},
		{"overflow general", []float64{800, 1, 1, 800}, 2, nil, 0, 1, CodeNonFinite},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Propagator(tt.a, tt.n, tt.c, tt.m, tt.h)
			if err == nil {
				t.Fatalf("no error, want %s", tt.code)
			}
			var e *Error
			if !errors.As(err, &e) || e.Code != tt.code {
				t.Fatalf("error %v, want code %s", err, tt.code)
			}
			if !errors.Is(err, &Error{Code: tt.code}) {
				t.Errorf("errors.Is(%v, %s) = false", err, tt.code)
			}
		})
	}
	if _, err := Expm([]float64{1, nan, 0, 1}, 2); err == nil {
		t.Error("Expm with NaN: no error")
	}
	if _, err := Expm([]float64{inf}, 1); err == nil {
		t.Error("Expm with Inf: no error")
	}
}

func TestPanicsOnBadLengths(t *testing.T) {
	for _, f := range []func(){
		func() { Expm([]float64{1, 2, 3}, 2) },
		func() { Propagator([]float64{1, 2, 3, 4}, 2, []float64{1}, 1, 0.1) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("no panic on inconsistent lengths")
				}
			}()
			f()
		}()
	}
}

func ExamplePropagator() {
	// iaf_psc_exp: x = [I_syn_exc, I_syn_inh, V_m], inputs [1 | I_stim].
	const tauSyn, tauM, cM, eL = 2.0, 10.0, 250.0, -70.0
	a := []float64{
		-1 / tauSyn, 0, 0,
		0, -1 / tauSyn, 0,
		1 / cM, -1 / cM, -1 / tauM,
	}
	c := []float64{
		0, 0,
		0, 0,
		eL / tauM, 1 / cM,
	}
	p, q, err := Propagator(a, 3, c, 2, 0.1)
	if err != nil {
		panic(err)
	}
	fmt.Printf("P_V,I_exc = %.10e\nP_V,V     = %.10f\nQ_V       = %.10f\nQ_V,I_stim = %.10e\n", p[6], p[8], q[4], q[5])
	// Output:
	// P_V,I_exc = 3.8820409248e-04
	// P_V,V     = 0.9900498337
	// Q_V       = -0.6965116376
	// Q_V,I_stim = 3.9800665003e-04
}
