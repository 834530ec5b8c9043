package rkf45

import (
	"errors"
	"fmt"
	"math"
)

// Func evaluates the right-hand side of y' = f(t, y): it writes f(t, y)
// into dydt. y and dydt have the workspace dimension and must not be
// retained; y must not be modified. A Func is called many times per step
// and should not allocate.
type Func func(t float64, y, dydt []float64)

// Control holds the parameters of the standard step-size controller
// (GSL's gsl_odeiv_control_standard): the error target of component i is
//
//	D_i = EpsRel·(AY·|y_i| + ADydt·|h·y'_i|) + EpsAbs.
//
// All four parameters should be ≥ 0 with D_i > 0.
type Control struct {
	EpsAbs, EpsRel float64
	AY, ADydt      float64
}

// ControlY returns the controller with respect to the solution
// (a_y = 1, a_dydt = 0; GSL's gsl_odeiv_control_y_new, NESTML's
// "with_respect_to_solution").
func ControlY(epsAbs, epsRel float64) Control {
	return Control{EpsAbs: epsAbs, EpsRel: epsRel, AY: 1}
}

// ControlYP returns the controller with respect to the derivative
// (a_y = 0, a_dydt = 1; GSL's gsl_odeiv_control_yp_new, NESTML's
// "with_respect_to_derivative", used by NEST's aeif models).
func ControlYP(epsAbs, epsRel float64) Control {
	return Control{EpsAbs: epsAbs, EpsRel: epsRel, ADydt: 1}
}

// Error codes of the guards of [Workspace.Step] (numerics.md §6.9).
const (
	CodeStall     = "NUMERIC_STALL"
	CodeNonfinite = "NUMERIC_NONFINITE"
)

// Sentinel errors of [Workspace.Step]; test with errors.Is. The errors
// Step returns wrap them and carry a message that starts with the code.
var (
	ErrStall     = errors.New(CodeStall + ": too many RKF45 sub-steps in one step")
	ErrNonfinite = errors.New(CodeNonfinite + ": non-finite state after an RKF45 sub-step")
)

// stepError is an error of Step: a sentinel and a message.
type stepError struct {
	sentinel error
	msg      string
}

func (e *stepError) Error() string { return e.msg }
func (e *stepError) Unwrap() error { return e.sentinel }

// DefaultMaxSubsteps is the sub-step limit of [Workspace.Step] when it is
// given maxSubsteps ≤ 0 (numerics.md §6.9).
const DefaultMaxSubsteps = 100000

// Workspace holds the buffers and counters of one integrator for systems of
// a fixed dimension, typically one per neuron or one per worker reused
// across neurons. It is not safe for concurrent use. Its zero value is not
// usable; create it with [NewWorkspace].
type Workspace struct {
	k1, k2, k3, k4, k5, k6 []float64
	y0, ytmp, yerr, dydt   []float64

	// Count is the number of trial steps (accepted and rejected) taken by
	// EvolveApply and Failed the number of rejected ones; both are
	// cumulative, like GSL's count and failed_steps. Reset them freely.
	Count, Failed uint64
}

// NewWorkspace returns a workspace for systems of dimension n ≥ 1.
func NewWorkspace(n int) *Workspace {
	if n < 1 {
		panic(fmt.Sprintf("rkf45: NewWorkspace(%d): dimension must be positive", n))
	}
	buf := make([]float64, 10*n)
	next := func() []float64 {
		s := buf[:n:n]
		buf = buf[n:]
		return s
	}
	return &Workspace{
		k1: next(), k2: next(), k3: next(), k4: next(), k5: next(), k6: next(),
		y0: next(), ytmp: next(), yerr: next(), dydt: next(),
	}
}

// Len returns the dimension of the workspace.
func (w *Workspace) Len() int { return len(w.y0) }

// Scratch returns a buffer of the workspace dimension that EvolveApply and
// Step overwrite; it serves as the scratch argument of [Euler].
func (w *Workspace) Scratch() []float64 { return w.dydt }

// The Fehlberg coefficients, written as the quotients GSL evaluates
// (numerics.md §6.1); Go rounds each constant quotient once, exactly like a
// C division of the two doubles. Ah are the stage times, B the stage
// weights, C the fifth-order solution weights and E the error-estimate
// weights. They are exported so that the lane-parallel driver of package
// sim uses the very same constants.
const (
	Ah1 = 1.0 / 4.0
	Ah2 = 3.0 / 8.0
	Ah3 = 12.0 / 13.0
	Ah4 = 1.0
	Ah5 = 1.0 / 2.0

	B31 = 3.0 / 32.0
	B32 = 9.0 / 32.0

	B41 = 1932.0 / 2197.0
	B42 = -7200.0 / 2197.0
	B43 = 7296.0 / 2197.0

	B51 = 8341.0 / 4104.0
	B52 = -32832.0 / 4104.0
	B53 = 29440.0 / 4104.0
	B54 = -845.0 / 4104.0

	B61 = -6080.0 / 20520.0
	B62 = 41040.0 / 20520.0
	B63 = -28352.0 / 20520.0
	B64 = 9295.0 / 20520.0
	B65 = -5643.0 / 20520.0

	C1 = 902880.0 / 7618050.0
	C3 = 3953664.0 / 7618050.0
	C4 = 3855735.0 / 7618050.0
	C5 = -1371249.0 / 7618050.0
	C6 = 277020.0 / 7618050.0

	E1 = 1.0 / 360.0
	E3 = -128.0 / 4275.0
	E4 = -2197.0 / 75240.0
	E5 = 1.0 / 50.0
	E6 = 2.0 / 55.0
)

// step takes one RKF45 trial step of size h from (t, y0) with k1 = f(t, y0)
// already in w.k1. It writes the fifth-order solution into y, f(t+h, y)
// into w.dydt and the error estimate into w.yerr.
//
// Every product is wrapped in float64(·), an explicit rounding, so that no
// fused multiply-add can be formed (numerics.md §5.3.1).
func (w *Workspace) step(f Func, t, h float64, y0, y []float64) {
	n := len(y0)
	k1, k2, k3, k4, k5, k6 := w.k1[:n], w.k2[:n], w.k3[:n], w.k4[:n], w.k5[:n], w.k6[:n]
	ytmp := w.ytmp[:n]

	h1 := float64(Ah1 * h)
	for i := range ytmp {
		ytmp[i] = y0[i] + float64(h1*k1[i])
	}
	f(t+h1, ytmp, k2)

	for i := range ytmp {
		s := float64(B31*k1[i]) + float64(B32*k2[i])
		ytmp[i] = y0[i] + float64(h*s)
	}
	f(t+float64(Ah2*h), ytmp, k3)

	for i := range ytmp {
		s := float64(B41*k1[i]) + float64(B42*k2[i]) + float64(B43*k3[i])
		ytmp[i] = y0[i] + float64(h*s)
	}
	f(t+float64(Ah3*h), ytmp, k4)

	for i := range ytmp {
		s := float64(B51*k1[i]) + float64(B52*k2[i]) + float64(B53*k3[i]) + float64(B54*k4[i])
		ytmp[i] = y0[i] + float64(h*s)
	}
	f(t+float64(Ah4*h), ytmp, k5)

	for i := range ytmp {
		s := float64(B61*k1[i]) + float64(B62*k2[i]) + float64(B63*k3[i]) + float64(B64*k4[i]) + float64(B65*k5[i])
		ytmp[i] = y0[i] + float64(h*s)
	}
	f(t+float64(Ah5*h), ytmp, k6)

	yerr := w.yerr[:n]
	y = y[:n]
	for i := range y {
		d := float64(C1*k1[i]) + float64(C3*k3[i]) + float64(C4*k4[i]) + float64(C5*k5[i]) + float64(C6*k6[i])
		y[i] = y0[i] + float64(h*d)
		e := float64(E1*k1[i]) + float64(E3*k3[i]) + float64(E4*k4[i]) + float64(E5*k5[i]) + float64(E6*k6[i])
		yerr[i] = float64(h * e)
	}
	f(t+h, y, w.dydt[:n])
}

// Outcomes of the controller.
const (
	adjDecrease = -1
	adjNone     = 0
	adjIncrease = 1
)

// order is the order GSL reports for rkf45 and uses in the controller.
const order = 5

// adjust applies the standard controller to the trial step of size hOld
// that produced y, w.yerr and w.dydt, and returns the suggested step and
// whether it is a decrease, an increase or unchanged (numerics.md §6.2).
func (w *Workspace) adjust(c Control, y []float64, hOld float64) (float64, int) {
	yerr, dydt := w.yerr[:len(y)], w.dydt[:len(y)]
	rmax := minNormal
	for i, yi := range y {
		d := float64(c.EpsRel*(float64(c.AY*math.Abs(yi))+float64(c.ADydt*math.Abs(float64(hOld*dydt[i]))))) + c.EpsAbs
		r := math.Abs(yerr[i]) / math.Abs(d)
		if r > rmax { // a NaN ratio is ignored
			rmax = r
		}
	}
	switch {
	case rmax > 1.1:
		r := 0.2
		if rmax < decreaseSaturates {
			r = 0.9 / Pow(rmax, 1.0/order)
			if r < 0.2 {
				r = 0.2
			}
		}
		return float64(r * hOld), adjDecrease
	case rmax < 0.5:
		r := 5.0
		if rmax > increaseSaturates {
			r = 0.9 / Pow(rmax, 1.0/(order+1.0))
			if r > 5.0 {
				r = 5.0
			}
			if r < 1.0 {
				r = 1.0
			}
		}
		return float64(r * hOld), adjIncrease
	}
	return hOld, adjNone
}

// Error ratios beyond which the controller's factor is certainly clamped,
// so that pow need not be called (a shortcut that changes no bit, checked
// by TestSaturation): for R ≥ 1847, R^(1/5) > 4.501 and 0.9/R^(1/5) <
// 0.19996 < 0.2; for R ≤ 3.38e-5, R^(1/6) < 0.17999 and 0.9/R^(1/6) >
// 5.0003 > 5. Most steps that end a simulation step are truncated to a
// size with a tiny error and take the second shortcut.
const (
	decreaseSaturates = 1847
	increaseSaturates = 3.38e-5
)

// minNormal is DBL_MIN, the smallest positive normal double, the starting
// value of GSL's maximum error ratio.
const minNormal = 0x1p-1022

// EvolveApply advances y by one accepted RKF45 step from t0 towards t1 and
// returns the new time; *h is the trial step on entry and the suggested
// next step on return (numerics.md §6.3, GSL's gsl_odeiv_evolve_apply).
//
// If *h exceeds t1 − t0 the step is shortened to end exactly at t1, and the
// controller then adjusts the shortened step. A rejected trial step is
// retried from the entry state with the same first stage f(t0, y) until the
// controller accepts it or until the decreased step would no longer move
// time by one ulp, in which case the step is accepted regardless.
//
// EvolveApply panics if len(y) differs from the workspace dimension, if
// t1 < t0 or if *h is not positive (programmer errors). It does not check
// the result for NaN or ±Inf; [Workspace.Step] does.
func (w *Workspace) EvolveApply(f Func, c Control, t0, t1 float64, h *float64, y []float64) (t float64) {
	n := len(w.y0)
	if len(y) != n {
		panic(fmt.Sprintf("rkf45: EvolveApply: len(y) = %d, workspace dimension %d", len(y), n))
	}
	dt := t1 - t0
	h0 := *h
	if !(dt >= 0) || !(h0 > 0) {
		panic(fmt.Sprintf("rkf45: EvolveApply: need t1 ≥ t0 and h > 0, got t0 = %v, t1 = %v, h = %v", t0, t1, h0))
	}
	y0 := w.y0
	copy(y0, y)
	f(t0, y0, w.k1)
	for {
		final := false
		if h0 > dt {
			h0 = dt
			final = true
		}
		w.step(f, t0, h0, y0, y)
		w.Count++
		t = t0 + h0
		if final {
			t = t1
		}
		hAdj, status := w.adjust(c, y, h0)
		if status == adjDecrease {
			if math.Abs(hAdj) < math.Abs(h0) && t+hAdj != t {
				h0 = hAdj
				w.Failed++
				continue
			}
			hAdj = h0
		}
		*h = hAdj
		return t
	}
}

// Step advances y over one simulation step of length dt with the per-step
// loop of numerics.md §6.4: local time runs from 0 to dt in accepted
// sub-steps of [Workspace.EvolveApply], and *hint is the persistent step
// memory (NEST's IntegrationStep_), read as the first trial step and left
// at the last suggested step. Initialise it to dt once per neuron and keep
// it across steps and across calls that batch steps differently.
//
// After each accepted sub-step Step checks that every component of y is
// finite and then calls after(t, y), if after is not nil, with the local
// time t ∈ (0, dt]; after may modify y (threshold checks inside the loop,
// numerics.md §6.5 variant B).
//
// Step returns an error wrapping [ErrNonfinite] if a component becomes NaN
// or ±Inf, and one wrapping [ErrStall] if the step needs more than
// maxSubsteps sub-steps (DefaultMaxSubsteps if maxSubsteps ≤ 0); y then
// holds the state after the last accepted sub-step. It panics on the
// programmer errors of EvolveApply and if dt is not positive.
func (w *Workspace) Step(f Func, c Control, dt float64, hint *float64, y []float64, maxSubsteps int, after func(t float64, y []float64)) error {
	if !(dt > 0) {
		panic(fmt.Sprintf("rkf45: Step: dt = %v, must be positive", dt))
	}
	if maxSubsteps <= 0 {
		maxSubsteps = DefaultMaxSubsteps
	}
	t := 0.0
	for n := 0; t < dt; n++ {
		if n == maxSubsteps {
			return &stepError{ErrStall, fmt.Sprintf("%s: more than %d sub-steps, stopped at t = %v of %v (step memory %v)", CodeStall, maxSubsteps, t, dt, *hint)}
		}
		t = w.EvolveApply(f, c, t, dt, hint, y)
		for i, v := range y {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return &stepError{ErrNonfinite, fmt.Sprintf("%s: component %d is %v at t = %v of %v after %d sub-steps", CodeNonfinite, i, v, t, dt, n+1)}
			}
		}
		if after != nil {
			after(t, y)
		}
	}
	return nil
}

// Euler advances y by one forward Euler step y ← y + h·f(t, y)
// (numerics.md §6.8). scratch receives f(t, y) and must be as long as y,
// for example [Workspace.Scratch].
func Euler(f Func, t, h float64, y, scratch []float64) {
	k := scratch[:len(y)]
	f(t, y, k)
	for i := range y {
		y[i] += float64(h * k[i])
	}
}

// RK4 advances y by one classic fourth-order Runge–Kutta step of size h
// (numerics.md §6.8), using the buffers of w, whose dimension must equal
// len(y):
//
//	k1 = f(t, y)
//	k2 = f(t + h/2, y + (h/2)·k1)
//	k3 = f(t + h/2, y + (h/2)·k2)
//	k4 = f(t + h,   y + h·k3)
//	y ← y + (h/6)·(((k1 + 2·k2) + 2·k3) + k4)
//
// with h/2 = 0.5·h and h/6 rounded once. RK4 does not touch the counters.
func RK4(f Func, t, h float64, y []float64, w *Workspace) {
	n := len(w.y0)
	if len(y) != n {
		panic(fmt.Sprintf("rkf45: RK4: len(y) = %d, workspace dimension %d", len(y), n))
	}
	k1, k2, k3, k4, ytmp := w.k1, w.k2, w.k3, w.k4, w.ytmp
	half := 0.5 * h
	sixth := h / 6
	f(t, y, k1)
	for i := range ytmp {
		ytmp[i] = y[i] + float64(half*k1[i])
	}
	f(t+half, ytmp, k2)
	for i := range ytmp {
		ytmp[i] = y[i] + float64(half*k2[i])
	}
	f(t+half, ytmp, k3)
	for i := range ytmp {
		ytmp[i] = y[i] + float64(h*k3[i])
	}
	f(t+h, ytmp, k4)
	for i := range y {
		s := k1[i] + float64(2*k2[i]) + float64(2*k3[i]) + k4[i]
		y[i] += float64(sixth * s)
	}
}
