package emu

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// refStep is loihi_target.md §2.2 transcribed literally, in int64, as an
// independent reference for LIF.Step.
func refStep(u, v, du, dv, vth, mant, exp, a int64) (int64, int64, bool) {
	decay := func(x, d int64) int64 {
		p := x * (4096 - d)
		if p < 0 {
			return -((-p) >> 12)
		}
		return p >> 12
	}
	var eb int64
	if exp >= 0 {
		eb = mant << exp
	} else {
		eb = mant >> -exp
	}
	u = decay(u, du+1) + a<<6
	if u > 1<<23 {
		u -= 1 << 24
	} else if u <= -(1 << 23) {
		u += 1 << 24
	}
	v = decay(v, dv) + u + eb
	v = min(max(v, -(1<<23-1)), 1<<23-1)
	spike := v > vth<<6
	if spike {
		v = 0
	}
	return u, v, spike
}

// TestStepMatchesReference runs random populations through LIF.Step and the
// literal transcription, with |a_in| ≤ 2¹⁷ (the exact domain) and states
// reaching the wrap and saturation limits.
func TestStepMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	const n, steps = 64, 400
	for trial := 0; trial < 40; trial++ {
		l := NewLIF(n)
		l.DU, l.DV = r.Int32N(4096), r.Int32N(4096)
		if trial%4 == 0 {
			l.DU, l.DV = []int32{0, 4095}[trial/4%2], []int32{0, 4095}[trial/8%2]
		}
		l.VTh = r.Int32N(MaxVTh + 1)
		for i := 0; i < n; i++ {
			l.BiasMant[i] = r.Int32N(8192) - 4096
			l.BiasExp[i] = r.Int32N(8)
			l.U[i] = r.Int32N(1<<24) - (1 << 23) + 1
			l.V[i] = r.Int32N(1<<24-1) - (1<<23 - 1)
		}
		if err := l.Validate(); err != nil {
			t.Fatal(err)
		}
		u, v := make([]int64, n), make([]int64, n)
		for i := range u {
			u[i], v[i] = int64(l.U[i]), int64(l.V[i])
		}
		a, s := make([]int32, n), make([]int32, n)
		for k := 0; k < steps; k++ {
			for i := range a {
				switch r.IntN(8) {
				case 0:
					a[i] = []int32{MaxExactInput, -MaxExactInput, MaxInput, MinInput}[r.IntN(4)]
				case 1, 2, 3:
					a[i] = r.Int32N(2*MaxInput) - MaxInput
				default:
					a[i] = 0
				}
			}
			l.Step(a, s)
			for i := range a {
				var spike bool
				u[i], v[i], spike = refStep(u[i], v[i], int64(l.DU), int64(l.DV), int64(l.VTh),
					int64(l.BiasMant[i]), int64(l.BiasExp[i]), int64(a[i]))
				if int64(l.U[i]) != u[i] || int64(l.V[i]) != v[i] || (s[i] == 1) != spike {
					t.Fatalf("trial %d step %d neuron %d: got u = %d v = %d s = %d, reference u = %d v = %d s = %v",
						trial, k, i, l.U[i], l.V[i], s[i], u[i], v[i], spike)
				}
			}
		}
	}
}

// FuzzStep checks the same equivalence for single neurons, plus the 24-bit
// invariants, for any a_in in the exact domain.
func FuzzStep(f *testing.F) {
	f.Add(int32(8388000), int32(0), int32(0), int32(0), int32(0), int32(0), int32(0), int32(100))
	f.Add(int32(0), int32(0), int32(4095), int32(0), int32(131071), int32(0), int32(0), int32(131072))
	f.Add(int32(0), int32(8388000), int32(4095), int32(0), int32(1<<17), int32(1000), int32(0), int32(0))
	f.Add(int32(-5), int32(-7), int32(1), int32(1), int32(8), int32(-4096), int32(7), int32(-32768))
	f.Fuzz(func(t *testing.T, u0, v0, du, dv, vth, mant, exp, a int32) {
		u0 = WrapU(int64(u0))
		v0 = SatV(int64(v0))
		du, dv = (du%4096+4096)%4096, (dv%4096+4096)%4096
		vth = (vth%(MaxVTh+1) + MaxVTh + 1) % (MaxVTh + 1)
		mant = (mant%8192+8192)%8192 - 4096
		exp = (exp%8 + 8) % 8
		a = (a%(2*MaxExactInput+1)+2*MaxExactInput+1)%(2*MaxExactInput+1) - MaxExactInput
		l := lif1(du, dv, vth, mant, exp)
		l.U[0], l.V[0] = u0, v0
		s := make([]int32, 1)
		l.Step([]int32{a}, s)
		ru, rv, rs := refStep(int64(u0), int64(v0), int64(du), int64(dv), int64(vth), int64(mant), int64(exp), int64(a))
		if int64(l.U[0]) != ru || int64(l.V[0]) != rv || (s[0] == 1) != rs {
			t.Fatalf("got u = %d v = %d s = %d, reference %d %d %v", l.U[0], l.V[0], s[0], ru, rv, rs)
		}
		if err := l.Validate(); err != nil {
			t.Fatalf("state left the 24-bit ranges: %v", err)
		}
	})
}

func TestDecayTruncatesTowardZero(t *testing.T) {
	tests := []struct{ x, d, want int32 }{
		{-1, 1, 0},           // −4095/4096 → 0 (floor would give −1)
		{1, 1, 0},            // 4095/4096 → 0
		{-4096, 1, -4095},    // exact
		{-4097, 1, -4095},    // −4095.9998 → −4095
		{-4098, 1, -4096},    // −4096.9995 → −4096
		{-3, 2048, -1},       // −1.5 → −1 (floor: −2)
		{3, 2048, 1},         // 1.5 → 1
		{-8192, 2048, -4096}, // exact half
		{-5, 0, -5},          // d = 0: no decay
		{-5, 4096, 0},        // d = 4096: forget everything
		{VMax, 1, 8386559},   // 8388607·4095/4096 = 8386559.03
		{-VMax, 1, -8386559},
		{MaxState, 4095, 2048},
	}
	for _, tc := range tests {
		if got := Decay(tc.x, tc.d); got != tc.want {
			t.Errorf("Decay(%d, %d) = %d, want %d", tc.x, tc.d, got, tc.want)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 100000; k++ {
		x, d := r.Int32N(1<<24)-(1<<23), r.Int32N(4097)
		y := Decay(x, d)
		if Decay(-x, d) != -y {
			t.Fatalf("Decay is not odd at x = %d, d = %d", x, d)
		}
		// Truncation toward zero: |y| = ⌊|x|·(4096−d)/4096⌋.
		ax := int64(x)
		if ax < 0 {
			ax = -ax
		}
		ay := int64(y)
		if ay < 0 {
			ay = -ay
		}
		if p := ax * int64(4096-d); ay*4096 > p || (ay+1)*4096 <= p || (y != 0 && (y < 0) != (x < 0)) {
			t.Fatalf("Decay(%d, %d) = %d is not the product truncated toward zero", x, d, y)
		}
	}
}

func TestWrapUBoundaries(t *testing.T) {
	tests := []struct {
		x    int64
		want int32
	}{
		{MaxState, MaxState}, // +2²³ is not wrapped (the quirk)
		{MaxState + 1, -MaxState + 1},
		{MaxState - 1, MaxState - 1},
		{-MaxState + 1, -MaxState + 1},
		{-MaxState, MaxState}, // −2²³ wraps to +2²³
		{-MaxState - 1, MaxState - 1},
		{2 * MaxState, 0},
		{-2*MaxState + 1, 1},
		{8392352, -8384864},
		{0, 0},
		// Beyond the single wrap (|a_in| > 2¹⁷ only): reduced modulo 2²⁴.
		{3*MaxState + 1, -MaxState + 1},
		{-3 * MaxState, MaxState},
		{5 * MaxState, MaxState},
	}
	for _, tc := range tests {
		if got := WrapU(tc.x); got != tc.want {
			t.Errorf("WrapU(%d) = %d, want %d", tc.x, got, tc.want)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for k := 0; k < 100000; k++ {
		x := r.Int64N(1<<40) - 1<<39
		y := int64(WrapU(x))
		if y <= -MaxState || y > MaxState || (x-y)%(2*MaxState) != 0 {
			t.Fatalf("WrapU(%d) = %d: not the representative in (−2²³, 2²³]", x, y)
		}
	}
}

func TestSatVBoundaries(t *testing.T) {
	for _, tc := range []struct {
		x    int64
		want int32
	}{{VMax, VMax}, {VMax + 1, VMax}, {1 << 40, VMax}, {-VMax, -VMax}, {-VMax - 1, -VMax}, {-MaxState, -VMax}, {-1 << 40, -VMax}, {-3, -3}} {
		if got := SatV(tc.x); got != tc.want {
			t.Errorf("SatV(%d) = %d, want %d", tc.x, got, tc.want)
		}
	}
	// Through Step: negative saturation.
	l := lif1(4095, 0, 1<<17, -1000, 0)
	l.V[0] = -8388000
	l.Step(nil, nil)
	if l.V[0] != -VMax {
		t.Errorf("v = %d, want %d", l.V[0], -VMax)
	}
}

// TestStrictThreshold: v = vth·64 does not spike, vth·64 + 1 does, for
// every threshold from 0 to 2¹⁷−1 in steps.
func TestStrictThreshold(t *testing.T) {
	for vth := int32(0); vth <= MaxVTh; vth += 97 {
		for _, extra := range []int32{0, 1} {
			l := lif1(4095, 0, vth, extra, 0)
			s := make([]int32, 1)
			l.Step([]int32{vth}, s) // u = vth << 6, v = u + extra
			if got, want := s[0] == 1, extra == 1; got != want {
				t.Fatalf("vth = %d, v = vth·64 + %d: spike = %v, want %v", vth, extra, got, want)
			}
		}
	}
}

// TestResetKeepsCurrent: a spike sets v to 0 and leaves u alone.
func TestResetKeepsCurrent(t *testing.T) {
	l := lif1(4000, 50, 10, 0, 0)
	s := make([]int32, 1)
	l.Step([]int32{20}, s) // u = 1280 > 640
	if s[0] != 1 || l.V[0] != 0 || l.U[0] != 1280 {
		t.Fatalf("after spike: s = %d, v = %d, u = %d; want 1, 0, 1280", s[0], l.V[0], l.U[0])
	}
	l.Step(nil, s) // v = 0·… + decayed u
	if want := Decay(1280, 4001); l.U[0] != want || l.V[0] != want {
		t.Errorf("next step: u = %d, v = %d; want both %d (v restarts from 0)", l.U[0], l.V[0], want)
	}
}

func TestDecayConstants(t *testing.T) {
	// du = 4095 forgets the current each step: u = a_in << 6.
	l := lif1(4095, 0, MaxVTh, 0, 0)
	l.U[0] = 777777
	l.Step([]int32{3}, nil)
	if l.U[0] != 192 {
		t.Errorf("du = 4095: u = %d, want 192", l.U[0])
	}
	// dv = 0: no leak.
	l = lif1(4095, 0, MaxVTh, 0, 0)
	l.V[0] = -123456
	for k := 0; k < 10; k++ {
		l.Step(nil, nil)
	}
	if l.V[0] != -123456 {
		t.Errorf("dv = 0: v = %d, want −123456", l.V[0])
	}
	// du = 0 still decays by 1/4096 (the ds_offset).
	l = lif1(0, 0, MaxVTh, 0, 0)
	l.U[0] = 4096
	l.Step(nil, nil)
	if l.U[0] != 4095 {
		t.Errorf("du = 0: u = %d, want 4095", l.U[0])
	}
}

// TestThresholdLatchedBiasLive: the scaled threshold is computed on the
// first step only; the bias is re-derived every step.
func TestThresholdLatchedBiasLive(t *testing.T) {
	l := lif1(0, 0, 1000, 1, 0)
	s := make([]int32, 1)
	l.Step(nil, s)
	l.VTh = 0 // ignored: 64000 stays the threshold
	l.BiasMant[0], l.BiasExp[0] = 100, 2
	l.Step(nil, s)
	if s[0] != 0 || l.V[0] != 401 {
		t.Fatalf("v = %d, spike = %d; want 401 (bias 400 now), no spike (threshold latched)", l.V[0], s[0])
	}
	l.ResetThreshold()
	l.Step(nil, s)
	if s[0] != 1 {
		t.Errorf("after ResetThreshold, v > 0 should spike")
	}
	// Negative exponents shift right (CPU model).
	if got := EffectiveBias(-5, -1); got != -3 {
		t.Errorf("EffectiveBias(−5, −1) = %d, want −3 (floor)", got)
	}
}

func TestNilBiasAndOverflowCounter(t *testing.T) {
	l := &LIF{U: make([]int32, 2), V: make([]int32, 2), DU: 4095, VTh: MaxVTh}
	l.Step([]int32{MaxInput + 1, MinInput}, nil)
	if l.V[0] != (MaxInput+1)<<6 || l.V[1] != MinInput<<6 || l.InputOverflows != 1 {
		t.Errorf("v = %v, overflows = %d", l.V, l.InputOverflows)
	}
}

func TestValidate(t *testing.T) {
	l := NewLIF(2)
	if err := l.Validate(); err != nil {
		t.Fatalf("zero population: %v", err)
	}
	l.DU, l.DV, l.VTh = 4096, -1, 1<<17
	l.BiasMant[1], l.BiasExp[0] = 4096, 8
	l.U[0], l.V[1] = -MaxState, MaxState
	err := l.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	for _, s := range []string{"DU = 4096", "DV = -1", "VTh = 131072", "BiasMant[1]", "BiasExp[0]", "U[0]", "V[1]"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not mention %s", err, s)
		}
	}
}

func TestStepPanicsOnLengthMismatch(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	NewLIF(3).Step(make([]int32, 2), nil)
}

func TestNoAllocations(t *testing.T) {
	l := NewLIF(100)
	l.DU, l.DV, l.VTh = 100, 100, 10
	a, s := make([]int32, 100), make([]int32, 100)
	d, _ := NewDense(100, 100, make([]int32, 10000), DenseConfig{})
	dd, _ := NewDelayDense(100, 100, make([]int32, 10000), make([]int32, 10000), 5, DenseConfig{})
	for i := range s {
		s[i] = int32(i % 2)
	}
	if n := testing.AllocsPerRun(100, func() {
		d.Step(s, a)
		dd.StepAdd(s, a)
		l.Step(a, s)
	}); n != 0 {
		t.Errorf("%v allocations per step", n)
	}
}

func BenchmarkLIFStep(b *testing.B) {
	const n = 4096
	l := NewLIF(n)
	l.DU, l.DV, l.VTh = 200, 41, 49151
	a, s := make([]int32, n), make([]int32, n)
	for i := range a {
		a[i] = int32(i % 300)
		l.BiasMant[i], l.BiasExp[i] = 2347, 4
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l.Step(a, s)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/neuron")
}
