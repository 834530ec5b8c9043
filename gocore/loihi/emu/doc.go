// Package emu is a bit-exact emulator of Loihi 2's fixed-point LIF neuron
// and Dense/DelayDense connection arithmetic, as defined by Lava's
// bit-accurate CPU models.
//
// It is the always-available reference of the Loihi target
// (loihi_target.md §1): it needs neither Python nor Lava, and the Lava
// tests compare generated and stock Lava processes against it bit for bit.
//
// # Reference
//
// The public bit-level definition of the Loihi 2 LIF is Lava 0.10.0's
// PyLifModelBitAcc (process lava.proc.lif.process.LIF, tags "fixed_pt" and
// "bit_accurate_loihi"); of the connections, PyDenseModelBitAcc and
// PyDelayDenseModelBitAcc. This package implements loihi_target.md §2.1–§2.2
// and §3, which state that arithmetic; it contains no Lava code.
//
// # Widths
//
//	u       current           24-bit signed, wraps        int32 storage
//	v       voltage           24-bit signed, saturates    int32 storage
//	du, dv  decays            12-bit unsigned, 0…4095     one per population
//	bias    mantissa·2^exp    13-bit signed · 2^(0…7)     per neuron
//	vth     threshold         17-bit unsigned, 0…131071   one per population
//	a_in    input             16-bit port (not clipped)   sum over senders
//	w       weight            8-bit, by sign mode         per connection
//
// # One LIF step
//
// With 64-bit intermediate products and
//
//	Decay(x, d) = sign(x·(4096−d)) · (|x·(4096−d)| >> 12)    (truncation toward zero)
//
// one time step of LIF.Step is, per neuron:
//
//	eb := bias_mant << bias_exp         (>> −bias_exp if negative; every step)
//	u  := Decay(u, du + 1) + (a_in << 6)
//	u  := u − 2²⁴ if u > 2²³;  u + 2²⁴ if u ≤ −2²³                (WrapU)
//	v  := Decay(v, dv) + u + eb
//	v  := clamp(v, −(2²³ − 1), 2²³ − 1)                           (SatV)
//	s  := v > vth << 6                  (vth << 6 latched on the first step)
//	if s { v := 0 }
//
// Special cases, all of them Lava's and all reproduced:
//
//   - The current decay is du + 1 (ds_offset = 1): du = 0 still loses
//     1/4096 per step and du = 4095 forgets the current entirely, so that
//     u = a_in << 6 (delta synapses). The voltage decay is dv as is
//     (dm_offset = 0): dv = 0 means no leak.
//   - Decays truncate toward zero, not toward −∞: Decay(−1, 1) = 0 and
//     Decay(−3, 2048) = −1. Go's integer division truncates, so Decay is
//     x·(4096−d)/4096 in int64.
//   - The wrap of u is asymmetric: +2²³ is kept, −2²³ becomes +2²³, so u
//     lies in (−2²³, 2²³]. The single conditional wrap suffices whenever
//     |a_in| ≤ 2¹⁷ (MaxExactInput), which includes every 16-bit input. For
//     larger inputs, neither Lava nor the hardware define the result;
//     WrapU then keeps reducing modulo 2²⁴ into the same interval (our
//     choice) so that u stays 24-bit.
//   - v saturates at ±(2²³ − 1) before the threshold test; it never
//     reaches −2²³.
//   - The threshold test is strict: v = vth·64 does not fire. Weights (via
//     a_in) and the threshold carry the factor 2⁶, the bias does not.
//   - Reset sets v to 0 and leaves u untouched. There is no refractory
//     period (public Lava has no fixed-point refractory model).
//   - vth·64 is computed on the first step only: later changes of VTh have
//     no effect (LIF.ResetThreshold drops the latch, outside Lava's
//     semantics). The bias is re-derived every step, so changes take
//     effect at once.
//   - Step does not range-check parameters, as Lava's CPU model does not
//     (Lava's own golden values use vth = 2¹⁷, one above 17 bits).
//     LIF.Validate reports everything outside the widths above.
//
// # Dense and DelayDense
//
// Weights are prepared once (PrepareWeight): the sign mode is the given one
// or, by default, Excitatory if min(W) ≥ 0, Inhibitory if max(W) ≤ 0,
// Mixed otherwise; weights are clipped to [0, 255], [−255, 0] or
// [−256, 255]; then the low nt = 8 − num_weight_bits bits (+1 for Mixed)
// are cleared by an arithmetic shift, on the magnitude for Inhibitory. An
// 8-bit Mixed matrix therefore keeps only even weights in [−256, 254].
//
// Each step, a Dense first sends the activation computed in the previous
// step (zero at first) and then computes
//
//	acc_i = Σ_{j spiking} W[i,j]     (W·s for graded spikes)
//	a_i   = acc_i << weight_exp  or  acc_i >> −weight_exp   (floor, after summation)
//
// so a spike sent at step t reaches the LIF at step t+1, where it is worth
// w·2^(6+weight_exp) LSB of u. a is not clipped to 16 bits (the quantizer
// keeps it in range). A DelayDense keeps a buffer of max_delay+1 columns:
// it sends column 0, zeroes it and rotates left, then adds each delay k's
// floored sum into column k; delay k thus means latency k+1, and the
// exponent floors each (receiver, delay) sum separately.
//
// Dense.Step overwrites its output and StepAdd adds to it, which forms the
// sum that a Lava InPort with several senders delivers.
//
// # Quantization helpers
//
// QuantizeWeights, QuantizeBias, VoltageDecay, CurrentDecay and
// EffectiveTau implement the integer-format steps of loihi_target.md §7.1:
// w = round(J / 2^(6+weight_exp)) with the smallest weight_exp ∈ −8…7 that
// fits (for coarser grids, Mixed mode or num_weight_bits < 8, rounded onto
// the grid that weight preparation keeps, so the integers pass through
// Dense unchanged); bias_mant = round(B / 2^bias_exp) with the smallest
// fitting bias_exp ∈ 0…7; dv = round((1 − P22)·4096) and
// du = round((1 − P11)·4096) − 1. All rounding is half away from zero
// (math.Round); NumPy's round would go to even, which differs only at exact
// ties.
//
// # Lava CPU versus Loihi 2
//
// Lava documents PyLifModelBitAcc as bit-accurate to the Loihi LIF except
// for refractoriness and axonal delays, and the one public CPU-versus-
// hardware comparison (the NIR paper's LIF trace, loihi_target.md §10 G2)
// agrees in all 4 spike rows and in v at all 996 other rows. The emulator
// therefore has a single arithmetic; no mode switch is needed or justified
// by the evidence. The known differences are outside the arithmetic:
//
//   - At spike rows the hardware probe reports v = 128 where the CPU model
//     shows 0. This is a probe artefact, not state: the following row is 0
//     on both, which a stored 128 would have decayed to 122.
//   - The latching of vth·64 on the first step is a property of the CPU
//     model; whether the chip re-reads vth is not public.
//   - Behaviour on inputs beyond 16 bits is unknown on hardware; the CPU
//     model does not clip them and neither does the emulator
//     (LIF.InputOverflows counts them).
//   - The published comparison uses du = 4095, so the current decay is
//     confirmed against hardware only through Lava's CPU tests.
//
// # Test vectors
//
// The tests reproduce every vector of loihi_target.md §10 that concerns
// this arithmetic: Lava's own LIF golden values (G1a–G1d), the edge cases
// G1e, and the G2 trace, all 1000 rows, bit for bit against both the
// public CPU file and the hardware file (with the probe artefact), checked
// by SHA-256 of the files' text. A literal transcription of §2.2 serves as
// an independent reference for randomized and fuzz tests.
//
// # Performance and concurrency
//
// State is stored as structure of arrays; Step, Apply and StepAdd are
// plain loops that allocate nothing (BenchmarkLIFStep measures them).
// Values are not safe for concurrent use; distinct values are independent,
// and the package has no mutable global state.
package emu
