package loihi

import (
	"fmt"
	"math"

	"nestml_go/gocore/loihi/emu"
	"nestml_go/gocore/sim"
)

// Stimulus is the input of a comparison run, in Lava's terms: Inputs
// source neurons spiking at the given 1-based Lava time steps (a RingBuffer
// source), connected to N model neurons with NEST weights (signed, in the
// model's weight unit: pA, or mV for delta models) and NEST delays in steps
// (≥ 1). The generated run_example.py reads the same structure from
// stimulus.json.
type Stimulus struct {
	Steps  int     `json:"steps"`
	N      int     `json:"n"`
	Inputs int     `json:"inputs"`
	Spikes [][]int `json:"spikes"`
	// Weights is N×Inputs, row-major (Lava's weights[i, j]).
	Weights []float64 `json:"weights"`
	// Delays is N×Inputs in steps; nil means 1 everywhere.
	Delays []int `json:"delays"`
}

func (s *Stimulus) check() error {
	if s.Steps < 1 || s.N < 1 || s.Inputs < 0 {
		return fmt.Errorf("stimulus: steps = %d, n = %d, inputs = %d", s.Steps, s.N, s.Inputs)
	}
	if len(s.Spikes) != s.Inputs {
		return fmt.Errorf("stimulus: %d spike lists for %d inputs", len(s.Spikes), s.Inputs)
	}
	if len(s.Weights) != s.N*s.Inputs {
		return fmt.Errorf("stimulus: %d weights for %d×%d", len(s.Weights), s.N, s.Inputs)
	}
	if s.Delays != nil && len(s.Delays) != s.N*s.Inputs {
		return fmt.Errorf("stimulus: %d delays for %d×%d", len(s.Delays), s.N, s.Inputs)
	}
	for _, d := range s.Delays {
		if d < 1 || d > 64 {
			return fmt.Errorf("stimulus: delay %d steps outside 1…64", d)
		}
	}
	for j, sp := range s.Spikes {
		for _, t := range sp {
			if t < 1 || t > s.Steps {
				return fmt.Errorf("stimulus: input %d spikes at step %d outside 1…%d", j, t, s.Steps)
			}
		}
	}
	return nil
}

func (s *Stimulus) delay(i, j int) int {
	if s.Delays == nil {
		return 1
	}
	return s.Delays[i*s.Inputs+j]
}

// raster returns spikes[t][j] (t 1-based) as 0/1.
func (s *Stimulus) raster() [][]int32 {
	r := make([][]int32, s.Steps+1)
	for t := range r {
		r[t] = make([]int32, s.Inputs)
	}
	for j, sp := range s.Spikes {
		for _, t := range sp {
			r[t][j] = 1
		}
	}
	return r
}

// Trace is the result of a run: per step (row t−1 for Lava step t) and
// neuron. V is the membrane in mV (the fixed-point one converted back);
// VInt, UInt and XInt hold the integer states of fixed-point runs (UInt in
// tier A, XInt per state in tier B).
type Trace struct {
	V      [][]float64 `json:"v_mV"`
	VInt   [][]int32   `json:"v,omitempty"`
	UInt   [][]int32   `json:"u,omitempty"`
	XInt   [][][]int32 `json:"x,omitempty"`
	Spikes [][]int8    `json:"spikes"`
}

func newTrace(steps, n int) *Trace {
	t := &Trace{V: make([][]float64, steps), Spikes: make([][]int8, steps)}
	for i := range t.V {
		t.V[i] = make([]float64, n)
		t.Spikes[i] = make([]int8, n)
	}
	return t
}

// SpikeCount returns the total number of spikes.
func (t *Trace) SpikeCount() int {
	c := 0
	for _, row := range t.Spikes {
		for _, s := range row {
			c += int(s)
		}
	}
	return c
}

// seen returns the weight port p sees for NEST weight w: excitatory ports
// take w ≥ 0, inhibitory ports |w| of w < 0 (NESTML's convention), and
// unqualified ports (and the merged tier A a_in) every w as is.
func (n *Neuron) seen(p Port, w float64) float64 {
	if n.Tier == "A" {
		return w
	}
	hasQualified := false
	for _, q := range n.Ports {
		if q.Qualifier != "" {
			hasQualified = true
		}
	}
	switch {
	case p.Qualifier == "excitatory" && w >= 0:
		return w
	case p.Qualifier == "inhibitory" && w < 0:
		return -w
	case p.Qualifier == "" && !hasQualified:
		return w
	}
	return 0
}

// lavaDelay returns the Lava (Delay)Dense delay for NEST delay d steps:
// d − 1 everywhere except d for the tier A psc_exp fixed-point LIF, whose
// current lags NEST's by a step (loihi_target.md §5.1).
func (n *Neuron) lavaDelay(d int, fixed bool) int {
	if fixed && n.Tier == "A" && n.Kind == "psc_exp" {
		return d
	}
	return d - 1
}

// RunFloat runs the canonical form in float64, NEST's update order (the
// generated floating-point process model). pOverride, if not nil, replaces
// the diagonal propagator entries (the "float with quantized decays"
// variant of the report).
func RunFloat(n *Neuron, s *Stimulus, diag []float64) (*Trace, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	k, N := len(n.States), s.N
	x := make([][]float64, k)
	for r := range x {
		x[r] = make([]float64, N)
		for i := range x[r] {
			x[r][i] = n.States[r].Init
		}
	}
	rows, qv := n.Rows, append([]float64(nil), n.Q...)
	if diag != nil {
		// decay around the reset origin, as the integer membrane does
		qv[n.V] += (n.P[n.V][n.V] - diag[n.V]) * n.VReset
		rows = make([][]Entry, k)
		for r := range n.Rows {
			for _, e := range n.Rows[r] {
				if e.Col == r {
					e.P = diag[r]
				}
				rows[r] = append(rows[r], e)
			}
		}
	}
	counter := make([]int, N)
	for i := range counter {
		counter[i] = n.RefrInit
	}
	raster := s.raster()
	tr := newTrace(s.Steps, N)
	y := make([]float64, k)
	W := make([]float64, len(n.Ports))
	for t := 1; t <= s.Steps; t++ {
		for i := 0; i < N; i++ {
			for p, pt := range n.Ports {
				W[p] = 0
				for j := 0; j < s.Inputs; j++ {
					src := t - 1 - n.lavaDelay(s.delay(i, j), false)
					if src >= 1 && raster[src][j] != 0 {
						W[p] += n.seen(pt, s.Weights[i*s.Inputs+j])
					}
				}
			}
			refr := counter[i] > 0
			if refr {
				counter[i]--
			}
			for r := 0; r < k; r++ {
				acc := 0.0
				for _, e := range rows[r] {
					acc += e.P * x[e.Col][i]
				}
				y[r] = acc + qv[r]
			}
			for r := 0; r < k; r++ {
				if r == n.V && refr {
					continue
				}
				x[r][i] = y[r]
			}
			for p, pt := range n.Ports {
				if W[p] == 0 || (pt.Delta && refr) {
					continue
				}
				x[pt.State][i] += W[p] * pt.Coef
			}
			if counter[i] == 0 && x[n.V][i] >= n.VTh {
				x[n.V][i] = n.VReset
				counter[i] = n.RefrSteps
				tr.Spikes[t-1][i] = 1
			}
			tr.V[t-1][i] = x[n.V][i]
		}
	}
	return tr, nil
}

// projection is one quantized Dense of a fixed-point run.
type projection struct {
	port  int
	dense *emu.Dense
	delay *emu.DelayDense
}

// Projections quantizes the stimulus weights as connections.py does: per
// port, J = seen(w)·JScale, split by sign into an EXCITATORY and an
// INHIBITORY 8-bit Dense (or DelayDense), each with its own weight_exp.
func (n *Neuron) projections(f *Fixed, s *Stimulus) ([]projection, error) {
	var out []projection
	for p, pt := range n.Ports {
		for _, sign := range []float64{1, -1} {
			j := make([]float64, s.N*s.Inputs)
			any := false
			maxD := 0
			delays := make([]int32, len(j))
			for idx, w := range s.Weights {
				v := n.seen(pt, w) * f.JScale[p]
				if v*sign > 0 {
					j[idx] = v
					any = true
				}
				d := n.lavaDelay(s.delay(idx/max(s.Inputs, 1), idx%max(s.Inputs, 1)), true)
				delays[idx] = int32(d)
				maxD = max(maxD, d)
			}
			if !any {
				continue
			}
			mode := emu.SignExcitatory
			if sign < 0 {
				mode = emu.SignInhibitory
			}
			w8, e, err := emu.QuantizeWeights(j, mode, 8)
			if err != nil {
				return nil, fmt.Errorf("port %s: %v", pt.Name, err)
			}
			cfg := emu.DenseConfig{WeightExp: e, NumWeightBits: 8, SignMode: mode}
			if maxD == 0 {
				d, err := emu.NewDense(s.N, s.Inputs, w8, cfg)
				if err != nil {
					return nil, err
				}
				out = append(out, projection{port: p, dense: d})
			} else {
				d, err := emu.NewDelayDense(s.N, s.Inputs, w8, delays, maxD, cfg)
				if err != nil {
					return nil, err
				}
				out = append(out, projection{port: p, delay: d})
			}
		}
	}
	return out, nil
}

// RunFixed runs the fixed-point model in the Go emulator: tier A as Lava's
// stock LIF (emu.LIF), tier B as the Loihi-style linear model (emu.Linear),
// fed through bit-accurate Dense/DelayDense connections.
func RunFixed(n *Neuron, f *Fixed, s *Stimulus) (*Trace, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	projs, err := n.projections(f, s)
	if err != nil {
		return nil, err
	}
	N := s.N
	raster := s.raster()
	tr := newTrace(s.Steps, N)
	tr.VInt = make([][]int32, s.Steps)
	aIn := make([][]int32, len(n.Ports))
	for p := range aIn {
		aIn[p] = make([]int32, N)
	}
	sOut := make([]int32, N)
	feed := func(t int) {
		for p := range aIn {
			clear(aIn[p])
		}
		for _, pr := range projs {
			if pr.dense != nil {
				pr.dense.StepAdd(raster[t], aIn[pr.port])
			} else {
				pr.delay.StepAdd(raster[t], aIn[pr.port])
			}
		}
	}
	if n.Tier == "A" {
		lif := emu.NewLIF(N)
		lif.DU, lif.DV, lif.VTh = f.DU, f.DV, f.VthMant
		for i := 0; i < N; i++ {
			lif.BiasMant[i], lif.BiasExp[i] = f.BiasMant, f.BiasExp
			lif.V[i], lif.U[i] = f.V0, f.U0
		}
		tr.UInt = make([][]int32, s.Steps)
		for t := 1; t <= s.Steps; t++ {
			feed(t)
			lif.Step(aIn[0], sOut)
			tr.VInt[t-1] = append([]int32(nil), lif.V...)
			tr.UInt[t-1] = append([]int32(nil), lif.U...)
			for i := 0; i < N; i++ {
				tr.Spikes[t-1][i] = int8(sOut[i])
				tr.V[t-1][i] = float64(lif.V[i])/f.A + n.VReset
			}
		}
		return tr, nil
	}
	k := len(n.States)
	l := emu.NewLinear(k, N)
	l.VIndex = n.V
	copy(l.D, f.D)
	l.Terms = f.Terms
	l.BiasMant, l.BiasExp = f.BiasMants, f.BiasExps
	l.VTh = f.VthMant
	l.RefrSteps = int32(n.RefrSteps)
	for _, p := range n.Ports {
		l.Ports = append(l.Ports, emu.LinearPort{State: p.State, Delta: p.Delta})
	}
	for r := 0; r < k; r++ {
		for i := 0; i < N; i++ {
			l.X[r][i] = f.X0[r]
		}
	}
	for i := 0; i < N; i++ {
		l.Counter[i] = int32(n.RefrInit)
	}
	if err := l.Validate(); err != nil {
		return nil, err
	}
	tr.XInt = make([][][]int32, s.Steps)
	for t := 1; t <= s.Steps; t++ {
		feed(t)
		l.Step(aIn, sOut)
		tr.VInt[t-1] = append([]int32(nil), l.X[n.V]...)
		xs := make([][]int32, k)
		for r := range xs {
			xs[r] = append([]int32(nil), l.X[r]...)
		}
		tr.XInt[t-1] = xs
		for i := 0; i < N; i++ {
			tr.Spikes[t-1][i] = int8(sOut[i])
			tr.V[t-1][i] = float64(l.X[n.V][i])/f.A + n.VReset
		}
	}
	return tr, nil
}

// RunReference runs the IR model in the Go engine (gocore/sim), NEST's
// semantics: the float reference. Input j spiking at Lava step t is a
// spike_generator spike at t·h ms; NEST delays are the stimulus delays.
func RunReference(n *Neuron, s *Stimulus) (*Trace, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	h := n.H
	net, err := sim.NewNetwork(h)
	if err != nil {
		return nil, err
	}
	pop, err := net.CreatePopulation(n.Model, s.N)
	if err != nil {
		return nil, err
	}
	for _, id := range pop.IDs() {
		for pi, p := range n.Params {
			if n.Model.Params[pi].Name != p.Name {
				continue
			}
			if err := net.SetNodeValue(id, p.Name, p.Value); err != nil {
				return nil, err
			}
		}
	}
	net.InitState(pop.IDs())
	var gens []int
	for j := 0; j < s.Inputs; j++ {
		times := make([]float64, len(s.Spikes[j]))
		for k, t := range s.Spikes[j] {
			times[k] = float64(t) * h
		}
		g, err := net.CreateSpikeGenerator(times, nil)
		if err != nil {
			return nil, err
		}
		gens = append(gens, g.First)
	}
	for i := 0; i < s.N; i++ {
		for j := 0; j < s.Inputs; j++ {
			w := s.Weights[i*s.Inputs+j]
			if w == 0 {
				continue
			}
			if err := net.Connect([]int{gens[j]}, []int{pop.First + i}, w, float64(s.delay(i, j))*h, ""); err != nil {
				return nil, err
			}
		}
	}
	vname := n.Model.State[n.States[n.V].IR].Name
	if n.States[n.V].IR < 0 {
		return nil, fmt.Errorf("no membrane state")
	}
	mm, err := net.CreateMultimeter([]string{vname}, h)
	if err != nil {
		return nil, err
	}
	sr := net.CreateSpikeRecorder()
	if err := net.Connect([]int{mm.First}, pop.IDs(), 1, h, ""); err != nil {
		return nil, err
	}
	if err := net.Connect(pop.IDs(), []int{sr.First}, 1, h, ""); err != nil {
		return nil, err
	}
	if err := net.Simulate(float64(s.Steps)*h, nil); err != nil {
		return nil, err
	}
	rm, _ := net.Recorder(mm.First)
	rs, _ := net.Recorder(sr.First)
	tr := newTrace(s.Steps, s.N)
	vals := rm.Values[vname]
	for k := range vals {
		step := int(math.Round(rm.Times[k]/h)) - 1
		i := int(rm.Senders[k]) - pop.First
		if step >= 0 && step < s.Steps && i >= 0 && i < s.N {
			tr.V[step][i] = vals[k]
		}
	}
	for k := range rs.Times {
		step := int(math.Round(rs.Times[k]/h)) - 1
		i := int(rs.Senders[k]) - pop.First
		if step >= 0 && step < s.Steps && i >= 0 && i < s.N {
			tr.Spikes[step][i] = 1
		}
	}
	return tr, nil
}
