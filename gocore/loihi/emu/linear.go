package emu

import (
	"fmt"
)

// Linear is a population of "Loihi-style" fixed-point neurons with an
// arbitrary linear state vector: the fixed-point process model that the
// Loihi generator writes for tier B models (loihi_target.md §6.1), which run
// on a CPU only. It is not stock Loihi arithmetic (no public Loihi 2
// microcode exists for it); it follows Loihi's integer conventions so that
// its rounding behaves like the chip's would:
//
//   - every state is a 24-bit integer; the membrane (state VIndex)
//     saturates like v (SatV), every other state wraps like u (WrapU);
//   - every diagonal propagator is a 12-bit decay truncated toward zero,
//     Decay(x, d) with d ∈ 0…4096 (no +1 offset: d is the effective decay);
//   - every off-diagonal propagator entry is a Term, a signed mantissa
//     times a power of two: MulShift(x, mant, exp) = x·mant·2^exp, with the
//     product formed in 64 bits and a negative exponent truncating toward
//     zero like a decay;
//   - each state has a constant per-step drive Bias[r] = BiasMant·2^BiasExp
//     (13-bit mantissa, exponent 0…7 as the LIF bias);
//   - spike inputs arrive as Dense activations, shifted left by 6 like a_in;
//   - the threshold is strict, at VTh·64; reset sets the membrane to 0;
//   - refractoriness is an integer counter of RefrSteps steps.
//
// One Step is NEST's update order (nest_target.md §4.5), per neuron:
//
//	refr := C > 0;  if refr { C-- }
//	for every state r except the membrane when refr (simultaneously, from the old x):
//	    y_r := Decay(x_r, D[r]) + Σ_{terms (r,c)} MulShift(x_c, mant, exp) + Bias[r]
//	x_r := SatV(y_r) for the membrane, WrapU(y_r) otherwise
//	for each port p with activation a_p (Ports[p]):
//	    delta port (into the membrane), only if !refr:  x_V := SatV(x_V + a_p<<6)
//	    other ports:                                    x_s := WrapU(x_s + a_p<<6)
//	spike := C == 0 && x_V > VTh<<6;  if spike { x_V := 0; C := RefrSteps }
//
// A Linear is not safe for concurrent use.
type Linear struct {
	// X holds the states, X[r][i] for state r of neuron i.
	X [][]int32
	// Counter is the refractory counter per neuron.
	Counter []int32

	// VIndex is the membrane state.
	VIndex int
	// D are the per-state decays 0…4096.
	D []int32
	// Terms are the off-diagonal propagator entries.
	Terms []Term
	// BiasMant and BiasExp give the per-state constant drive (nil: none).
	BiasMant, BiasExp []int32
	// VTh is the threshold mantissa (spike when x_V > VTh·64).
	VTh int32
	// RefrSteps is the number of refractory steps after a spike.
	RefrSteps int32
	// Ports route the activation of each input port to a state.
	Ports []LinearPort

	next []int64 // scratch: new values of one neuron
}

// Term is one off-diagonal propagator entry: state Row receives
// MulShift(x[Col], Mant, Exp).
type Term struct {
	Row, Col int
	Mant     int32
	Exp      int
}

// LinearPort routes one input port: its activation, shifted left by 6, is
// added to State. Delta marks input into the membrane that is discarded
// while the neuron is refractory (a delta kernel, applied at integration).
type LinearPort struct {
	State int
	Delta bool
}

// MulShift returns x·mant·2^exp with a 64-bit product; a negative exp
// shifts right truncating toward zero (like Decay), a positive one left.
func MulShift(x int32, mant int32, exp int) int64 {
	p := int64(x) * int64(mant)
	if exp >= 0 {
		return p << uint(exp)
	}
	if exp <= -63 {
		return 0
	}
	return p / (int64(1) << uint(-exp)) // Go's division truncates toward zero
}

// NewLinear returns a population of n neurons with k states, all zero.
func NewLinear(k, n int) *Linear {
	if k < 1 || n < 0 {
		panic(fmt.Sprintf("emu.NewLinear: k = %d, n = %d", k, n))
	}
	x := make([][]int32, k)
	for r := range x {
		x[r] = make([]int32, n)
	}
	return &Linear{X: x, Counter: make([]int32, n), D: make([]int32, k), next: make([]int64, k)}
}

// N returns the number of neurons.
func (l *Linear) N() int { return len(l.Counter) }

// Validate reports parameters outside their ranges.
func (l *Linear) Validate() error {
	k := len(l.X)
	switch {
	case l.VIndex < 0 || l.VIndex >= k:
		return fmt.Errorf("emu.Linear: VIndex %d outside 0…%d", l.VIndex, k-1)
	case len(l.D) != k:
		return fmt.Errorf("emu.Linear: %d decays for %d states", len(l.D), k)
	case l.BiasMant != nil && len(l.BiasMant) != k, l.BiasExp != nil && len(l.BiasExp) != k:
		return fmt.Errorf("emu.Linear: bias slices must have %d entries", k)
	case l.VTh < 0 || l.VTh > MaxVTh:
		return fmt.Errorf("emu.Linear: VTh = %d outside 0…%d", l.VTh, MaxVTh)
	case l.RefrSteps < 0:
		return fmt.Errorf("emu.Linear: RefrSteps = %d is negative", l.RefrSteps)
	}
	for r, d := range l.D {
		if d < 0 || d > DecayUnity {
			return fmt.Errorf("emu.Linear: D[%d] = %d outside 0…%d", r, d, DecayUnity)
		}
	}
	for _, t := range l.Terms {
		if t.Row < 0 || t.Row >= k || t.Col < 0 || t.Col >= k || t.Row == t.Col {
			return fmt.Errorf("emu.Linear: term (%d,%d) invalid", t.Row, t.Col)
		}
	}
	for r := range l.BiasMant {
		if m := l.BiasMant[r]; m < MinBiasMant || m > MaxBiasMant {
			return fmt.Errorf("emu.Linear: BiasMant[%d] = %d outside %d…%d", r, m, MinBiasMant, MaxBiasMant)
		}
		if e := l.BiasExp[r]; e < 0 || e > MaxBiasExp {
			return fmt.Errorf("emu.Linear: BiasExp[%d] = %d outside 0…%d", r, e, MaxBiasExp)
		}
	}
	for p, pt := range l.Ports {
		if pt.State < 0 || pt.State >= k || pt.Delta && pt.State != l.VIndex {
			return fmt.Errorf("emu.Linear: port %d routes to invalid state %d", p, pt.State)
		}
	}
	return nil
}

// Step advances every neuron by one step. aIn[p] holds the activation of
// port p per neuron (nil: no input). sOut, if not nil, receives 0/1. Step
// returns the number of spikes. It panics on slice lengths that do not
// match.
func (l *Linear) Step(aIn [][]int32, sOut []int32) int {
	n := l.N()
	k := len(l.X)
	if aIn != nil && len(aIn) != len(l.Ports) {
		panic(fmt.Sprintf("emu.Linear.Step: %d input ports, want %d", len(aIn), len(l.Ports)))
	}
	if sOut != nil && len(sOut) != n {
		panic(fmt.Sprintf("emu.Linear.Step: len(sOut) = %d, want %d", len(sOut), n))
	}
	if len(l.next) != k {
		l.next = make([]int64, k)
	}
	vth := int64(l.VTh) << VThShift
	vi := l.VIndex
	spikes := 0
	for i := 0; i < n; i++ {
		refr := l.Counter[i] > 0
		if refr {
			l.Counter[i]--
		}
		for r := 0; r < k; r++ {
			y := int64(Decay(l.X[r][i], l.D[r]))
			if l.BiasMant != nil {
				y += EffectiveBias(l.BiasMant[r], l.BiasExp[r])
			}
			l.next[r] = y
		}
		for _, t := range l.Terms {
			l.next[t.Row] += MulShift(l.X[t.Col][i], t.Mant, t.Exp)
		}
		for r := 0; r < k; r++ {
			if r == vi {
				if !refr {
					l.X[r][i] = SatV(l.next[r])
				}
				continue
			}
			l.X[r][i] = WrapU(l.next[r])
		}
		for p, pt := range l.Ports {
			if aIn == nil || aIn[p] == nil {
				continue
			}
			a := int64(aIn[p][i]) << ActShift
			if a == 0 {
				continue
			}
			if pt.State == vi {
				if pt.Delta && refr {
					continue
				}
				l.X[vi][i] = SatV(int64(l.X[vi][i]) + a)
				continue
			}
			l.X[pt.State][i] = WrapU(int64(l.X[pt.State][i]) + a)
		}
		var s int32
		if l.Counter[i] == 0 && int64(l.X[vi][i]) > vth {
			s = 1
			l.X[vi][i] = 0
			l.Counter[i] = l.RefrSteps
			spikes++
		}
		if sOut != nil {
			sOut[i] = s
		}
	}
	return spikes
}
