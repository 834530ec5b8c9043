package rkf45

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// The conformance systems of numerics.md §6.10, evaluated in exactly the
// stated operation order (the C harness in testdata/ writes the same
// expressions). Products are wrapped in float64(·) so that no fused
// multiply-add can form.

// vanDerPol is R1: y0' = y1, y1' = 10·(1 − y0·y0)·y1 − y0.
func vanDerPol(_ float64, y, dydt []float64) {
	dydt[0] = y[1]
	dydt[1] = float64(float64(10*(1-float64(y[0]*y[0])))*y[1]) - y[0]
}

// aeifLike is R2, state (V, w, g):
//
//	Vb = min(V, 0)
//	V' = ((−30)·(Vb + 70.6) + 30·2·exp((Vb + 50.4)/2) − g·(Vb − 0) − w + 1000) / 281
//	w' = (4·(Vb + 70.6) − w) / 144
//	g' = −g / 0.2
//
// with a correctly rounded exp (testdata/crexp.h explains why).
func aeifLike(_ float64, y, dydt []float64) {
	V, w, g := y[0], y[1], y[2]
	Vb := 0.0
	if V < 0 {
		Vb = V
	}
	dydt[0] = (float64((-30.0)*(Vb-(-70.6))) + float64(30.0*2.0*crExp((Vb-(-50.4))/2.0)) - float64(g*(Vb-0.0)) - w + 1000.0) / 281.0
	dydt[1] = (float64(4.0*(Vb-(-70.6))) - w) / 144.0
	dydt[2] = -g / 0.2
}

// crExp returns e^x correctly rounded for |x| < 708, with the machinery of
// pow.go.
func crExp(x float64) float64 {
	hi, lo := expFast(x, 0)
	if e := float64(hi * powFastErr); hi+(lo+e) == hi && hi+(lo-e) == hi {
		return hi
	}
	hi, lo = expAccurate(x, 0)
	return hi + lo
}

// The protocol of both vectors: resolution 0.1, step memory 0.1 initially.
const resolution = 0.1

// conformanceRun describes one vector and controller.
type conformanceRun struct {
	name string // golden file name without extension
	vec  string // "r1" or "r2"
	ctrl Control
}

var conformanceRuns = []conformanceRun{
	{"r1_y", "r1", ControlY(1e-6, 1e-6)},
	{"r1_yp", "r1", ControlYP(1e-6, 1e-6)},
	{"r2_y", "r2", ControlY(1e-6, 1e-6)},
	{"r2_yp", "r2", ControlYP(1e-6, 1e-6)},
}

// trajectory integrates run r for nsteps steps and returns the lines the
// GSL harness prints: per accepted sub-step
//
//	step t h_int y[0] … y[n−1] count failed
//
// with %.17g reals; for R2 after the in-loop reset (V ≥ 0: V = −60,
// w += 80.5) and with g += 20 after step 51.
func trajectory(tb testing.TB, r conformanceRun, nsteps int) string {
	f, y := Func(vanDerPol), []float64{2, 0}
	if r.vec == "r2" {
		f, y = aeifLike, []float64{-70.6, 0, 0}
	}
	ws := NewWorkspace(len(y))
	hint := resolution
	var b strings.Builder
	for step := 1; step <= nsteps; step++ {
		err := ws.Step(f, r.ctrl, resolution, &hint, y, 0, func(t float64, y []float64) {
			if r.vec == "r2" && y[0] >= 0 {
				y[0] = -60
				y[1] += 80.5
			}
			fmt.Fprintf(&b, "%d %.17g %.17g", step, t, hint)
			for _, v := range y {
				fmt.Fprintf(&b, " %.17g", v)
			}
			fmt.Fprintf(&b, " %d %d\n", ws.Count, ws.Failed)
		})
		if err != nil {
			tb.Fatalf("%s: step %d: %v", r.name, step, err)
		}
		if r.vec == "r2" && step == 51 {
			y[2] += 20
		}
	}
	return b.String()
}

// TestR1Table checks vector R1 against the table of numerics.md §6.10,
// exactly.
func TestR1Table(t *testing.T) {
	type row struct {
		step            int
		y0, y1, hint    float64
		trials, rejects uint64
	}
	tables := map[string][]row{
		"y": {
			{1, 1.9954414760725654, -0.063478005276689758, 0.013437330110747034, 10, 2},
			{10, 1.9338529028499343, -0.070423357467685188, 0.11127365269629418, 28, 2},
			{100, -1.9712074848365684, 0.068173145715318448, 0.10827622821016113, 179, 10},
			{200, 1.939360052370716, -0.070081252243305803, 0.11132915263846797, 339, 19},
		},
		"yp": {
			{1, 1.9954414756679952, -0.063477993212503997, 0.015778264904279828, 10, 2},
			{10, 1.9338529028489218, -0.070423357468905212, 0.11002693658590029, 28, 2},
			{100, -1.9712070040261946, 0.06817318162697221, 0.10665154586341448, 194, 13},
			{200, 1.9393586395122773, -0.070081339536772078, 0.11008734682881745, 362, 23},
		},
	}
	for name, rows := range tables {
		c := ControlY(1e-6, 1e-6)
		if name == "yp" {
			c = ControlYP(1e-6, 1e-6)
		}
		ws := NewWorkspace(2)
		y := []float64{2, 0}
		hint := resolution
		step := 0
		for _, want := range rows {
			for ; step < want.step; step++ {
				if err := ws.Step(vanDerPol, c, resolution, &hint, y, 0, nil); err != nil {
					t.Fatal(err)
				}
			}
			if y[0] != want.y0 || y[1] != want.y1 || hint != want.hint || ws.Count != want.trials || ws.Failed != want.rejects {
				t.Errorf("R1 %s after step %d: y = (%.17g, %.17g), h_int = %.17g, trials %d, rejected %d;\n\twant (%.17g, %.17g), %.17g, %d, %d",
					name, want.step, y[0], y[1], hint, ws.Count, ws.Failed, want.y0, want.y1, want.hint, want.trials, want.rejects)
			}
		}
	}
}

// TestR2FirstStep checks vector R2 after its first step against
// numerics.md §6.10, exactly.
func TestR2FirstStep(t *testing.T) {
	ws := NewWorkspace(3)
	y := []float64{-70.6, 0, 0}
	hint := resolution
	var last float64
	if err := ws.Step(aeifLike, ControlY(1e-6, 1e-6), resolution, &hint, y, 0, func(t float64, _ []float64) { last = t }); err != nil {
		t.Fatal(err)
	}
	if last != 0.1 || hint != 0.5 || y[0] != -70.246020147033306 || y[1] != 0.0004923993969370527 || y[2] != 0 {
		t.Errorf("R2 after step 1: t = %.17g, h_int = %.17g, (V, w, g) = (%.17g, %.17g, %.17g); want 0.1, 0.5, (-70.246020147033306, 0.0004923993969370527, 0)",
			last, hint, y[0], y[1], y[2])
	}
	if ws.Count != 1 || ws.Failed != 0 {
		t.Errorf("R2 step 1: %d trials, %d rejected; want 1, 0", ws.Count, ws.Failed)
	}
}

// simulate runs nsteps steps of R1 (controller y) on y with step memory
// *hint and a fresh workspace, like one Simulate call of NEST.
func simulate(t *testing.T, nsteps int, hint *float64, y []float64) {
	ws := NewWorkspace(len(y))
	for s := 0; s < nsteps; s++ {
		if err := ws.Step(vanDerPol, ControlY(1e-6, 1e-6), resolution, hint, y, 0, nil); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSimulateBatching checks that 1000 steps in one batch equal the same
// steps split into batches, bit for bit: all memory is in the caller's
// step memory (numerics.md §6.4), none in the workspace. This is NEST's
// Simulate(100) == 10 × Simulate(10).
func TestSimulateBatching(t *testing.T) {
	yOne, hOne := []float64{2, 0}, resolution
	simulate(t, 1000, &hOne, yOne)

	for _, batches := range [][]int{
		{100, 100, 100, 100, 100, 100, 100, 100, 100, 100},
		{1, 2, 7, 90, 100, 300, 500}, // ends of steps 1, 3, 10 have h_int < resolution
	} {
		y, h := []float64{2, 0}, resolution
		for _, n := range batches {
			simulate(t, n, &h, y)
		}
		if yOne[0] != y[0] || yOne[1] != y[1] || hOne != h {
			t.Errorf("1×1000 steps: y = %v, h_int = %v; batches %v: y = %v, h_int = %v", yOne, hOne, batches, y, h)
		}

		// The step memory matters: resetting it between batches, which
		// NEST does not do, changes the trajectory whenever a batch ends
		// with h_int < resolution.
		yReset := []float64{2, 0}
		for _, n := range batches {
			h := resolution
			simulate(t, n, &h, yReset)
		}
		if changed := yReset[0] != yOne[0] || yReset[1] != yOne[1]; changed != (len(batches) == 7) {
			t.Errorf("batches %v: resetting the step memory changed y: %v, want %v", batches, changed, len(batches) == 7)
		}
	}
}

// TestStall checks the sub-step limit: step 1 of R1 needs 8 accepted
// sub-steps.
func TestStall(t *testing.T) {
	for _, tc := range []struct {
		max  int
		want error
	}{{8, nil}, {7, ErrStall}, {1, ErrStall}} {
		ws := NewWorkspace(2)
		y := []float64{2, 0}
		hint := resolution
		calls := 0
		err := ws.Step(vanDerPol, ControlY(1e-6, 1e-6), resolution, &hint, y, tc.max, func(float64, []float64) { calls++ })
		if !errors.Is(err, tc.want) || (err == nil) != (tc.want == nil) {
			t.Errorf("maxSubsteps %d: error %v, want %v", tc.max, err, tc.want)
			continue
		}
		if err != nil && !strings.HasPrefix(err.Error(), CodeStall+":") {
			t.Errorf("maxSubsteps %d: error %q does not start with %s", tc.max, err, CodeStall)
		}
		if calls != min(tc.max, 8) {
			t.Errorf("maxSubsteps %d: %d accepted sub-steps, want %d", tc.max, calls, min(tc.max, 8))
		}
	}
}

// TestNonfinite checks the finiteness guard: y' = y² from y = 1e300
// overflows in the first sub-step, and the state is reported before the
// after hook sees it.
func TestNonfinite(t *testing.T) {
	blowup := func(_ float64, y, dydt []float64) { dydt[0] = float64(y[0] * y[0]) }
	ws := NewWorkspace(1)
	y := []float64{1e300}
	hint := resolution
	called := false
	err := ws.Step(blowup, ControlY(1e-6, 1e-6), resolution, &hint, y, 0, func(float64, []float64) { called = true })
	if !errors.Is(err, ErrNonfinite) || !strings.HasPrefix(err.Error(), CodeNonfinite+":") {
		t.Fatalf("error %v, want %s", err, CodeNonfinite)
	}
	if called {
		t.Error("after was called with a non-finite state")
	}
	if !math.IsInf(y[0], 0) && !math.IsNaN(y[0]) {
		t.Errorf("y = %v, want the non-finite state of the failing sub-step", y)
	}

	// A NaN from the right-hand side.
	nan := func(_ float64, y, dydt []float64) { dydt[0] = math.NaN() }
	y[0], hint = 1, resolution
	if err := ws.Step(nan, ControlYP(1e-6, 1e-6), resolution, &hint, y, 0, nil); !errors.Is(err, ErrNonfinite) {
		t.Errorf("NaN right-hand side: error %v, want %s", err, CodeNonfinite)
	}
}

// TestAfterHook checks that after sees every accepted sub-step in order
// and ends exactly at dt.
func TestAfterHook(t *testing.T) {
	ws := NewWorkspace(2)
	y := []float64{2, 0}
	hint := resolution
	var ts []float64
	if err := ws.Step(vanDerPol, ControlY(1e-6, 1e-6), resolution, &hint, y, 0, func(t float64, _ []float64) { ts = append(ts, t) }); err != nil {
		t.Fatal(err)
	}
	if uint64(len(ts)) != ws.Count-ws.Failed {
		t.Errorf("after called %d times, %d accepted sub-steps", len(ts), ws.Count-ws.Failed)
	}
	for i := 1; i < len(ts); i++ {
		if !(ts[i] > ts[i-1]) {
			t.Errorf("times not increasing: %v", ts)
		}
	}
	if ts[len(ts)-1] != resolution {
		t.Errorf("last sub-step ends at %.17g, want %.17g", ts[len(ts)-1], resolution)
	}
}

// TestController checks the rules of numerics.md §6.2 on single trial
// steps with prescribed error estimates.
func TestController(t *testing.T) {
	ws := NewWorkspace(2)
	y := []float64{1, -2}
	set := func(e0, e1, d0, d1 float64) {
		ws.yerr[0], ws.yerr[1] = e0, e1
		ws.dydt[0], ws.dydt[1] = d0, d1
	}
	c := ControlY(1e-6, 1e-6)
	fifth, tenth := 0.2, 0.1 // variables: constant arithmetic would be exact
	// D = 1e-6·|y| + 1e-6 = 2e-6 and 3e-6.
	for _, tc := range []struct {
		name         string
		c            Control
		e0, e1       float64
		d0, d1       float64
		wantH        float64
		wantStatus   int
		h            float64
		exactFactorH bool
	}{
		{"no change at R = 1", c, 2e-6, 0, 0, 0, 0.1, adjNone, 0.1, true},
		{"no change at R = 0.5", c, 1e-6, 0, 0, 0, 0.1, adjNone, 0.1, true},
		{"no change at R = 1.1", c, 0, 3.3e-6, 0, 0, 0.1, adjNone, 0.1, true},
		{"increase capped at 5", c, 0, 0, 0, 0, 0.5, adjIncrease, 0.1, true},
		{"decrease floored at 0.2", c, 1, 0, 0, 0, float64(fifth * tenth), adjDecrease, 0.1, true},
		{"NaN ratio ignored", c, math.NaN(), 0, 0, 0, 0.5, adjIncrease, 0.1, true},
		{"decrease by 0.9/R^(1/5)", c, 64e-6, 0, 0, 0, float64(0.9 / Pow(32, 0.2) * 0.1), adjDecrease, 0.1, true},
		{"increase by 0.9/R^(1/6)", c, 0, 3e-6 / 64, 0, 0, float64(0.9 / Pow(1.0/64, 1.0/6) * 0.1), adjIncrease, 0.1, true},
		// yp: D = 1e-6·|h·d| + 1e-6 = 1e-6·(0.1·10) + 1e-6 = 2e-6.
		{"yp uses h·dydt", ControlYP(1e-6, 1e-6), 4e-6, 0, 10, 0, float64(0.9 / Pow(2, 0.2) * 0.1), adjDecrease, 0.1, true},
	} {
		set(tc.e0, tc.e1, tc.d0, tc.d1)
		h, status := ws.adjust(tc.c, y, tc.h)
		if h != tc.wantH || status != tc.wantStatus {
			t.Errorf("%s: h = %.17g, status %d; want %.17g, %d", tc.name, h, status, tc.wantH, tc.wantStatus)
		}
	}
}

// TestEvolveApplyTruncation checks that a trial step longer than the
// interval is shortened to end exactly at t1 and that the controller then
// adjusts the shortened step.
func TestEvolveApplyTruncation(t *testing.T) {
	decay := func(_ float64, y, dydt []float64) { dydt[0] = -y[0] }
	ws := NewWorkspace(1)
	y := []float64{1}
	h := 10.0
	t0, t1 := 0.25, 0.26
	tEnd := ws.EvolveApply(decay, ControlY(1e-6, 1e-6), t0, t1, &h, y)
	if tEnd != t1 {
		t.Errorf("t = %.17g, want exactly %.17g", tEnd, t1)
	}
	// With a 0.01 step the error is tiny: the controller grows the
	// shortened step by the cap of 5 (not the 10 the caller suggested).
	if want := float64(5 * (t1 - t0)); h != want || ws.Count != 1 {
		t.Errorf("suggested step %.17g after %d trials, want %.17g after 1", h, ws.Count, want)
	}
}

// TestPanics checks the programmer errors.
func TestPanics(t *testing.T) {
	f := func(_ float64, y, dydt []float64) { copy(dydt, y) }
	ws := NewWorkspace(2)
	h := 0.1
	for name, fn := range map[string]func(){
		"NewWorkspace(0)":     func() { NewWorkspace(0) },
		"len(y) mismatch":     func() { ws.EvolveApply(f, ControlY(1, 1), 0, 1, &h, []float64{1}) },
		"t1 < t0":             func() { ws.EvolveApply(f, ControlY(1, 1), 1, 0, &h, []float64{1, 2}) },
		"h = 0":               func() { z := 0.0; ws.EvolveApply(f, ControlY(1, 1), 0, 1, &z, []float64{1, 2}) },
		"h = NaN":             func() { z := math.NaN(); ws.EvolveApply(f, ControlY(1, 1), 0, 1, &z, []float64{1, 2}) },
		"dt = 0":              func() { ws.Step(f, ControlY(1, 1), 0, &h, []float64{1, 2}, 0, nil) },
		"RK4 len(y) mismatch": func() { RK4(f, 0, 0.1, []float64{1}, ws) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			fn()
		}()
	}
}

// TestEuler checks y ← y + h·f(t, y) exactly.
func TestEuler(t *testing.T) {
	f := func(t float64, y, dydt []float64) { dydt[0], dydt[1] = -y[0]/3, t*y[1] }
	y := []float64{1.7, -0.3}
	Euler(f, 0.5, 0.1, y, make([]float64, 2))
	if want0, want1 := 1.7+float64(0.1*(-1.7/3)), -0.3+float64(0.1*float64(0.5*-0.3)); y[0] != want0 || y[1] != want1 {
		t.Errorf("Euler: y = %v, want [%v %v]", y, want0, want1)
	}
}

// TestRK4Order checks fourth-order convergence on y' = −y and the exact
// formula on one step.
func TestRK4Order(t *testing.T) {
	decay := func(_ float64, y, dydt []float64) { dydt[0] = -y[0] }
	errAt := func(n int) float64 {
		ws := NewWorkspace(1)
		y := []float64{1}
		h := 1.0 / float64(n)
		for i := 0; i < n; i++ {
			RK4(decay, float64(i)*h, h, y, ws)
		}
		return math.Abs(y[0] - math.Exp(-1))
	}
	if ratio := errAt(10) / errAt(20); ratio < 15 || ratio > 17 {
		t.Errorf("error ratio for halved step %.3f, want ≈ 16", ratio)
	}
	// One step, the documented operation order.
	ws := NewWorkspace(1)
	y := []float64{1}
	h := 0.1
	RK4(decay, 0, h, y, ws)
	k1 := -1.0
	k2 := -(1 + float64(0.5*h*k1))
	k3 := -(1 + float64(0.5*h*k2))
	k4 := -(1 + float64(h*k3))
	want := 1 + float64(h/6*(k1+float64(2*k2)+float64(2*k3)+k4))
	if y[0] != want {
		t.Errorf("RK4 one step: %.17g, want %.17g", y[0], want)
	}
}

// TestNoAllocations checks that the per-step routines do not allocate.
// Every call starts from the same state, so that none of them runs into
// an error (whose message is allocated).
func TestNoAllocations(t *testing.T) {
	ws := NewWorkspace(3)
	y := make([]float64, 3)
	var hint float64
	start := func() { copy(y, []float64{-65, 1, 0.5}); hint = resolution }
	c := ControlYP(1e-6, 1e-6)
	after := func(_ float64, y []float64) {
		if y[0] >= 0 {
			y[0] = -60
			y[1] += 80.5
		}
	}
	for _, tc := range []struct {
		name string
		fn   func()
	}{
		{"Step", func() { start(); _ = ws.Step(aeifLike, c, resolution, &hint, y, 0, nil) }},
		{"Step+after", func() { start(); _ = ws.Step(aeifLike, c, resolution, &hint, y, 0, after) }},
		{"EvolveApply", func() { start(); ws.EvolveApply(aeifLike, c, 0, 0.1, &hint, y) }},
		{"RK4", func() { start(); RK4(aeifLike, 0, 0.01, y, ws) }},
		{"Euler", func() { start(); Euler(aeifLike, 0, 0.01, y, ws.Scratch()) }},
	} {
		if n := testing.AllocsPerRun(200, tc.fn); n != 0 {
			t.Errorf("%s: %v allocations per call, want 0", tc.name, n)
		}
	}
}

func benchmarkStep(b *testing.B, f Func, y0 []float64, c Control) {
	ws := NewWorkspace(len(y0))
	y := append([]float64(nil), y0...)
	hint := resolution
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := ws.Step(f, c, resolution, &hint, y, 0, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(ws.Count)/float64(b.N), "trials/step")
}

// BenchmarkStep measures one NEST step (0.1 ms) of the conformance
// systems: R1 (Van der Pol, 2 states) and a 3-state aeif-like system (R2
// without resets, which settles to a fixed point; with the correctly
// rounded exp of the tests).
func BenchmarkStep(b *testing.B) {
	b.Run("vanDerPol2/y", func(b *testing.B) { benchmarkStep(b, vanDerPol, []float64{2, 0}, ControlY(1e-6, 1e-6)) })
	b.Run("vanDerPol2/yp", func(b *testing.B) { benchmarkStep(b, vanDerPol, []float64{2, 0}, ControlYP(1e-6, 1e-6)) })
	b.Run("aeif3/y", func(b *testing.B) { benchmarkStep(b, aeifLike, []float64{-70.6, 0, 0}, ControlY(1e-6, 1e-6)) })
}

// BenchmarkTrial measures single trial steps of fixed size (six and a
// bit right-hand-side evaluations plus the controller).
func BenchmarkTrial(b *testing.B) {
	for _, tc := range []struct {
		name string
		f    Func
		y0   []float64
	}{{"vanDerPol2", vanDerPol, []float64{2, 0}}, {"aeif3", aeifLike, []float64{-65, 1, 0.5}}} {
		b.Run(tc.name, func(b *testing.B) {
			ws := NewWorkspace(len(tc.y0))
			y := make([]float64, len(tc.y0))
			c := ControlY(1e-6, 1e-6)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				copy(y, tc.y0)
				h := 0.01
				ws.EvolveApply(tc.f, c, 0, 1, &h, y)
			}
		})
	}
}

func BenchmarkPow(b *testing.B) {
	xs := powSamples(1024)
	b.Run("Pow", func(b *testing.B) {
		s := 0.0
		for i := 0; i < b.N; i++ {
			s += Pow(xs[i&1023], 1.0/6)
		}
		_ = s
	})
	b.Run("math.Pow", func(b *testing.B) {
		s := 0.0
		for i := 0; i < b.N; i++ {
			s += math.Pow(xs[i&1023], 1.0/6)
		}
		_ = s
	})
}

// TestSaturation checks the shortcuts of the controller: beyond the
// thresholds the full formula gives the clamped factor.
func TestSaturation(t *testing.T) {
	for x := float64(decreaseSaturates); !math.IsInf(x, 1); x *= 1.01 {
		if r := 0.9 / Pow(x, 1.0/order); !(r < 0.2) {
			t.Fatalf("R = %v: 0.9/R^(1/5) = %v, not below 0.2", x, r)
		}
	}
	if r := 0.9 / Pow(math.Inf(1), 1.0/order); !(r < 0.2) {
		t.Errorf("R = +Inf: 0.9/R^(1/5) = %v", r)
	}
	for x := float64(increaseSaturates); x >= minNormal; x /= 1.01 {
		if r := 0.9 / Pow(x, 1.0/(order+1.0)); !(r > 5) {
			t.Fatalf("R = %v: 0.9/R^(1/6) = %v, not above 5", x, r)
		}
	}
	if r := 0.9 / Pow(minNormal, 1.0/(order+1.0)); !(r > 5) {
		t.Errorf("R = DBL_MIN: 0.9/R^(1/6) = %v", r)
	}
}
