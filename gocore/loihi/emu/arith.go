package emu

// Constants of Loihi 2's fixed-point LIF (loihi_target.md §2.1).
const (
	// StateBits is the width of the neuron states u and v.
	StateBits = 24
	// MaxState is 2²³, the modulus half-width of u and one above the largest v.
	MaxState = 1 << (StateBits - 1)
	// VMax is the largest voltage, 2²³ − 1; the smallest is −VMax.
	VMax = MaxState - 1

	// DecayBits is the width of the decay constants du and dv.
	DecayBits = 12
	// DecayUnity is 2¹², the decay constant that forgets everything.
	DecayUnity = 1 << DecayBits
	// MaxDecay is the largest du or dv, 4095.
	MaxDecay = DecayUnity - 1
	// CurrentDecayOffset (ds_offset) is added to du before decaying u.
	CurrentDecayOffset = 1
	// VoltageDecayOffset (dm_offset) is added to dv before decaying v.
	VoltageDecayOffset = 0

	// ActShift is the left shift applied to a_in before it is added to u.
	ActShift = 6
	// VThShift is the left shift applied to vth.
	VThShift = 6

	// MaxVTh is the largest 17-bit threshold mantissa, 131071.
	MaxVTh = 1<<17 - 1
	// MinBiasMant and MaxBiasMant bound the 13-bit signed bias mantissa.
	MinBiasMant, MaxBiasMant = -1 << 12, 1<<12 - 1
	// MaxBiasExp is the largest 3-bit bias exponent.
	MaxBiasExp = 7

	// MinInput and MaxInput bound the 16-bit a_in / a_out port.
	MinInput, MaxInput = -1 << 15, 1<<15 - 1
	// MaxExactInput is the largest |a_in| for which the single conditional
	// wrap of u (and so Lava's CPU model) is exactly reproduced: 2¹⁷, since
	// 2¹⁷ << 6 = 2²³.
	MaxExactInput = 1 << 17
)

// Decay returns x·(4096 − d)/4096 truncated toward zero, computed with a
// 64-bit product: sign(x·k)·(|x·k| >> 12) with k = 4096 − d.
//
// d is the effective decay constant: dv for the voltage, du + 1 for the
// current. d = 0 leaves x unchanged, d = 4096 gives 0. For d outside
// 0…4096 the formula is applied as is (k negative or above 4096); such d
// never arise from valid parameters.
func Decay(x int32, d int32) int32 {
	// Go's integer division truncates toward zero, which is exactly
	// sign(p)·(|p| >> 12).
	return int32(int64(x) * int64(DecayUnity-d) / DecayUnity)
}

// WrapU reduces a current value into the 24-bit interval (−2²³, 2²³].
//
// For |x| ≤ 2²⁴ this is the single conditional wrap of loihi_target.md §2.2
// step 2 (x > 2²³ → x − 2²⁴; x ≤ −2²³ → x + 2²⁴). Note the asymmetry:
// +2²³ is kept, −2²³ becomes +2²³. Larger |x| cannot arise when
// |a_in| ≤ MaxExactInput; for them WrapU keeps wrapping (it reduces modulo
// 2²⁴ into the same interval), a choice of ours: neither Lava's CPU model
// nor the hardware define that case.
func WrapU(x int64) int32 {
	const m = 2 * MaxState
	if x > MaxState {
		x -= m
	} else if x <= -MaxState {
		x += m
	}
	if x > MaxState || x <= -MaxState { // only for inputs beyond MaxExactInput
		x = ((x+MaxState-1)%m+m)%m - MaxState + 1
	}
	return int32(x)
}

// SatV clamps a voltage value to [−(2²³ − 1), 2²³ − 1].
func SatV(x int64) int32 {
	if x > VMax {
		return VMax
	}
	if x < -VMax {
		return -VMax
	}
	return int32(x)
}

// EffectiveBias returns mant·2^exp: mant << exp for exp ≥ 0 and the
// arithmetic (flooring) right shift mant >> −exp for exp < 0, as Lava's CPU
// model does. The bias is not shifted by 6.
func EffectiveBias(mant, exp int32) int64 {
	return shift(int64(mant), exp)
}

// ShiftActivation applies a Dense weight exponent to an accumulated sum:
// acc << exp for exp > 0, acc >> −exp otherwise (an arithmetic shift, i.e.
// floor: −3 >> 1 = −2). It is applied after summation (loihi_target.md §3).
func ShiftActivation(acc int64, exp int) int64 {
	return shift(acc, int32(exp))
}

// shift is x·2^e with flooring for e < 0. Shift counts of 63 and more give
// the limit value (0 or −1 to the right, 0 to the left after overflow), as
// Go defines large shifts.
func shift(x int64, e int32) int64 {
	if e >= 0 {
		return x << uint32(e)
	}
	return x >> uint32(-e)
}
