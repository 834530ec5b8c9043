package sim

import (
	_ "unsafe" // go:linkname

	_ "nestml_go/gocore/rkf45"
)

// ctlPow is the pow of the step-size controller of package rkf45 (its
// correctly rounded x^(1/5) and x^(1/6), numerics.md §6.2), which the
// lane-parallel RKF45 of this package must share bit for bit with the
// scalar integrator. rkf45 does not export it yet; this link-time alias is
// the stopgap until it does (then: ctlPow = rkf45.Pow).
//
//go:linkname ctlPow nestml_go/gocore/rkf45.pow
func ctlPow(x, y float64) float64
