package emu

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Golden vectors of loihi_target.md §10. Step numbers are 1-based Lava
// time steps; in G1 the input goes straight into a_in.

// runOne drives a one-neuron LIF for len(aIn) steps and returns u, v and
// the spike flag after each step.
func runOne(l *LIF, aIn []int32) (u, v, s []int32) {
	in, out := make([]int32, 1), make([]int32, 1)
	for _, a := range aIn {
		in[0] = a
		l.Step(in, out)
		u, v, s = append(u, l.U[0]), append(v, l.V[0]), append(s, out[0])
	}
	return u, v, s
}

func lif1(du, dv, vth, mant, exp int32) *LIF {
	l := NewLIF(1)
	l.DU, l.DV, l.VTh = du, dv, vth
	l.BiasMant[0], l.BiasExp[0] = mant, exp
	return l
}

// impulse returns n inputs: a at step 1, zero after.
func impulse(a int32, n int) []int32 {
	in := make([]int32, n)
	in[0] = a
	return in
}

func stepsWith(s []int32) []int {
	var steps []int
	for i, x := range s {
		if x != 0 {
			steps = append(steps, i+1)
		}
	}
	return steps
}

// TestG1 reproduces Lava 0.10.0's own LIF golden values (G1a–G1d).
func TestG1(t *testing.T) {
	t.Run("G1a current impulse", func(t *testing.T) {
		u, _, _ := runOne(lif1(2047, 0, 256, 0, 1), impulse(128, 8))
		want := []int32{8192, 4096, 2048, 1024, 512, 256, 128, 64}
		if !slices.Equal(u, want) {
			t.Errorf("u = %v, want %v", u, want)
		}
		// The doc's "(= 1 << (13 − k))" holds for k = step − 1, counted
		// from 0; the listed values are authoritative.
		for k := 0; k < 8; k++ {
			if u[k] != 1<<(13-k) {
				t.Errorf("u[step %d] = %d, want 1<<(13−%d)", k+1, u[k], k)
			}
		}
	})
	t.Run("G1b voltage impulse", func(t *testing.T) {
		_, v, _ := runOne(lif1(0, 2048, 256, 0, 0), impulse(128, 8))
		want := []int32{8192, 12286, 14331, 15351, 15859, 16111, 16235, 16295}
		if !slices.Equal(v, want) {
			t.Errorf("v = %v, want %v", v, want)
		}
	})
	t.Run("G1c bias scaling", func(t *testing.T) {
		// vth = 2¹⁷ lies outside the 17-bit range; Lava's CPU model
		// accepts it and so does Step.
		_, v, s := runOne(lif1(0, 0, 1<<17, 4095, 5), make([]int32, 1))
		if v[0] != 131040 || s[0] != 0 {
			t.Errorf("v = %d, spike = %d; want 131040, no spike", v[0], s[0])
		}
	})
	t.Run("G1d bias-driven spiking", func(t *testing.T) {
		_, v, s := runOne(lif1(0, 0, 8, 2, 6), make([]int32, 10))
		if got := stepsWith(s); !slices.Equal(got, []int{5, 10}) {
			t.Errorf("spikes at steps %v, want [5 10]", got)
		}
		if v[3] != 512 || s[3] != 0 {
			t.Errorf("step 4: v = %d, spike = %d; want v = 512 without spike (strict threshold)", v[3], s[3])
		}
	})
}

// TestG1eLIF reproduces the one-step LIF edge cases of G1e.
func TestG1eLIF(t *testing.T) {
	tests := []struct {
		name                 string
		u, v                 int32
		du, dv, vth, eb, aIn int32
		wantU, wantV         int32
		wantSpike            bool
	}{
		{name: "positive u wrap", u: 8388000, du: 0, aIn: 100, vth: 1 << 17,
			wantU: -8384864, wantV: -8384864},
		{name: "negative u wrap", u: -8388000, du: 0, aIn: -100, vth: 1 << 17,
			wantU: 8384864, wantV: 8384864},
		{name: "u = +2^23 not wrapped, v saturates", du: 4095, aIn: 131072, vth: 1 << 17,
			wantU: 8388608, wantV: 8388607},
		{name: "u = +2^23 not wrapped, saturated v spikes", du: 4095, aIn: 131072, vth: 131071,
			wantU: 8388608, wantV: 0, wantSpike: true},
		{name: "v saturation", v: 8388000, dv: 0, du: 4095, eb: 1000, vth: 1 << 17,
			wantU: 0, wantV: 8388607},
		{name: "threshold equality", du: 4095, aIn: 8, vth: 8,
			wantU: 512, wantV: 512},
		{name: "threshold plus one", du: 4095, aIn: 8, vth: 8, eb: 1,
			wantU: 512, wantV: 0, wantSpike: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := lif1(tc.du, tc.dv, tc.vth, tc.eb, 0)
			l.U[0], l.V[0] = tc.u, tc.v
			out := make([]int32, 1)
			n := l.Step([]int32{tc.aIn}, out)
			if l.U[0] != tc.wantU || l.V[0] != tc.wantV || (out[0] == 1) != tc.wantSpike || n != int(out[0]) {
				t.Errorf("u = %d, v = %d, spike = %d (n = %d); want u = %d, v = %d, spike = %v",
					l.U[0], l.V[0], out[0], n, tc.wantU, tc.wantV, tc.wantSpike)
			}
		})
	}
}

// TestG1eDenseExponent: a negative weight_exp floors the accumulated sum.
func TestG1eDenseExponent(t *testing.T) {
	for _, tc := range []struct {
		w    []int32 // weights of two senders onto one receiver, both spiking
		acc  int64
		want int32
	}{
		{[]int32{-1, -2}, -3, -2},
		{[]int32{1, 2}, 3, 1},
		{[]int32{-1, 0}, -1, -1},
	} {
		if got := ShiftActivation(tc.acc, -1); got != int64(tc.want) {
			t.Errorf("ShiftActivation(%d, −1) = %d, want %d", tc.acc, got, tc.want)
		}
		d, err := NewDense(1, 2, tc.w, DenseConfig{WeightExp: -1})
		if err != nil {
			t.Fatal(err)
		}
		out := make([]int32, 1)
		d.Apply([]int32{1, 1}, out)
		if out[0] != tc.want {
			t.Errorf("Dense(W = %v, weight_exp = −1) = %d, want %d", tc.w, out[0], tc.want)
		}
	}
}

// TestG1eWeightTruncation: Dense weight preparation (clip, then clear the
// low bits).
func TestG1eWeightTruncation(t *testing.T) {
	tests := []struct {
		name string
		bits int
		mode SignMode
		in   []int32
		want []int32
	}{
		{"MIXED 8 bits", 8, SignMixed,
			[]int32{255, 254, -255, -1, 1, 300, -300},
			[]int32{254, 254, -256, -2, 0, 254, -256}},
		{"INHIBITORY −255, 6 bits", 6, SignInhibitory, []int32{-255}, []int32{-252}},
		{"INHIBITORY −3, 6 bits", 6, SignInhibitory, []int32{-3}, []int32{0}},
		{"INHIBITORY −300, 8 bits", 8, SignInhibitory, []int32{-300}, []int32{-255}},
	}
	for _, tc := range tests {
		got, mode := PrepareWeights(tc.in, tc.bits, tc.mode)
		if !slices.Equal(got, tc.want) || mode != tc.mode {
			t.Errorf("%s: %v → %v (%v), want %v", tc.name, tc.in, got, mode, tc.want)
		}
	}
	// The MIXED row again with the mode inferred from the weights.
	if got, mode := PrepareWeights(tests[0].in, 8, SignAuto); !slices.Equal(got, tests[0].want) || mode != SignMixed {
		t.Errorf("auto: %v (%v), want %v (MIXED)", got, mode, tests[0].want)
	}
}

// G2: the NIR paper's Lava CPU trace, confirmed on Loihi 2 hardware
// (neuromorphs/NIR, paper/01_lif/lif_lava_cpu_fixed.csv and
// lif_lava_loihi_fixed.csv: one row per step, "input,v,spike").

// g2ISI is the paper's ISI list; g2Rows the doc's list of input rows.
var (
	g2ISI  = []int{6, 15, 4, 3, 0, 2, 1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 13, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 14}
	g2Rows = []int{60, 220, 270, 310, 320, 350, 370, 400, 410, 430, 440, 450, 460, 470, 480, 490, 500, 510, 520, 530,
		670, 680, 690, 700, 710, 720, 730, 740, 750, 760, 770, 780, 840, 850}
)

// SHA-256 of the two public CSV files (1000 rows each). The CPU file
// writes "%d,%.1f,%.1f", the hardware file "%d,%d,%.1f".
const (
	g2CPUSHA256 = "4426b06b035ebab370ad74f812041f49140ac22d0a7baae389addee37541db7e"
	g2HWSHA256  = "8c721d7eed09623de92429c3eb8b0321f9b69c4ce759f0d8651940d976159081"
)

// g2Train turns the ISI list into a 100-step train (each ISI of silent
// steps followed by a spike; spikes past the end are dropped) and
// up-samples it ×10 (a spike, then 9 silent steps).
func g2Train() []int32 {
	train := make([]int32, 1000)
	pos := -1
	for _, isi := range g2ISI {
		pos += isi + 1
		if pos < 100 {
			train[10*pos] = 1
		}
	}
	return train
}

// runG2 runs input → Dense(w = 10) → LIF(du = 4095, dv = 163, vth = 25).
func runG2(t testing.TB) (in, v, s []int32) {
	d, err := NewDense(1, 1, []int32{10}, DenseConfig{})
	if err != nil {
		t.Fatal(err)
	}
	l := NewLIF(1)
	l.DU, l.DV, l.VTh = 4095, 163, 25
	in = g2Train()
	a, out := make([]int32, 1), make([]int32, 1)
	for _, x := range in {
		d.Step([]int32{x}, a)
		l.Step(a, out)
		v, s = append(v, l.V[0]), append(s, out[0])
	}
	return in, v, s
}

func TestG2NIRPaperTrace(t *testing.T) {
	in, v, s := runG2(t)
	var rows []int
	for i, x := range in {
		if x != 0 {
			rows = append(rows, i)
		}
	}
	if !slices.Equal(rows, g2Rows) {
		t.Fatalf("input rows %v, want %v", rows, g2Rows)
	}
	var spikeRows []int
	for i, x := range s {
		if x != 0 {
			spikeRows = append(spikeRows, i)
		}
	}
	if want := []int{461, 511, 711, 761}; !slices.Equal(spikeRows, want) {
		t.Errorf("output spikes at rows %v, want %v", spikeRows, want)
	}
	for row, want := range map[int]int32{61: 640, 62: 614, 63: 589, 459: 1145, 460: 1099, 461: 0, 511: 0, 711: 0, 761: 0} {
		if v[row] != want {
			t.Errorf("v[%d] = %d, want %d", row, v[row], want)
		}
	}

	// The whole CPU trace, bit for bit.
	var cpu strings.Builder
	for i := range in {
		fmt.Fprintf(&cpu, "%d,%.1f,%.1f\n", in[i], float64(v[i]), float64(s[i]))
	}
	if got := sha256.Sum256([]byte(cpu.String())); hex.EncodeToString(got[:]) != g2CPUSHA256 {
		t.Errorf("emulated trace differs from the public Lava CPU trace (SHA-256 %x); first rows:\n%s",
			got, cpu.String()[:min(400, cpu.Len())])
	}

	// The hardware trace equals the CPU trace in all 4 spike rows and in v
	// at the 996 other rows; at spike rows its probe shows v = 128 (a
	// probe-timing artefact: the next row is 0, so v was 0).
	var hw strings.Builder
	for i := range in {
		probe := v[i]
		if s[i] != 0 {
			probe = 128
		}
		fmt.Fprintf(&hw, "%d,%d,%.1f\n", in[i], probe, float64(s[i]))
	}
	if got := sha256.Sum256([]byte(hw.String())); hex.EncodeToString(got[:]) != g2HWSHA256 {
		t.Errorf("emulated trace with the probe artefact differs from the public Loihi 2 trace (SHA-256 %x)", got)
	}
	for _, r := range spikeRows {
		if v[r+1] != 0 {
			t.Errorf("v[%d] = %d after the spike at row %d; the artefact argument needs 0", r+1, v[r+1], r)
		}
	}
}
