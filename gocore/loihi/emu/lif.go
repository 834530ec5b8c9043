package emu

import (
	"errors"
	"fmt"
)

// LIF is a population of Loihi 2 fixed-point LIF neurons (Lava's
// lava.proc.lif.process.LIF under PyLifModelBitAcc), stored as structure of
// arrays. The exported fields are the Lava Vars of the same names; set them
// directly. The zero value of every parameter is valid; NewLIF allocates
// the state.
//
// Step implements loihi_target.md §2.2. It does not check ranges (Lava's
// CPU model does not either); Validate reports values outside the hardware
// widths of §2.1.
//
// A LIF is not safe for concurrent use; distinct LIFs are independent.
type LIF struct {
	// U is the synaptic current, 24-bit, wrapping (one per neuron).
	U []int32
	// V is the membrane voltage, 24-bit, saturating (one per neuron).
	V []int32

	// DU is the current decay, 0…4095; the effective decay is DU + 1.
	DU int32
	// DV is the voltage decay, 0…4095 (0: no leak).
	DV int32
	// BiasMant (13-bit signed) and BiasExp (0…7) give the constant drive
	// BiasMant·2^BiasExp added to v each step, per neuron. A nil slice
	// means 0 for every neuron. Both are read every step, so changing them
	// between steps takes effect.
	BiasMant []int32
	BiasExp  []int32
	// VTh is the 17-bit threshold mantissa; a neuron spikes when
	// v > VTh·64. Like Lava's CPU model, the scaled threshold is latched on
	// the first Step: later changes to VTh are ignored (see ResetThreshold).
	VTh int32

	// InputOverflows counts the a_in elements so far that lay outside the
	// 16-bit port range [MinInput, MaxInput]. Such inputs are processed
	// unclipped, as by Lava's CPU model; the counter only reports them
	// (hardware behaviour on overflow is unknown, loihi_target.md §12).
	InputOverflows int64

	vthScaled int64
	latched   bool
}

// NewLIF returns a population of n neurons with u = v = 0, all parameters
// zero and per-neuron bias slices allocated.
func NewLIF(n int) *LIF {
	if n < 0 {
		panic(fmt.Sprintf("emu.NewLIF: negative size %d", n))
	}
	return &LIF{
		U:        make([]int32, n),
		V:        make([]int32, n),
		BiasMant: make([]int32, n),
		BiasExp:  make([]int32, n),
	}
}

// N returns the number of neurons.
func (l *LIF) N() int { return len(l.V) }

// ResetThreshold discards the latched threshold, so that the next Step
// scales the current VTh again. Lava's CPU model has no equivalent; use it
// only outside bit-exact comparisons.
func (l *LIF) ResetThreshold() { l.latched = false }

// Step advances every neuron by one time step (loihi_target.md §2.2):
//
//	u := WrapU(Decay(u, DU+1) + (a_in << 6))
//	v := SatV(Decay(v, DV) + u + BiasMant·2^BiasExp)
//	s := v > VTh << 6;   if s { v := 0 }
//
// aIn holds each neuron's summed input for this step (nil: no input).
// sOut, if not nil, receives 1 for a spike and 0 otherwise (Lava's s_out).
// Step returns the number of spikes and allocates nothing.
//
// Step panics if aIn or sOut is non-nil with a length other than N, or if
// U, BiasMant or BiasExp (when non-nil) has a length other than N.
func (l *LIF) Step(aIn, sOut []int32) int {
	n := len(l.V)
	if len(l.U) != n {
		panic(fmt.Sprintf("emu.LIF.Step: len(U) = %d, len(V) = %d", len(l.U), n))
	}
	if aIn != nil && len(aIn) != n {
		panic(fmt.Sprintf("emu.LIF.Step: len(aIn) = %d, want %d", len(aIn), n))
	}
	if sOut != nil && len(sOut) != n {
		panic(fmt.Sprintf("emu.LIF.Step: len(sOut) = %d, want %d", len(sOut), n))
	}
	mant, exp := l.BiasMant, l.BiasExp
	if mant != nil && len(mant) != n || exp != nil && len(exp) != n {
		panic(fmt.Sprintf("emu.LIF.Step: len(BiasMant) = %d, len(BiasExp) = %d, want %d", len(mant), len(exp), n))
	}
	if !l.latched {
		l.vthScaled = int64(l.VTh) << VThShift
		l.latched = true
	}
	ku := int64(DecayUnity - (l.DU + CurrentDecayOffset))
	kv := int64(DecayUnity - (l.DV + VoltageDecayOffset))
	vth := l.vthScaled
	u, v := l.U[:n], l.V[:n]
	spikes, overflows := 0, 0
	for i := range v {
		var a, eb int64
		if aIn != nil {
			a = int64(aIn[i])
			if uint64(a-MinInput) > MaxInput-MinInput {
				overflows++
			}
		}
		if mant != nil {
			var e int32
			if exp != nil {
				e = exp[i]
			}
			eb = shift(int64(mant[i]), e)
		}
		ui := WrapU(int64(u[i])*ku/DecayUnity + a<<ActShift)
		u[i] = ui
		vi := int64(SatV(int64(v[i])*kv/DecayUnity + int64(ui) + eb))
		var s int32
		if vi > vth {
			s, vi = 1, 0
			spikes++
		}
		v[i] = int32(vi)
		if sOut != nil {
			sOut[i] = s
		}
	}
	l.InputOverflows += int64(overflows)
	return spikes
}

// Validate reports every parameter or state value outside the Loihi 2
// widths of loihi_target.md §2.1, and inconsistent slice lengths. A nil
// result means the population is representable on the chip.
func (l *LIF) Validate() error {
	var errs []error
	n := len(l.V)
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf("emu.LIF: "+format, args...)) }
	if len(l.U) != n {
		bad("len(U) = %d, len(V) = %d", len(l.U), n)
	}
	if l.BiasMant != nil && len(l.BiasMant) != n {
		bad("len(BiasMant) = %d, want %d", len(l.BiasMant), n)
	}
	if l.BiasExp != nil && len(l.BiasExp) != n {
		bad("len(BiasExp) = %d, want %d", len(l.BiasExp), n)
	}
	if l.DU < 0 || l.DU > MaxDecay {
		bad("DU = %d outside 0…%d", l.DU, MaxDecay)
	}
	if l.DV < 0 || l.DV > MaxDecay {
		bad("DV = %d outside 0…%d", l.DV, MaxDecay)
	}
	if l.VTh < 0 || l.VTh > MaxVTh {
		bad("VTh = %d outside 0…%d", l.VTh, MaxVTh)
	}
	for i, m := range l.BiasMant {
		if m < MinBiasMant || m > MaxBiasMant {
			bad("BiasMant[%d] = %d outside %d…%d", i, m, MinBiasMant, MaxBiasMant)
		}
	}
	for i, e := range l.BiasExp {
		if e < 0 || e > MaxBiasExp {
			bad("BiasExp[%d] = %d outside 0…%d", i, e, MaxBiasExp)
		}
	}
	for i, x := range l.U {
		if x <= -MaxState || x > MaxState {
			bad("U[%d] = %d outside (−2²³, 2²³]", i, x)
		}
	}
	for i, x := range l.V {
		if x < -VMax || x > VMax {
			bad("V[%d] = %d outside ±(2²³−1)", i, x)
		}
	}
	return errors.Join(errs...)
}
