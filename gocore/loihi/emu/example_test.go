package emu_test

import (
	"fmt"

	"nestml_go/gocore/loihi/emu"
)

// A spike source drives one LIF neuron through a Dense connection, as
// Lava's RingBuffer → Dense → LIF under Loihi2SimCfg(select_tag="fixed_pt").
// The Dense adds one step of latency; with du = 4095 the current holds one
// step's input only; the neuron fires when v exceeds vth·64 = 1600.
func Example() {
	dense, err := emu.NewDense(1, 1, []int32{10}, emu.DenseConfig{})
	if err != nil {
		panic(err)
	}
	lif := emu.NewLIF(1)
	lif.DU, lif.DV, lif.VTh = 4095, 163, 25

	aIn, sOut := make([]int32, 1), make([]int32, 1)
	for step := 1; step <= 5; step++ {
		sIn := []int32{0}
		if step <= 3 {
			sIn[0] = 1
		}
		dense.Step(sIn, aIn) // aIn: the activation of the previous step's spikes
		lif.Step(aIn, sOut)
		fmt.Printf("step %d: a_in=%d u=%d v=%d spike=%d\n", step, aIn[0], lif.U[0], lif.V[0], sOut[0])
	}
	// Output:
	// step 1: a_in=0 u=0 v=0 spike=0
	// step 2: a_in=10 u=640 v=640 spike=0
	// step 3: a_in=10 u=640 v=1254 spike=0
	// step 4: a_in=10 u=640 v=0 spike=1
	// step 5: a_in=0 u=0 v=0 spike=0
}

// Float target weights in LIF units (LSB of v) become 8-bit integers with a
// shared exponent; a signed matrix is split first to keep 8 bits of
// magnitude on each side.
func ExampleQuantizeWeights() {
	exc, inh := emu.SplitSigns([]float64{8141.06, -3000, 500})
	w, e, err := emu.QuantizeWeights(exc, emu.SignExcitatory, 8)
	fmt.Println(w, e, err, emu.WeightValue(w[0], e))
	w, e, err = emu.QuantizeWeights(inh, emu.SignInhibitory, 8)
	fmt.Println(w, e, err, emu.WeightValue(w[1], e))
	// Output:
	// [254 0 16] -1 <nil> 8128
	// [0 -188 0] -2 <nil> -3008
}
