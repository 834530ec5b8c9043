package rkf45_test

import (
	"fmt"

	"nestml_go/gocore/rkf45"
)

// A leaky membrane driven by a constant current, τ·V' = −(V − E_L) + R·I,
// integrated over ten NEST steps of 0.1 ms like a NESTML model with the
// default controller. The step memory h_int belongs to the neuron and
// persists across steps.
func ExampleWorkspace_Step() {
	const (
		tau = 10.0  // ms
		EL  = -70.0 // mV
		RI  = 20.0  // mV
	)
	rhs := func(_ float64, y, dydt []float64) { dydt[0] = (-(y[0] - EL) + RI) / tau }

	ws := rkf45.NewWorkspace(1)
	V := []float64{EL}
	hInt := 0.1 // initialised to the resolution once (NEST's init_buffers_)
	for step := 0; step < 10; step++ {
		if err := ws.Step(rhs, rkf45.ControlY(1e-6, 1e-6), 0.1, &hInt, V, 0, nil); err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Printf("V(1 ms) = %.6f mV, exact %.6f mV\n", V[0], EL+RI*(1-0.9048374180359595))
	fmt.Printf("%d trial steps, %d rejected, step memory %.3g ms\n", ws.Count, ws.Failed, hInt)
	// Output:
	// V(1 ms) = -68.096748 mV, exact -68.096748 mV
	// 10 trial steps, 0 rejected, step memory 0.5 ms
}
