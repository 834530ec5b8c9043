package emu

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPrepareWeightProperties: for every weight, width and mode the
// prepared weight lies in the mode's range, on the grid of 2^nt, at most
// one grid step closer to zero than the clipped weight (towards −∞ for
// Mixed), and preparation is idempotent.
func TestPrepareWeightProperties(t *testing.T) {
	for _, mode := range []SignMode{SignExcitatory, SignInhibitory, SignMixed} {
		for bits := 1; bits <= 8; bits++ {
			step, lo, hi := weightGrid(bits, mode)
			for w := int32(-600); w <= 600; w++ {
				p := PrepareWeight(w, bits, mode)
				if int64(p) < lo || int64(p) > hi || int64(p)%step != 0 {
					t.Fatalf("%v %d bits: %d → %d outside [%d, %d] or off the grid %d", mode, bits, w, p, lo, hi, step)
				}
				if PrepareWeight(p, bits, mode) != p {
					t.Fatalf("%v %d bits: not idempotent at %d → %d", mode, bits, w, p)
				}
				var c int32
				switch mode {
				case SignExcitatory:
					c = min(max(w, 0), 255)
				case SignInhibitory:
					c = min(max(w, -255), 0)
				default:
					c = min(max(w, -256), 255)
				}
				if d := int64(c - p); mode != SignInhibitory && (d < 0 || d >= step) || mode == SignInhibitory && (d > 0 || -d >= step) {
					t.Fatalf("%v %d bits: %d → %d, clipped %d", mode, bits, w, p, c)
				}
			}
		}
	}
}

func TestResolveSignMode(t *testing.T) {
	for _, tc := range []struct {
		w    []int32
		want SignMode
	}{{nil, SignExcitatory}, {[]int32{0, 0}, SignExcitatory}, {[]int32{0, 3}, SignExcitatory},
		{[]int32{0, -3}, SignInhibitory}, {[]int32{-1, 1}, SignMixed}} {
		if got := ResolveSignMode(tc.w, SignAuto); got != tc.want {
			t.Errorf("ResolveSignMode(%v) = %v, want %v", tc.w, got, tc.want)
		}
	}
	if ResolveSignMode([]int32{-1, 1}, SignExcitatory) != SignExcitatory {
		t.Error("an explicit mode must win")
	}
}

// TestDenseLatency: a spike sent at step t reaches a_out at step t+1.
func TestDenseLatency(t *testing.T) {
	d, err := NewDense(2, 3, []int32{1, 2, 3, 4, 5, 6}, DenseConfig{WeightExp: 1})
	if err != nil {
		t.Fatal(err)
	}
	a := make([]int32, 2)
	var got [][]int32
	for _, s := range [][]int32{{1, 0, 1}, {0, 0, 0}, {0, 7, 0}, {0, 0, 0}} {
		d.Step(s, a)
		got = append(got, slices.Clone(a))
	}
	want := [][]int32{{0, 0}, {8, 20}, {0, 0}, {4, 10}} // binary: the 7 counts as one spike
	for k := range want {
		if !slices.Equal(got[k], want[k]) {
			t.Errorf("step %d: a_out = %v, want %v", k+1, got[k], want[k])
		}
	}
}

func TestDenseGraded(t *testing.T) {
	d, err := NewDense(1, 3, []int32{-2, 4, 100}, DenseConfig{NumMessageBits: 8, WeightExp: -2})
	if err != nil {
		t.Fatal(err)
	}
	if d.SignMode != SignMixed || !slices.Equal(d.W, []int32{-2, 4, 100}) {
		t.Fatalf("prepared %v (%v)", d.W, d.SignMode)
	}
	out := make([]int32, 1)
	d.Apply([]int32{3, 1, 0}, out) // −6 + 4 = −2, >> 2 → −1
	if out[0] != -1 {
		t.Errorf("graded: %d, want −1", out[0])
	}
}

func TestDenseStepAdd(t *testing.T) {
	exc, _ := NewDense(1, 1, []int32{100}, DenseConfig{})
	inh, _ := NewDense(1, 1, []int32{-30}, DenseConfig{})
	a := make([]int32, 1)
	for _, s := range []int32{1, 0} {
		clear(a)
		exc.StepAdd([]int32{s}, a)
		inh.StepAdd([]int32{s}, a)
	}
	if a[0] != 70 {
		t.Errorf("sum of two senders = %d, want 70", a[0])
	}
}

func TestDenseErrors(t *testing.T) {
	for _, tc := range []struct {
		nOut, nIn int
		w         []int32
		cfg       DenseConfig
	}{
		{2, 2, []int32{1, 2, 3}, DenseConfig{}},
		{1, 1, []int32{1}, DenseConfig{NumWeightBits: 9}},
		{1, 1, []int32{1}, DenseConfig{WeightExp: 63}},
		{1, 1, []int32{1}, DenseConfig{SignMode: 4}},
	} {
		if _, err := NewDense(tc.nOut, tc.nIn, tc.w, tc.cfg); err == nil {
			t.Errorf("NewDense(%d, %d, %v, %+v): no error", tc.nOut, tc.nIn, tc.w, tc.cfg)
		}
	}
	if _, err := NewDelayDense(1, 1, []int32{1}, []int32{64}, 0, DenseConfig{}); err == nil {
		t.Error("delay 64 accepted")
	}
	if _, err := NewDelayDense(1, 2, []int32{1, 1}, []int32{0, 5}, 3, DenseConfig{}); err == nil {
		t.Error("max_delay below the largest delay accepted")
	}
}

// TestDelayDenseLatency: a connection with delay k delivers at t + k + 1.
func TestDelayDenseLatency(t *testing.T) {
	w := []int32{10, 20, 30}
	d, err := NewDelayDense(1, 3, w, []int32{0, 2, 5}, 0, DenseConfig{})
	if err != nil {
		t.Fatal(err)
	}
	if d.MaxDelay != 5 {
		t.Fatalf("MaxDelay = %d", d.MaxDelay)
	}
	a := make([]int32, 1)
	var got []int32
	for step := 1; step <= 10; step++ {
		s := []int32{0, 0, 0}
		if step == 2 {
			s = []int32{1, 1, 1}
		}
		d.Step(s, a)
		got = append(got, a[0])
	}
	want := []int32{0, 0, 10, 0, 20, 0, 0, 30, 0, 0} // steps 3, 5, 8
	if !slices.Equal(got, want) {
		t.Errorf("a_out = %v, want %v", got, want)
	}
}

// TestDelayDenseShiftPerDelay: the exponent floors each delay's sum
// separately.
func TestDelayDenseShiftPerDelay(t *testing.T) {
	d, _ := NewDelayDense(1, 2, []int32{-1, -1}, []int32{0, 1}, 1, DenseConfig{WeightExp: -1})
	a := make([]int32, 1)
	var got []int32
	for _, s := range [][]int32{{1, 1}, {0, 0}, {0, 0}} {
		d.Step(s, a)
		got = append(got, a[0])
	}
	if !slices.Equal(got, []int32{0, -1, -1}) { // not −2 >> 1 = −1 once
		t.Errorf("a_out = %v, want [0 −1 −1]", got)
	}
}

// TestDelayDenseZeroEqualsDense on random weights, exponents and spikes,
// binary and graded.
func TestDelayDenseZeroEqualsDense(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 50; trial++ {
		nOut, nIn := 1+r.IntN(8), 1+r.IntN(8)
		w := make([]int32, nOut*nIn)
		for i := range w {
			w[i] = r.Int32N(600) - 300
		}
		cfg := DenseConfig{WeightExp: r.IntN(16) - 8, NumWeightBits: 1 + r.IntN(8), SignMode: SignMode(r.IntN(4)), NumMessageBits: r.IntN(2) * 8}
		d, err := NewDense(nOut, nIn, w, cfg)
		if err != nil {
			t.Fatal(err)
		}
		dd, err := NewDelayDense(nOut, nIn, w, make([]int32, len(w)), 0, cfg)
		if err != nil {
			t.Fatal(err)
		}
		a1, a2, s := make([]int32, nOut), make([]int32, nOut), make([]int32, nIn)
		for k := 0; k < 30; k++ {
			for j := range s {
				s[j] = r.Int32N(3) * r.Int32N(2)
			}
			d.Step(s, a1)
			dd.Step(s, a2)
			if !slices.Equal(a1, a2) {
				t.Fatalf("trial %d step %d: Dense %v, DelayDense(0) %v", trial, k, a1, a2)
			}
		}
	}
}
