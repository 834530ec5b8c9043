package sim

import (
	"fmt"
	"math"
)

// Current generators beyond dc_generator, with NEST 3.10's parameters and
// timing. Like NEST's they are "current generators": a generator is
// active in step s when start ≤ (s+1)·h < stop (the window dc_generator
// uses), and the current sent in step s with a delay of D steps acts
// during step s+D+1.
//
// Their value for a step is computed in the serial phase before the
// parallel one (Network.updateDevices), from the step number only; the
// parallel jobs then add it to their targets' rings. noise_generator draws
// one value per connection from the connection's own random stream (seeded
// as poisson_generator's, poisson.go), so its currents are independent of
// the thread count and of how a run is split into simulate calls.

// currentDevice is the per-step state of a step_current_generator,
// ac_generator or noise_generator.
type currentDevice struct {
	on  bool    // active in this step
	cur float64 // step_current_generator, ac_generator: the current (pA)

	// step_current_generator: change steps (stamp steps) and amplitudes
	times  []int64
	values []float64
	idx    int

	// ac_generator: the oscillator (y0, y1), rotated by the exact
	// rotation matrix of angle ω·h every step, as NEST does
	amp, offset, phase, freq float64
	y0, y1                   float64
	a00, a01, a10, a11       float64
	acInit                   bool

	// noise_generator: mean and standard deviation (pA), the amplitude of
	// the sinusoidal modulation of the variance (std_mod, pA; its
	// oscillator uses frequency and phase above), redraw interval (steps),
	// the step of the next redraw, whether this step redraws and the
	// standard deviation of this draw; one amplitude per connection
	// (sorted by target, as g.targets)
	mean, std, stdMod float64
	dtSteps           int64
	nextStep          int64
	redraw            bool
	sigma             float64
	amps              []float64
}

// NoiseSpec holds the parameters of a noise_generator (NEST's names):
// currents mean + sqrt(std² + std_mod²·sin(2π·frequency·t + phase))·N(0, 1)
// (pA), redrawn every dt ms, within start < t ≤ stop.
type NoiseSpec struct {
	Mean, Std, StdMod float64
	Frequency, Phase  float64 // Hz, degrees
	Dt                float64 // ms; NEST's default is 1
	// Start and Stop in ms; Stop = math.Inf(1) (NEST's default) never
	// stops — the zero value stops at 0, so the generator never sends
	Start, Stop float64
}

// isCurrentSource reports whether generators of kind send currents to a
// continuous input port (rather than spikes).
func isCurrentSource(kind string) bool {
	switch kind {
	case "dc_generator", "step_current_generator", "ac_generator", "noise_generator":
		return true
	}
	return false
}

func (n *Network) window(start, stop float64) (int64, int64, error) {
	if math.IsNaN(start) || math.IsInf(start, 0) || start < 0 {
		return 0, 0, fmt.Errorf("start must be a finite number of ms ≥ 0, got %v", start)
	}
	if math.IsNaN(stop) || stop < start {
		return 0, 0, fmt.Errorf("stop (%v ms) must be ≥ start (%v ms)", stop, start)
	}
	a, b := int64(math.Round(start/n.h)), int64(math.MaxInt64)
	if stop/n.h < float64(math.MaxInt64/2) {
		b = int64(math.Round(stop / n.h))
	}
	return a, b, nil
}

// CreateStepCurrentGenerator adds a step_current_generator: from each time
// amplitudeTimes[k] (ms, strictly increasing, > 0) on, the current is
// amplitudeValues[k] (pA), within start < t ≤ stop. The times must lie on
// the grid unless allowOffgrid is set; then, as in NEST, each is rounded
// up to the next grid point.
func (n *Network) CreateStepCurrentGenerator(amplitudeTimes, amplitudeValues []float64, allowOffgrid bool, start, stop float64) (NodeRange, error) {
	if len(amplitudeTimes) != len(amplitudeValues) {
		return NodeRange{}, fmt.Errorf("amplitude_times and amplitude_values must have the same length (%d vs %d)", len(amplitudeTimes), len(amplitudeValues))
	}
	a, b, err := n.window(start, stop)
	if err != nil {
		return NodeRange{}, err
	}
	d := &currentDevice{}
	tps := int64(math.Round(n.h * 1000)) // tics per step
	for k, t := range amplitudeTimes {
		v := amplitudeValues[k]
		if math.IsNaN(t) || math.IsInf(t, 0) || t < 0 {
			return NodeRange{}, fmt.Errorf("amplitude_times[%d] = %v must be a finite number of ms ≥ 0", k, t)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return NodeRange{}, fmt.Errorf("amplitude_values[%d] = %v must be finite", k, v)
		}
		// on the tic grid (1000 tics per ms, as NEST), then on the step grid
		tics := math.Round(t * 1000)
		s := tics / float64(tps)
		onGrid := math.Abs(tics-t*1000) <= 1e-6*math.Max(1, t*1000) && s == math.Trunc(s)
		if !onGrid {
			if !allowOffgrid {
				return NodeRange{}, fmt.Errorf("amplitude_times[%d] = %v ms is not a multiple of the resolution %v ms (set allow_offgrid_times to round it up)", k, t, n.h)
			}
			s = math.Ceil(t*1000/float64(tps) - 1e-9)
		}
		st := int64(s)
		if k > 0 && st <= d.times[k-1] {
			return NodeRange{}, fmt.Errorf("amplitude_times must be strictly increasing (on the grid of %v ms): %v ms follows %v ms", n.h, t, amplitudeTimes[k-1])
		}
		d.times = append(d.times, st)
		d.values = append(d.values, v)
	}
	g := &generator{kind: "step_current_generator", startStep: a, stopStep: b, dev: d}
	return n.addGenerator(g), nil
}

// CreateACGenerator adds an ac_generator: I(t) = offset + amplitude·sin(ω·t
// + φ) with ω = 2π·frequency (Hz) and φ = phase (degrees), active within
// start < t ≤ stop (ms). Like NEST it advances the oscillator by an exact
// rotation every step, started from t = 0 when the simulation starts.
func (n *Network) CreateACGenerator(amplitude, offset, phase, frequency, start, stop float64) (NodeRange, error) {
	for _, p := range []struct {
		name string
		v    float64
	}{{"amplitude", amplitude}, {"offset", offset}, {"phase", phase}, {"frequency", frequency}} {
		if math.IsNaN(p.v) || math.IsInf(p.v, 0) {
			return NodeRange{}, fmt.Errorf("%s must be finite, got %v", p.name, p.v)
		}
	}
	a, b, err := n.window(start, stop)
	if err != nil {
		return NodeRange{}, err
	}
	d := &currentDevice{amp: amplitude, offset: offset, phase: phase, freq: frequency}
	g := &generator{kind: "ac_generator", startStep: a, stopStep: b, dev: d}
	return n.addGenerator(g), nil
}

// CreateNoiseGenerator adds a noise_generator: every dt ms (a multiple of
// the resolution) it draws for each connection an independent current
// (NoiseSpec), held until the next draw. Draws come from per-connection
// random streams derived from the network seed (they differ from NEST's
// random numbers); the variance modulation follows NEST's oscillator,
// advanced by an exact rotation in the active steps.
func (n *Network) CreateNoiseGenerator(spec NoiseSpec) (NodeRange, error) {
	for _, p := range []struct {
		name string
		v    float64
	}{{"mean", spec.Mean}, {"std", spec.Std}, {"std_mod", spec.StdMod}, {"frequency", spec.Frequency}, {"phase", spec.Phase}} {
		if math.IsNaN(p.v) || math.IsInf(p.v, 0) {
			return NodeRange{}, fmt.Errorf("%s must be finite, got %v", p.name, p.v)
		}
	}
	if spec.Std < 0 || spec.StdMod < 0 {
		return NodeRange{}, fmt.Errorf("std and std_mod must be ≥ 0, got %v and %v", spec.Std, spec.StdMod)
	}
	if spec.StdMod > spec.Std {
		return NodeRange{}, fmt.Errorf("std (%v pA) must be ≥ std_mod (%v pA)", spec.Std, spec.StdMod)
	}
	dt := spec.Dt
	ds := math.Round(dt / n.h)
	if !(dt > 0) || ds < 1 || math.Abs(ds*n.h-dt) > 1e-9*math.Max(1, dt) {
		return NodeRange{}, fmt.Errorf("dt (%v ms) must be a positive multiple of the resolution %v ms", dt, n.h)
	}
	a, b, err := n.window(spec.Start, spec.Stop)
	if err != nil {
		return NodeRange{}, err
	}
	d := &currentDevice{mean: spec.Mean, std: spec.Std, stdMod: spec.StdMod, dtSteps: int64(ds),
		amp: 1, freq: spec.Frequency, phase: spec.Phase}
	g := &generator{kind: "noise_generator", startStep: a, stopStep: b, dev: d}
	return n.addGenerator(g), nil
}

// activeCurrent reports whether a current generator sends in step s (NEST:
// start < s+2 ≤ stop in steps, i.e. start ≤ s+1 < stop).
func (g *generator) activeCurrent(s int64) bool {
	return s+1 >= g.startStep && s+1 < g.stopStep
}

// updateDevices computes this step's values of the current generators
// (serial phase, before the jobs of step s run).
func (n *Network) updateDevices(s int64) {
	for _, g := range n.gens {
		d := g.dev
		if d == nil {
			continue
		}
		switch g.kind {
		case "step_current_generator":
			if s == 0 {
				// NEST skips change times at or before the start
				for d.idx < len(d.times) && d.times[d.idx] <= 0 {
					d.idx++
				}
			}
			if d.idx < len(d.times) && d.times[d.idx] == s+1 {
				d.cur = d.values[d.idx]
				d.idx++
			}
			d.on = g.activeCurrent(s)
		case "ac_generator":
			if !d.acInit {
				d.initAC(n.h, n.stamp(s))
			}
			y0 := d.y0
			d.y0 = float64(d.a00*y0) + float64(d.a01*d.y1)
			d.y1 = float64(d.a10*y0) + float64(d.a11*d.y1)
			d.on = g.activeCurrent(s)
			d.cur = d.y1 + d.offset
		case "noise_generator":
			if d.amps == nil {
				d.amps = make([]float64, len(g.targets))
				g.seedStreams(n.seed)
			}
			if d.stdMod != 0 && !d.acInit {
				d.initAC(n.h, n.stamp(s)) // at the start of the run, as NEST
			}
			d.on = g.activeCurrent(s)
			d.redraw = false
			if !d.on {
				continue
			}
			if d.stdMod != 0 {
				// NEST rotates the oscillator in the active steps only
				y0 := d.y0
				d.y0 = float64(d.a00*y0) + float64(d.a01*d.y1)
				d.y1 = float64(d.a10*y0) + float64(d.a11*d.y1)
			}
			if s >= d.nextStep {
				d.redraw = true
				d.nextStep = s + d.dtSteps
				d.sigma = d.std
				if d.stdMod != 0 {
					d.sigma = math.Sqrt(float64(d.std*d.std) + float64(float64(d.y1*d.stdMod)*d.stdMod))
				}
			}
		}
	}
}

// initAC sets the oscillator state at time t (ms) and its rotation matrix
// (NEST's ac_generator::pre_run_hook).
func (d *currentDevice) initAC(h, t float64) {
	omega := 2.0 * math.Pi * d.freq / 1000.0
	phi := d.phase * 2.0 * math.Pi / 360.0
	d.y0 = d.amp * math.Cos(float64(omega*t)+phi)
	d.y1 = d.amp * math.Sin(float64(omega*t)+phi)
	wh := float64(omega * h)
	d.a00, d.a01 = math.Cos(wh), -math.Sin(wh)
	d.a10, d.a11 = math.Sin(wh), math.Cos(wh)
	d.acInit = true
}

// sendCurrents adds the currents of a step_current_generator,
// ac_generator or noise_generator to the targets in [lo, hi) of the job's
// population (parallel phase of step s).
func (g *generator) sendCurrents(w *worker, p *Population, lo, hi uint32) {
	d := g.dev
	if !d.on {
		return
	}
	first := p.first
	a, b := targetRange(g.targets, lo, hi)
	if g.kind == "noise_generator" {
		for e := a; e < b; e++ {
			if d.redraw {
				d.amps[e] = d.mean + d.sigma*normal(&g.streams[e])
			}
			c := g.targets[e]
			x := w.slots[c.meta>>portBits] + int(c.tgt) - first
			p.contRing[c.meta&portMask][x] += c.w * d.amps[e]
		}
		return
	}
	for _, c := range g.targets[a:b] {
		x := w.slots[c.meta>>portBits] + int(c.tgt) - first
		p.contRing[c.meta&portMask][x] += c.w * d.cur
	}
}

// normal returns a standard normal number from stream s (Box–Muller with
// two uniforms; the second value is discarded so that every draw uses a
// fixed number of stream outputs).
func normal(s *pcg) float64 {
	u1, u2 := uniform(s), uniform(s)
	return math.Sqrt(-2*math.Log(1-u1)) * math.Cos(2*math.Pi*u2)
}
