package emu

import (
	"errors"
	"math"
	"slices"
	"testing"
)

func relErr(got, want float64) float64 { return (got - want) / want }

// TestWorkedExample reproduces the integer format numbers of
// loihi_target.md §7.2: iaf_psc_exp, C_m = 250 pF, τ_m = 10 ms,
// τ_s = 2 ms, E_L = V_reset = −70 mV, V_th = −55 mV, h = 0.1 ms.
func TestWorkedExample(t *testing.T) {
	const c, tauM, tauS, theta = 250.0, 10.0, 2.0, 15.0
	prop := func(h float64) (p11, p22, p21, p20 float64) {
		p11, p22 = math.Exp(-h/tauS), math.Exp(-h/tauM)
		p21 = tauS * tauM / (c * (tauM - tauS)) * (p22 - p11)
		p20 = tauM / c * (1 - p22)
		return
	}
	p11, p22, p21, p20 := prop(0.1)

	dv, err := VoltageDecay(p22)
	if err != nil || dv != 41 {
		t.Errorf("dv = %d, %v; want 41", dv, err)
	}
	du, err := CurrentDecay(p11)
	if err != nil || du != 199 {
		t.Errorf("du = %d, %v; want 199", du, err)
	}
	for _, tc := range []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"exact dv", (1 - p22) * 4096, 40.75588096, 1e-8},
		{"exact du+1", (1 - p11) * 4096, 199.76427725, 1e-8},
		{"τ_m,eff", EffectiveTau(0.1, dv), 9.94016007, 1e-8},
		{"τ_s,eff", EffectiveTau(0.1, du+1), 1.99758285, 1e-8},
		{"τ_m,eff rel error", relErr(EffectiveTau(0.1, dv), tauM), -0.00598399, 1e-8},
		{"τ_s,eff rel error", relErr(EffectiveTau(0.1, du+1), tauS), -0.00120857, 1e-8},
	} {
		if math.Abs(tc.got-tc.want) > tc.tol {
			t.Errorf("%s = %.10g, want %.10g", tc.name, tc.got, tc.want)
		}
	}

	// Scale from vth_mant = 49151, then bias for I_e = 450 pA and a 100 pA
	// weight; and the hand-chosen vth_mant = 37500 variant (A = 160000).
	for _, tc := range []struct {
		vthMant                 float64
		ie                      float64
		wantMant, wantExp       int32
		wantBiasErr             float64
		wantW8                  int32
		wantWExp                int
		wantWErr, wErrTol, bTol float64
	}{
		{49151, 450, 2347, 4, -0.00020915, 254, -1, -0.0016047, 1e-6, 1e-7},
		{37500, 376, 2993, 3, -3e-6, 194, -1, -0.0005, 1e-4, 1e-6},
	} {
		a := 64 * tc.vthMant / theta
		b := p20 * tc.ie * a // (1 − P22)·(E_L − V_reset) = 0
		mant, exp, err := QuantizeBias(b)
		if err != nil || mant != tc.wantMant || exp != tc.wantExp {
			t.Errorf("A = %g: bias %g → %d·2^%d, %v; want %d·2^%d", a, b, mant, exp, err, tc.wantMant, tc.wantExp)
		}
		if e := relErr(float64(EffectiveBias(mant, exp)), b); math.Abs(e-tc.wantBiasErr) > tc.bTol {
			t.Errorf("A = %g: bias rel error %.3g, want %.3g", a, e, tc.wantBiasErr)
		}
		j := p21 * 100 * a
		w, we, err := QuantizeWeights([]float64{j}, SignAuto, 0)
		if err != nil || w[0] != tc.wantW8 || we != tc.wantWExp {
			t.Errorf("A = %g: J = %g → %v·2^(6%+d), %v; want %d, %d", a, j, w, we, err, tc.wantW8, tc.wantWExp)
			continue
		}
		if e := relErr(WeightValue(w[0], we), j); math.Abs(e-tc.wantWErr) > tc.wErrTol {
			t.Errorf("A = %g: weight rel error %.5g, want %.5g", a, e, tc.wantWErr)
		}
	}
	if a := 64 * 49151.0 / theta; math.Abs(a-209710.93333333332) > 1e-9 {
		t.Errorf("A = %.12g", a)
	}
	if j := p21 * 100 * 64 * 49151 / theta; math.Abs(j-8141.06) > 0.005 {
		t.Errorf("J = %.6g, want 8141.06", j)
	}

	// At h = 1 ms: dv = 390, τ_m,eff = 9.9942 ms.
	_, p22, _, _ = prop(1)
	if dv, _ := VoltageDecay(p22); dv != 390 || math.Abs(EffectiveTau(1, dv)-9.9942) > 5e-5 {
		t.Errorf("h = 1: dv = %d, τ_eff = %.6g; want 390, 9.9942", dv, EffectiveTau(1, dv))
	}
}

func TestQuantizeWeights(t *testing.T) {
	tests := []struct {
		name  string
		j     []float64
		mode  SignMode
		bits  int
		want  []int32
		wantE int
	}{
		{"max fits at the smallest exponent", []float64{255 * 4, 1}, SignAuto, 0, []int32{255, 0}, -4},
		{"rounding up past 255 moves the exponent", []float64{255.5 * 64}, SignAuto, 0, []int32{128}, 1},
		{"half away from zero", []float64{-255 * 64, -2.5 * 64}, SignAuto, 0, []int32{-255, -3}, 0},
		{"inhibitory 6 bits on multiples of 4", []float64{-252 * 64, -6 * 64}, SignInhibitory, 6, []int32{-252, -8}, 0},
		{"mixed keeps even values", []float64{3 * 16, -256 * 16, 1 * 16, 0.9 * 16}, SignAuto, 0, []int32{4, -256, 2, 0}, -2},
		{"all zero", []float64{0, 0}, SignAuto, 0, []int32{0, 0}, 0},
		{"largest", []float64{255 << 13}, SignAuto, 0, []int32{255}, 7},
		{"smallest", []float64{0.125}, SignAuto, 0, []int32{1}, -8},
	}
	for _, tc := range tests {
		w, e, err := QuantizeWeights(tc.j, tc.mode, tc.bits)
		if err != nil || !slices.Equal(w, tc.want) || e != tc.wantE {
			t.Errorf("%s: %v → %v·2^(6%+d), %v; want %v, %d", tc.name, tc.j, w, e, err, tc.want, tc.wantE)
			continue
		}
		// The integers survive Dense preparation unchanged.
		mode := ResolveSignMode(tc.j, tc.mode)
		bits := max(tc.bits, 0)
		if bits == 0 {
			bits = 8
		}
		if p, _ := PrepareWeights(w, bits, mode); !slices.Equal(p, w) {
			t.Errorf("%s: preparation changes %v to %v", tc.name, w, p)
		}
	}
	for _, tc := range []struct {
		name string
		j    []float64
		mode SignMode
	}{
		{"too large", []float64{255.5 * (1 << 13)}, SignAuto},
		{"underflow", []float64{0.12}, SignAuto},
		{"NaN", []float64{math.NaN()}, SignAuto},
		{"negative excitatory", []float64{-1}, SignExcitatory},
		{"positive inhibitory", []float64{1}, SignInhibitory},
	} {
		if _, _, err := QuantizeWeights(tc.j, tc.mode, 0); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	exc, inh := SplitSigns([]float64{3, -2, 0})
	if !slices.Equal(exc, []float64{3, 0, 0}) || !slices.Equal(inh, []float64{0, -2, 0}) {
		t.Errorf("SplitSigns: %v, %v", exc, inh)
	}
}

func TestQuantizeBiasAndDecayEdges(t *testing.T) {
	for _, tc := range []struct {
		b         float64
		mant, exp int32
		wantErr   bool
	}{
		{0, 0, 0, false}, {4095, 4095, 0, false}, {4095.5, 2048, 1, false}, {-4096, -2048, 1, false},
		{4095 * 128, 4095, 7, false}, {4095.4 * 128, 4095, 7, false}, {4095.5 * 128, 0, 0, true},
		{math.Inf(1), 0, 0, true},
	} {
		m, e, err := QuantizeBias(tc.b)
		if (err != nil) != tc.wantErr || !tc.wantErr && (m != tc.mant || e != tc.exp) {
			t.Errorf("QuantizeBias(%g) = %d, %d, %v", tc.b, m, e, err)
		}
	}
	if _, err := VoltageDecay(math.Exp(-0.1 / 1000)); !errors.Is(err, ErrDecayUnderflow) {
		t.Errorf("τ_m = 1000 ms at h = 0.1 ms: %v, want ErrDecayUnderflow", err)
	}
	if dv, err := VoltageDecay(0); dv != MaxDecay || err != nil {
		t.Errorf("VoltageDecay(0) = %d, %v; want 4095", dv, err)
	}
	if du, _ := CurrentDecay(0); du != MaxDecay {
		t.Errorf("CurrentDecay(0) = %d, want 4095 (delta input)", du)
	}
	if du, _ := CurrentDecay(1); du != 0 {
		t.Errorf("CurrentDecay(1) = %d, want 0", du)
	}
	if !math.IsInf(EffectiveTau(0.1, 0), 1) || EffectiveTau(0.1, DecayUnity) != 0 {
		t.Errorf("EffectiveTau limits: %v, %v", EffectiveTau(0.1, 0), EffectiveTau(0.1, DecayUnity))
	}
}
