package sim

import "nestml_go/gocore/rkf45"

// ctlPow is the pow of the step-size controller of package rkf45 (its
// correctly rounded x^(1/5) and x^(1/6), numerics.md §6.2), which the
// lane-parallel RKF45 of this package shares bit for bit with the scalar
// integrator.
func ctlPow(x, y float64) float64 { return rkf45.Pow(x, y) }
