// Package rkf45 integrates ODE systems y' = f(t, y) with the embedded
// Runge–Kutta–Fehlberg 4(5) method and the standard step-size controller,
// reproducing GSL's gsl_odeiv_step_rkf45, gsl_odeiv_control_standard and
// gsl_odeiv_evolve_apply bit for bit (numerics.md §6).
//
// The package is the numeric core of the simulator's ODE integration: NEST
// models built with GSL take the same steps, reject the same trials and
// produce the same bits, so the Go engine and a NEST module agree to the
// last bit whenever their right-hand sides do. The C++ header
// cpp_templates/nestml_go_rk45.h implements the identical algorithm for
// generated NEST modules that do not link GSL.
//
// # Stage formulas
//
// Given t, a step h, the state y and k1 = f(t, y), one trial step
// ([Workspace.EvolveApply] computes k1 once and reuses it on retries) is
//
//	k2 = f(t + (1/4)h,   y + ((1/4)h)·k1)
//	k3 = f(t + (3/8)h,   y + h·(b31·k1 + b32·k2))
//	k4 = f(t + (12/13)h, y + h·(b41·k1 + b42·k2 + b43·k3))
//	k5 = f(t + h,        y + h·(b51·k1 + … + b54·k4))
//	k6 = f(t + (1/2)h,   y + h·(b61·k1 + … + b65·k5))
//	y' = y + h·(c1·k1 + c3·k3 + c4·k4 + c5·k5 + c6·k6)
//	e  =     h·(e1·k1 + e3·k3 + e4·k4 + e5·k5 + e6·k6)
//	d  = f(t + h, y')
//
// with Fehlberg's coefficients written as GSL writes them, quotients such
// as b51 = 8341/4104 (not 439/216, which rounds differently),
// c1 = 902880/7618050 and e4 = −2197/75240. The new state y' is the
// fifth-order solution (local extrapolation); e estimates its error. Sums
// are evaluated left to right, every product is rounded on its own (Go:
// an explicit float64(·) conversion, C++: -ffp-contract=off), so no fused
// multiply-add can change a bit on any architecture.
//
// # Step-size control
//
// After a trial step of size h, with D_i = ε_rel·(a_y·|y'_i| + a_dydt·|h·d_i|)
// + ε_abs and R = max(DBL_MIN, max_i |e_i|/|D_i|) (a NaN ratio is skipped):
//
//	R > 1.1:  h ← h·max(0.2, 0.9/R^(1/5))          decrease
//	R < 0.5:  h ← h·min(5, max(1, 0.9/R^(1/6)))     increase
//	else:     h unchanged
//
// [ControlY] sets a_y = 1, a_dydt = 0 (error relative to the solution, the
// NESTML default); [ControlYP] sets a_y = 0, a_dydt = 1 (relative to the
// derivative, NEST's aeif models). R^(1/5) and R^(1/6) are computed
// correctly rounded by [Pow]: GSL calls the C library's pow there, and
// glibc's pow agrees with the correctly rounded value in all but a tiny
// fraction of arguments (in every call of the conformance runs in
// testdata/), while Go's math.Pow often differs in the last bit.
//
// # Evolve driver
//
// [Workspace.EvolveApply] takes one accepted step from t0 towards t1. A
// trial step longer than t1 − t0 is shortened to end exactly at t1, and
// the controller adjusts the shortened size, which becomes the suggested
// step (this is why the step memory of NEST models returns to its large
// value after every step end). A decrease rejects the trial: it is retried
// from the saved state with the same k1, unless the smaller step would not
// move time by at least one ulp, in which case the trial is accepted
// despite its error. There is no minimum step. Workspace.Count counts
// trials and Workspace.Failed rejections, as GSL's count and failed_steps.
//
// # Per-step loop
//
// [Workspace.Step] advances one simulation step of length dt with local
// time running from 0 to dt:
//
//	t = 0
//	while t < dt:  t = EvolveApply(t, dt, &hint, y); check y; after(t, y)
//
// The step memory *hint is owned by the caller, one per neuron, initialised
// to dt once and never reset between steps, so integrating n steps gives
// the same bits however the caller batches them (NEST's Simulate(100) ==
// 10 × Simulate(10)). Step reports [ErrNonfinite] if a component of y is
// NaN or ±Inf after an accepted sub-step and [ErrStall] if more than
// maxSubsteps sub-steps are needed (numerics.md §6.9); GSL itself would
// loop forever on some such states.
//
// [Euler] and [RK4] are the fixed-step alternatives of numerics.md §6.8.
//
// # Domain, errors and panics
//
// The right-hand side must write every component of dydt and must not
// keep y or dydt. Integration runs forward only. Dimension mismatches,
// t1 < t0, a step memory that is not positive and dt ≤ 0 are programmer
// errors and panic; non-finite states and stalls are data-dependent
// failures and are returned as errors by Step. Neither EvolveApply nor Step
// allocates; a Workspace is not safe for concurrent use, but any number of
// workspaces may run concurrently.
//
// # Reference
//
// E. Fehlberg, "Low-order classical Runge-Kutta formulas with stepsize
// control and their application to some heat transfer problems", NASA
// TR R-315, 1969. E. Hairer, S. P. Nørsett, G. Wanner, Solving Ordinary
// Differential Equations I, 2nd ed., Springer 1993, §II.4 (step-size
// control). GNU Scientific Library Reference Manual, "Ordinary Differential
// Equations" (the documented behaviour of gsl_odeiv_control_standard and
// gsl_odeiv_evolve_apply). J.-M. Muller et al., Handbook of Floating-Point
// Arithmetic, 2nd ed., Birkhäuser 2018 (double-double arithmetic, Ziv's
// rounding test).
package rkf45
