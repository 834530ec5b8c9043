package emu

import "testing"

// TestLinearSpec checks one Linear step against the formulas of its doc
// comment: decay, terms, bias, wrap, saturation, delta input gating,
// strict threshold, reset and the refractory counter.
func TestLinearSpec(t *testing.T) {
	l := NewLinear(2, 1) // state 0: current, state 1: membrane
	l.VIndex = 1
	l.D = []int32{2048, 41}
	l.Terms = []Term{{Row: 1, Col: 0, Mant: 3, Exp: -1}}
	l.BiasMant, l.BiasExp = []int32{0, 5}, []int32{0, 2}
	l.VTh = 10
	l.RefrSteps = 2
	l.Ports = []LinearPort{{State: 0}, {State: 1, Delta: true}}
	if err := l.Validate(); err != nil {
		t.Fatal(err)
	}
	l.X[0][0], l.X[1][0] = -7, 100
	s := make([]int32, 1)
	l.Step([][]int32{{2}, {1}}, s)
	// current: Decay(-7, 2048) = -3, + 2<<6 = 125
	// membrane: Decay(100, 41) = 98, + MulShift(-7, 3, -1) = -10 (trunc) → -10, + 20 → 108, + 64 (delta) = 172
	if l.X[0][0] != 125 || l.X[1][0] != 172 || s[0] != 0 {
		t.Fatalf("after step 1: x = %d, %d, s = %d", l.X[0][0], l.X[1][0], s[0])
	}
	if got := MulShift(-7, 3, -1); got != -10 {
		t.Fatalf("MulShift(-7,3,-1) = %d, want -10 (toward zero)", got)
	}
	l.Step([][]int32{{0}, {10}}, s) // v = Decay(172) + ... + 640 > 640 → spike, reset, counter 2
	if s[0] != 1 || l.X[1][0] != 0 || l.Counter[0] != 2 {
		t.Fatalf("step 2: s = %d, v = %d, counter = %d", s[0], l.X[1][0], l.Counter[0])
	}
	cur := l.X[0][0]
	l.Step([][]int32{{0}, {10}}, s) // refractory: v held, delta input dropped, current still decays
	if l.X[1][0] != 0 || s[0] != 0 || l.Counter[0] != 1 || l.X[0][0] != Decay(cur, 2048) {
		t.Fatalf("refractory step: v = %d, s = %d, counter = %d, u = %d", l.X[1][0], s[0], l.Counter[0], l.X[0][0])
	}
	// saturation of the membrane and wrap of the current
	l2 := NewLinear(2, 1)
	l2.VIndex = 1
	l2.D = []int32{0, 0}
	l2.VTh = MaxVTh
	l2.Ports = []LinearPort{{State: 0}, {State: 1}}
	l2.X[0][0], l2.X[1][0] = 8388000, -8388000
	l2.Step([][]int32{{100}, {-100}}, nil)
	if l2.X[0][0] != -8382816 || l2.X[1][0] != -VMax {
		t.Fatalf("wrap/saturate: %d, %d", l2.X[0][0], l2.X[1][0])
	}
}
