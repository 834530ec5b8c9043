package emu

import (
	"fmt"
)

// SignMode is the sign convention of a Dense weight matrix. The numeric
// values are those of Lava's SignMode enum (NULL = 0, MIXED = 1,
// EXCITATORY = 2, INHIBITORY = 3).
type SignMode int

const (
	// SignAuto lets the weights decide: Excitatory if min(W) ≥ 0,
	// Inhibitory if max(W) ≤ 0, Mixed otherwise.
	SignAuto SignMode = iota
	// SignMixed: weights in [−256, 255], one bit of resolution spent on the
	// sign (8-bit weights become even numbers in [−256, 254]).
	SignMixed
	// SignExcitatory: weights in [0, 255].
	SignExcitatory
	// SignInhibitory: weights in [−255, 0].
	SignInhibitory
)

func (m SignMode) String() string {
	switch m {
	case SignAuto:
		return "AUTO"
	case SignMixed:
		return "MIXED"
	case SignExcitatory:
		return "EXCITATORY"
	case SignInhibitory:
		return "INHIBITORY"
	}
	return fmt.Sprintf("SignMode(%d)", int(m))
}

// MaxWeightBits is the weight width of Loihi's 8-bit synapses.
const MaxWeightBits = 8

// MaxDelay is the largest DelayDense delay.
const MaxDelay = 63

// ResolveSignMode returns mode unless it is SignAuto, and otherwise the mode
// Lava infers from the weights: Excitatory if min(w) ≥ 0 (also for empty or
// all-zero w), Inhibitory if max(w) ≤ 0, Mixed otherwise.
func ResolveSignMode[T int32 | float64](w []T, mode SignMode) SignMode {
	if mode != SignAuto {
		return mode
	}
	var lo, hi T
	for _, x := range w {
		lo, hi = min(lo, x), max(hi, x)
	}
	switch {
	case lo >= 0:
		return SignExcitatory
	case hi <= 0:
		return SignInhibitory
	}
	return SignMixed
}

// truncBits is the number of low bits Dense preparation clears:
// 8 − numWeightBits, plus one for Mixed.
func truncBits(numWeightBits int, mode SignMode) uint {
	nt := MaxWeightBits - numWeightBits
	if mode == SignMixed {
		nt++
	}
	return uint(nt)
}

// PrepareWeight applies Lava's bit-accurate Dense weight preparation
// (loihi_target.md §3) to one integer weight, with mode already resolved:
//
//  1. clip by mode: Excitatory [0, 255], Inhibitory [−255, 0],
//     Mixed [−256, 255];
//  2. clear the low nt = 8 − numWeightBits (+1 for Mixed) bits with an
//     arithmetic shift, (w >> nt) << nt; Inhibitory works on the magnitude
//     and negates back.
//
// So 8-bit Mixed gives 255 → 254, −255 → −256, −1 → −2, 1 → 0, and 6-bit
// Inhibitory gives −255 → −252, −3 → 0. PrepareWeight panics if mode is
// SignAuto or numWeightBits is outside 1…8.
func PrepareWeight(w int32, numWeightBits int, mode SignMode) int32 {
	if numWeightBits < 1 || numWeightBits > MaxWeightBits {
		panic(fmt.Sprintf("emu.PrepareWeight: numWeightBits = %d outside 1…8", numWeightBits))
	}
	nt := truncBits(numWeightBits, mode)
	switch mode {
	case SignExcitatory:
		w = min(max(w, 0), 255)
		return (w >> nt) << nt
	case SignInhibitory:
		m := min(max(-w, 0), 255)
		return -((m >> nt) << nt)
	case SignMixed:
		w = min(max(w, -256), 255)
		return (w >> nt) << nt
	}
	panic(fmt.Sprintf("emu.PrepareWeight: unresolved sign mode %v", mode))
}

// PrepareWeights returns a prepared copy of w (see PrepareWeight) and the
// sign mode used, resolving SignAuto from w as Lava does.
func PrepareWeights(w []int32, numWeightBits int, mode SignMode) ([]int32, SignMode) {
	mode = ResolveSignMode(w, mode)
	out := make([]int32, len(w))
	for i, x := range w {
		out[i] = PrepareWeight(x, numWeightBits, mode)
	}
	return out, mode
}

// DenseConfig holds the proc_params of a bit-accurate Dense or DelayDense.
// The zero value is Lava's default: weight_exp 0, 8-bit weights, sign mode
// from the weights, binary spikes.
type DenseConfig struct {
	// WeightExp scales the accumulated sum by 2^WeightExp (floor for
	// negative values). The quantizer uses −8…7; the emulator accepts
	// −62…62.
	WeightExp int
	// NumWeightBits is 1…8; 0 means 8.
	NumWeightBits int
	// SignMode; SignAuto means inferred from the weights.
	SignMode SignMode
	// NumMessageBits = 0 means binary spikes: every nonzero input counts as
	// one spike. A positive value means graded spikes: the input values
	// multiply the weights (W·s).
	NumMessageBits int
}

func (c *DenseConfig) check(what string) error {
	if c.NumWeightBits == 0 {
		c.NumWeightBits = MaxWeightBits
	}
	if c.NumWeightBits < 1 || c.NumWeightBits > MaxWeightBits {
		return fmt.Errorf("emu.%s: num_weight_bits = %d outside 1…8", what, c.NumWeightBits)
	}
	if c.WeightExp < -62 || c.WeightExp > 62 {
		return fmt.Errorf("emu.%s: weight_exp = %d outside −62…62", what, c.WeightExp)
	}
	if c.SignMode < SignAuto || c.SignMode > SignInhibitory {
		return fmt.Errorf("emu.%s: unknown sign mode %d", what, int(c.SignMode))
	}
	if c.NumMessageBits < 0 {
		return fmt.Errorf("emu.%s: num_message_bits = %d is negative", what, c.NumMessageBits)
	}
	return nil
}

// Dense is Lava's bit-accurate Dense connection (PyDenseModelBitAcc) from
// NIn senders to NOut receivers.
//
// A Dense is not safe for concurrent use.
type Dense struct {
	NOut, NIn int
	// W holds the prepared weights, row-major: W[i*NIn+j] connects sender
	// j to receiver i (Lava's weights[i, j]).
	W []int32
	// WeightExp, NumWeightBits and NumMessageBits as in DenseConfig;
	// SignMode is the resolved mode.
	WeightExp      int
	NumWeightBits  int
	SignMode       SignMode
	NumMessageBits int

	pending []int32 // activation computed in the previous step
	active  []int32 // scratch: indices of spiking senders
}

// NewDense prepares the weights w (row-major NOut×NIn, not modified) as
// Lava does on its first step and returns the connection with a zero
// pending activation. It returns an error for a wrong weight count or an
// invalid configuration.
func NewDense(nOut, nIn int, w []int32, cfg DenseConfig) (*Dense, error) {
	if err := cfg.check("NewDense"); err != nil {
		return nil, err
	}
	if nOut < 0 || nIn < 0 || len(w) != nOut*nIn {
		return nil, fmt.Errorf("emu.NewDense: %d weights for a %d×%d matrix", len(w), nOut, nIn)
	}
	pw, mode := PrepareWeights(w, cfg.NumWeightBits, cfg.SignMode)
	return &Dense{
		NOut: nOut, NIn: nIn, W: pw,
		WeightExp: cfg.WeightExp, NumWeightBits: cfg.NumWeightBits, SignMode: mode,
		NumMessageBits: cfg.NumMessageBits,
		pending:        make([]int32, nOut),
		active:         make([]int32, 0, nIn),
	}, nil
}

// Apply computes the activation of this step's input without latency:
// out[i] = ShiftActivation(Σ_j W[i,j]·s[j], WeightExp), where s[j] is 1 for
// any nonzero sIn[j] with binary spikes and sIn[j] itself with graded ones.
// The sum is formed in 64 bits and the result stored as int32 (it is not
// clipped to 16 bits, as in Lava). Apply allocates nothing; it panics on
// wrong slice lengths.
func (d *Dense) Apply(sIn, out []int32) {
	if len(sIn) != d.NIn || len(out) != d.NOut {
		panic(fmt.Sprintf("emu.Dense.Apply: len(sIn) = %d, len(out) = %d, want %d, %d", len(sIn), len(out), d.NIn, d.NOut))
	}
	e := int32(d.WeightExp)
	if d.NumMessageBits > 0 {
		for i := range out {
			row := d.W[i*d.NIn : (i+1)*d.NIn]
			var acc int64
			for j, s := range sIn {
				acc += int64(row[j]) * int64(s)
			}
			out[i] = int32(shift(acc, e))
		}
		return
	}
	act := d.active[:0]
	for j, s := range sIn {
		if s != 0 {
			act = append(act, int32(j))
		}
	}
	d.active = act
	for i := range out {
		row := d.W[i*d.NIn : (i+1)*d.NIn]
		var acc int64
		for _, j := range act {
			acc += int64(row[j])
		}
		out[i] = int32(shift(acc, e))
	}
}

// Step is one Lava time step of the connection: aOut receives the
// activation computed in the previous step (zero on the first step), and
// the activation of sIn is computed and kept for the next step. A spike
// sent at step t therefore reaches the receiver at step t+1. aOut may be
// nil. Step allocates nothing.
func (d *Dense) Step(sIn, aOut []int32) {
	if aOut != nil {
		if len(aOut) != d.NOut {
			panic(fmt.Sprintf("emu.Dense.Step: len(aOut) = %d, want %d", len(aOut), d.NOut))
		}
		copy(aOut, d.pending)
	}
	d.Apply(sIn, d.pending)
}

// StepAdd is Step, but adds the previous activation to aOut instead of
// overwriting it: the sum over several senders that one Lava InPort forms.
func (d *Dense) StepAdd(sIn, aOut []int32) {
	if len(aOut) != d.NOut {
		panic(fmt.Sprintf("emu.Dense.StepAdd: len(aOut) = %d, want %d", len(aOut), d.NOut))
	}
	for i, a := range d.pending {
		aOut[i] += a
	}
	d.Apply(sIn, d.pending)
}

// DelayDense is Lava's bit-accurate DelayDense (PyDelayDenseModelBitAcc):
// a Dense whose connection (i, j) has its own delay D[i,j] ∈ 0…63. A spike
// sent at step t over a connection with delay k reaches the receiver at
// step t + k + 1, so delay 0 behaves like Dense.
//
// Per step: send buffer column 0; zero it and rotate the buffer left by
// one; then, for each delay k, add ShiftActivation(Σ over spiking
// connections with delay k, WeightExp) into column k. The exponent is
// applied per (receiver, delay) sum.
//
// A DelayDense is not safe for concurrent use.
type DelayDense struct {
	NOut, NIn int
	// W holds the prepared weights and D the delays, both row-major.
	W []int32
	D []int32
	// MaxDelay is the largest usable delay; the buffer has MaxDelay+1
	// columns.
	MaxDelay       int
	WeightExp      int
	NumWeightBits  int
	SignMode       SignMode
	NumMessageBits int

	buf    []int32 // NOut rows × (MaxDelay+1) columns, ring indexed by head
	head   int
	acc    []int64 // scratch, MaxDelay+1
	active []int32 // scratch
}

// NewDelayDense prepares w like NewDense and checks the delays d (row-major
// NOut×NIn, integers 0…63). maxDelay ≤ 0 means max(d); a smaller positive
// maxDelay than max(d) is an error.
func NewDelayDense(nOut, nIn int, w, d []int32, maxDelay int, cfg DenseConfig) (*DelayDense, error) {
	if err := cfg.check("NewDelayDense"); err != nil {
		return nil, err
	}
	if nOut < 0 || nIn < 0 || len(w) != nOut*nIn || len(d) != len(w) {
		return nil, fmt.Errorf("emu.NewDelayDense: %d weights and %d delays for a %d×%d matrix", len(w), len(d), nOut, nIn)
	}
	dmax := 0
	for k, x := range d {
		if x < 0 || x > MaxDelay {
			return nil, fmt.Errorf("emu.NewDelayDense: delay[%d, %d] = %d outside 0…%d", k/max(nIn, 1), k%max(nIn, 1), x, MaxDelay)
		}
		dmax = max(dmax, int(x))
	}
	if maxDelay <= 0 {
		maxDelay = dmax
	} else if maxDelay < dmax {
		return nil, fmt.Errorf("emu.NewDelayDense: max_delay = %d below the largest delay %d", maxDelay, dmax)
	} else if maxDelay > MaxDelay {
		return nil, fmt.Errorf("emu.NewDelayDense: max_delay = %d above %d", maxDelay, MaxDelay)
	}
	pw, mode := PrepareWeights(w, cfg.NumWeightBits, cfg.SignMode)
	return &DelayDense{
		NOut: nOut, NIn: nIn, W: pw, D: append([]int32(nil), d...), MaxDelay: maxDelay,
		WeightExp: cfg.WeightExp, NumWeightBits: cfg.NumWeightBits, SignMode: mode,
		NumMessageBits: cfg.NumMessageBits,
		buf:            make([]int32, nOut*(maxDelay+1)),
		acc:            make([]int64, maxDelay+1),
		active:         make([]int32, 0, nIn),
	}, nil
}

// Step is one Lava time step: aOut (may be nil) receives column 0 of the
// buffer, then the buffer rotates and this step's input is added. It
// allocates nothing.
func (d *DelayDense) Step(sIn, aOut []int32) { d.step(sIn, aOut, false) }

// StepAdd is Step, adding column 0 into aOut instead of overwriting it.
func (d *DelayDense) StepAdd(sIn, aOut []int32) { d.step(sIn, aOut, true) }

func (d *DelayDense) step(sIn, aOut []int32, add bool) {
	if len(sIn) != d.NIn || aOut != nil && len(aOut) != d.NOut || add && aOut == nil {
		panic(fmt.Sprintf("emu.DelayDense.Step: len(sIn) = %d, len(aOut) = %d, want %d, %d", len(sIn), len(aOut), d.NIn, d.NOut))
	}
	cols := d.MaxDelay + 1
	col := func(i, k int) int { return i*cols + (d.head+k)%cols }
	// 1. send column 0; 2. zero it and rotate left by one.
	for i := 0; i < d.NOut; i++ {
		c := col(i, 0)
		if aOut != nil {
			if add {
				aOut[i] += d.buf[c]
			} else {
				aOut[i] = d.buf[c]
			}
		}
		d.buf[c] = 0
	}
	d.head = (d.head + 1) % cols
	// 3. add this step's shifted per-delay sums into column k.
	graded := d.NumMessageBits > 0
	act := d.active[:0]
	for j, s := range sIn {
		if s != 0 {
			act = append(act, int32(j))
		}
	}
	d.active = act
	if len(act) == 0 {
		return
	}
	e := int32(d.WeightExp)
	for i := 0; i < d.NOut; i++ {
		clear(d.acc)
		row, del := d.W[i*d.NIn:(i+1)*d.NIn], d.D[i*d.NIn:(i+1)*d.NIn]
		for _, j := range act {
			x := int64(row[j])
			if graded {
				x *= int64(sIn[j])
			}
			d.acc[del[j]] += x
		}
		for k, a := range d.acc {
			if a != 0 {
				c := col(i, k)
				d.buf[c] = int32(int64(d.buf[c]) + shift(a, e))
			}
		}
	}
}
