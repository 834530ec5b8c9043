package emu

import (
	"errors"
	"fmt"
	"math"
)

// Weight exponents the quantizer chooses from (loihi_target.md §7.1 step 4).
const (
	MinWeightExp = -8
	MaxWeightExp = 7
)

// ErrDecayUnderflow reports a voltage decay that rounds to 0 (no leak),
// LOIHI_E_DECAY_UNDERFLOW unless the caller allows a non-leaking state.
var ErrDecayUnderflow = errors.New("emu: decay rounds to 0 (τ > ~8192·h): the state would not leak")

// WeightValue returns what an integer Dense weight w with exponent
// weightExp is worth in LIF units (LSB of u and v): w·2^(6+weightExp).
func WeightValue(w int32, weightExp int) float64 {
	return math.Ldexp(float64(w), ActShift+weightExp)
}

// weightGrid returns the spacing and bounds of the integer weights that
// Dense preparation leaves unchanged for a resolved mode.
func weightGrid(numWeightBits int, mode SignMode) (step, lo, hi int64) {
	step = 1 << truncBits(numWeightBits, mode)
	top := 255 / step * step
	switch mode {
	case SignExcitatory:
		return step, 0, top
	case SignInhibitory:
		return step, -top, 0
	}
	return step, -256, top
}

// QuantizeWeights converts target weights j, given in LIF units (LSB of u
// and v, e.g. J = P21·w·A for iaf_psc_exp), into Dense integers w and a
// shared exponent weightExp, per loihi_target.md §7.1 step 4:
//
//	w[k] = round(j[k] / 2^(6+weightExp))      (round half away from zero)
//
// with the smallest weightExp ∈ −8…7, i.e. the one maximizing max|w|, such
// that every w[k] survives Dense preparation unchanged: |w| ≤ 255 for
// Excitatory and Inhibitory 8-bit weights. For numWeightBits < 8 or Mixed
// mode, w is rounded to the coarser grid that preparation keeps, a multiple
// of 2^nt (nt = 8 − numWeightBits, +1 for Mixed); Mixed allows −256…254.
//
// mode SignAuto is resolved from the signs of j as Lava resolves it; a
// mixed-sign j then gets Mixed mode with half the resolution; split it into
// two projections instead (SplitSigns). numWeightBits 0 means 8.
//
// Errors: a non-finite j; a negative j with Excitatory or a positive one
// with Inhibitory mode; weights too large for weightExp = 7; nonzero
// weights that all round to 0 even at weightExp = −8. All-zero j gives
// zeros with weightExp 0.
func QuantizeWeights(j []float64, mode SignMode, numWeightBits int) (w []int32, weightExp int, err error) {
	if numWeightBits == 0 {
		numWeightBits = MaxWeightBits
	}
	if numWeightBits < 1 || numWeightBits > MaxWeightBits {
		return nil, 0, fmt.Errorf("emu.QuantizeWeights: num_weight_bits = %d outside 1…8", numWeightBits)
	}
	if mode < SignAuto || mode > SignInhibitory {
		return nil, 0, fmt.Errorf("emu.QuantizeWeights: unknown sign mode %d", int(mode))
	}
	mode = ResolveSignMode(j, mode)
	maxAbs := 0.0
	for k, x := range j {
		switch {
		case math.IsNaN(x) || math.IsInf(x, 0):
			return nil, 0, fmt.Errorf("emu.QuantizeWeights: weight %d is %v", k, x)
		case x < 0 && mode == SignExcitatory:
			return nil, 0, fmt.Errorf("emu.QuantizeWeights: weight %d = %g is negative in an EXCITATORY projection", k, x)
		case x > 0 && mode == SignInhibitory:
			return nil, 0, fmt.Errorf("emu.QuantizeWeights: weight %d = %g is positive in an INHIBITORY projection", k, x)
		}
		maxAbs = max(maxAbs, math.Abs(x))
	}
	w = make([]int32, len(j))
	if maxAbs == 0 {
		return w, 0, nil
	}
	step, lo, hi := weightGrid(numWeightBits, mode)
	q := func(x float64, e int) int64 {
		return step * int64(math.Round(math.Ldexp(x, -(ActShift+e))/float64(step)))
	}
	for e := MinWeightExp; e <= MaxWeightExp; e++ {
		fits, nonzero := true, false
		for _, x := range j {
			v := q(x, e)
			if v < lo || v > hi {
				fits = false
				break
			}
			nonzero = nonzero || v != 0
		}
		if !fits {
			continue
		}
		if !nonzero {
			return nil, 0, fmt.Errorf("emu.QuantizeWeights: every weight rounds to 0 (max |J| = %g LSB, below the finest step %g)",
				maxAbs, WeightValue(int32(step), MinWeightExp))
		}
		for k, x := range j {
			w[k] = int32(q(x, e))
		}
		return w, e, nil
	}
	return nil, 0, fmt.Errorf("emu.QuantizeWeights: max |J| = %g LSB exceeds the largest %s weight %d·2^%d",
		maxAbs, mode, max(hi, -lo), ActShift+MaxWeightExp)
}

// SplitSigns splits a signed weight matrix into its excitatory part
// (max(w, 0)) and inhibitory part (min(w, 0)), to be quantized and
// connected as two projections onto the same input, each keeping 8 bits of
// magnitude (loihi_target.md §7.1 step 4).
func SplitSigns(w []float64) (exc, inh []float64) {
	exc, inh = make([]float64, len(w)), make([]float64, len(w))
	for k, x := range w {
		if x > 0 {
			exc[k] = x
		} else if x < 0 {
			inh[k] = x
		}
	}
	return exc, inh
}

// QuantizeBias splits a bias b in LSB per step into mantissa and exponent
// (loihi_target.md §7.1 step 3): the smallest exp ∈ 0…7 with
// |round(b/2^exp)| ≤ 4095, and mant = round(b/2^exp) (half away from zero).
// It returns an error if b is not finite or no exponent fits
// (|b| ≥ 4095.5·2⁷).
func QuantizeBias(b float64) (mant, exp int32, err error) {
	if math.IsNaN(b) || math.IsInf(b, 0) {
		return 0, 0, fmt.Errorf("emu.QuantizeBias: bias is %v", b)
	}
	for e := int32(0); e <= MaxBiasExp; e++ {
		m := math.Round(math.Ldexp(b, -int(e)))
		if math.Abs(m) <= MaxBiasMant {
			return int32(m), e, nil
		}
	}
	return 0, 0, fmt.Errorf("emu.QuantizeBias: |bias| = %g LSB exceeds 4095·2^7", math.Abs(b))
}

// VoltageDecay returns dv = round((1 − p22)·4096) for the one-step voltage
// propagator p22 = exp(−h/τ_m) (loihi_target.md §7.1 step 1), clipped to
// 4095 at the top. A result of 0 is returned together with
// ErrDecayUnderflow.
func VoltageDecay(p22 float64) (int32, error) {
	d := min(math.Round((1-p22)*DecayUnity), MaxDecay)
	if !(d >= 0) {
		return 0, fmt.Errorf("emu.VoltageDecay: propagator %v outside [0, 1]", p22)
	}
	if d == 0 {
		return 0, ErrDecayUnderflow
	}
	return int32(d), nil
}

// CurrentDecay returns du = round((1 − p11)·4096) − 1, clipped to 0…4095,
// for the one-step current propagator p11 = exp(−h/τ_s): Loihi adds 1 to
// du, so the effective decay du + 1 is the rounded exact one.
func CurrentDecay(p11 float64) (int32, error) {
	d := math.Round((1-p11)*DecayUnity) - CurrentDecayOffset
	if math.IsNaN(d) || p11 < 0 || p11 > 1 {
		return 0, fmt.Errorf("emu.CurrentDecay: propagator %v outside [0, 1]", p11)
	}
	return int32(min(max(d, 0), MaxDecay)), nil
}

// EffectiveTau returns the time constant −h / ln(1 − d/4096) realized by an
// effective decay d (dv for the voltage, du + 1 for the current), in the
// unit of h. d = 0 gives +Inf, d = 4096 gives 0.
func EffectiveTau(h float64, d int32) float64 {
	return -h / math.Log1p(-float64(d)/DecayUnity)
}
